/**
 * Resource kind → manifest entry and definition, and the entry point the serialized stubs call
 * (`dynamicProvider`). Read from `RESOURCE_MANIFEST`; it lives beside the manifest, not in the framework, so
 * the framework never imports the resources built on it.
 */
import type { ResourceDefinition } from "../framework/definition";
import type { ManifestEntry } from "../framework/manifest";
import { buildProvider, type ZoomDynamicProvider } from "../framework/provider";
import { STUB_ABI } from "../framework/stub";
import { RESOURCE_MANIFEST } from "./index";

const entries: ReadonlyMap<string, ManifestEntry> = new Map(RESOURCE_MANIFEST.map((entry) => [entry.definition.kind, entry]));
const providers = new Map<string, ZoomDynamicProvider>();

/** The manifest entry of `kind`; throws naming the known kinds. */
export function entryOf(kind: string): ManifestEntry {
  const entry = entries.get(kind);
  if (!entry) throw new Error(`pulumi-zoom has no resource kind "${kind}" (known: ${[...entries.keys()].join(", ")})`);
  return entry;
}

export function definitionOf(kind: string): ResourceDefinition {
  return entryOf(kind).definition;
}

/** Every definition, in the manifest's order. */
export function allDefinitions(): ResourceDefinition[] {
  return RESOURCE_MANIFEST.map((entry) => entry.definition);
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
