/**
 * The one place the plugin learns which resource kinds exist and gets each kind's provider: the SAME definitions
 * and the SAME framework provider objects the dynamic resources' stubs call (registry.ts), so both front doors
 * run one implementation. Everything under provider/plugin/ goes through these two functions; when the kind list
 * moves (a resource manifest), only this file changes.
 */
import "../resources";
import type { ResourceDefinition } from "../framework/definition";
import type { ZoomDynamicProvider } from "../framework/provider";
import { allDefinitions, dynamicProvider } from "../framework/registry";
import { STUB_ABI } from "../framework/stub";

/** Every resource kind, in registration order (the schema lists them in this order). */
export function pluginDefinitions(): readonly ResourceDefinition[] {
  return allDefinitions();
}

/** The framework's provider for `kind`: the object the dynamic stub of that kind forwards to. */
export function frameworkProvider(kind: string): ZoomDynamicProvider {
  return dynamicProvider(kind, STUB_ABI);
}
