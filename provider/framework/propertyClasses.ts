/**
 * A definition's input properties grouped by how the provider treats them (see PropertySpec in definition.ts),
 * worked out once per kind.
 */
import type { PropertySpec, ResourceDefinition } from "./definition";
import { wholeObjectPaths } from "./wholeObjects";

export interface PropertyClasses {
  /** Every input property. */
  readonly all: readonly string[];
  /** The same, as the roots a declared path may start at. */
  readonly roots: ReadonlySet<string>;
  /** Compared with the live object; sent on update. */
  readonly live: readonly string[];
  /** Sent in the create body. */
  readonly created: readonly string[];
  /** Kept in state from the inputs, because Zoom does not return them. */
  readonly kept: readonly string[];
  /** Sent on create only and never returned by Zoom. */
  readonly createOnly: readonly string[];
  readonly secret: readonly string[];
  /** Objects Zoom validates whole (wholeObjects.ts): an update changing anything inside sends them whole. */
  readonly wholeObjects: readonly string[];
}

export function classify(definition: ResourceDefinition): PropertyClasses {
  const properties = definition.properties as Record<string, PropertySpec>;
  const all = Object.keys(properties);
  const where = (test: (spec: PropertySpec) => boolean | undefined) => all.filter((key) => test(properties[key]!) === true);
  const live = where((spec) => spec.source === "live" && !spec.scope);
  return {
    all,
    roots: new Set(all),
    live,
    created: where((spec) => spec.source !== "provider" && !spec.scope),
    kept: all.filter((key) => !live.includes(key)),
    createOnly: where((spec) => spec.source === "createOnly" && !spec.scope),
    secret: where((spec) => spec.secret),
    wholeObjects: wholeObjectPaths(definition.schema),
  };
}
