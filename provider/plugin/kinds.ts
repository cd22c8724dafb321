/**
 * The plugin's view of the resource kinds: the manifest's definitions (provider/resources/index.ts) and the SAME
 * framework provider objects the dynamic resources' stubs call (resources/registry.ts), so both front doors run
 * one implementation. Everything under provider/plugin/ goes through these two functions.
 */
import type { ResourceDefinition } from "../framework/definition";
import type { ZoomDynamicProvider } from "../framework/provider";
import { STUB_ABI } from "../framework/stub";
import { RESOURCE_MANIFEST } from "../resources";
import { dynamicProvider } from "../resources/registry";

/** Every resource kind, in the manifest's order (the schema lists them in this order). */
export function pluginDefinitions(): readonly ResourceDefinition[] {
  return RESOURCE_MANIFEST.map((entry) => entry.definition);
}

/** The framework's provider for `kind`: the object the dynamic stub of that kind forwards to. */
export function frameworkProvider(kind: string): ZoomDynamicProvider {
  return dynamicProvider(kind, STUB_ABI);
}
