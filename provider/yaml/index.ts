/**
 * Desired state in YAML: the `zoom.yaml` loader, its JSON Schema, and the `ZoomStack` component.
 */
export { loadStackFile, loadStackText } from "./loader";
export { buildJsonSchema, renderJsonSchema, type JsonSchema } from "./jsonSchema";
export { addressOf, formatProblem } from "./model";
export type { DeclaredObject, DeclaredValue, LoadResult, StackModel, StackProblem } from "./model";
export { ConfigReference, Reference, type ReferenceUse } from "./references";
export { SECTIONS, SECTION_KEYS, type SectionKey } from "./sections";
export { ZoomStack, type StackResources, type ZoomStackArgs } from "./stack";
