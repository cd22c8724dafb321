/**
 * pulumi-zoom: Zoom accounts as Pulumi resources.
 *
 *   import * as zoom from "pulumi-zoom";
 *   new zoom.Meeting("standup", { topic: "Daily standup", type: 8, ... });
 */
/** The resource classes, their declarations and argument types, and the manifest listing them. */
export * from "./resources";
/** Entry point of the provider stubs serialized in state; not for direct use. */
export { dynamicProvider } from "./resources/registry";
export { ZoomStack, type StackResources, type ZoomStackArgs } from "./yaml";
export * from "./lookups";
