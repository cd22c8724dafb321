/**
 * Resource kind → definition, and the entry point the serialized stubs call (`dynamicProvider`).
 */
import type { ResourceDefinition } from "./definition";
import { buildProvider, type ZoomDynamicProvider } from "./provider";
import { STUB_ABI } from "./stub";

const definitions = new Map<string, ResourceDefinition>();
const providers = new Map<string, ZoomDynamicProvider>();

export function registerDefinition(definition: ResourceDefinition): void {
  definitions.set(definition.kind, definition);
}

export function definitionOf(kind: string): ResourceDefinition {
  const definition = definitions.get(kind);
  if (!definition) throw new Error(`pulumi-zoom has no resource kind "${kind}" (known: ${[...definitions.keys()].join(", ")})`);
  return definition;
}

export function allDefinitions(): ResourceDefinition[] {
  return [...definitions.values()];
}

/** Called by the stub serialized in state: the current implementation of `kind`. */
export function dynamicProvider(kind: string, abi: number): ZoomDynamicProvider {
  if (abi > STUB_ABI) {
    throw new Error(
      `this stack was written by a newer pulumi-zoom (provider ABI ${abi}); the installed version supports ABI ${STUB_ABI}: upgrade pulumi-zoom`,
    );
  }
  let provider = providers.get(kind);
  if (!provider) {
    provider = buildProvider(definitionOf(kind));
    providers.set(kind, provider);
  }
  return provider;
}
