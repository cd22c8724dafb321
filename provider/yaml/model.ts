/**
 * What loading a `zoom.yaml` yields: a validated model of the declared objects, or every problem found, each
 * pointing at its place in the file.
 */
import type { ResourceDefinition } from "../framework/definition";
import type { DeclaredLookup } from "./lookups";
import type { ConfigReference, Reference, ReferenceUse } from "./references";
import type { SectionKey } from "./sections";

/** One problem, printed as `zoom.yaml:14:7 meetings.standup.settings.waitingRoom: expected boolean, got string`. */
export interface StackProblem {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** Dotted path in the file (`meetings.standup.settings.waitingRoom`); empty for file-level problems. */
  readonly path: string;
  readonly reason: string;
}

export function formatProblem(problem: StackProblem): string {
  const where = `${problem.file}:${problem.line}:${problem.col}`;
  return problem.path ? `${where} ${problem.path}: ${problem.reason}` : `${where}: ${problem.reason}`;
}

/** A property value as written: plain data, with references where the file wrote `${...}`. */
export type DeclaredValue =
  | string
  | number
  | boolean
  | null
  | Reference
  | ConfigReference
  | DeclaredValue[]
  | { [key: string]: DeclaredValue };

/** One declared object: `meetings.standup`. */
export interface DeclaredObject {
  readonly section: SectionKey;
  /** The resource kind, e.g. `Meeting`. */
  readonly kind: string;
  /** The logical name, e.g. `standup`. */
  readonly name: string;
  readonly definition: ResourceDefinition;
  /** The properties as written (`$${` already unescaped), references as `Reference`/`ConfigReference` objects. */
  readonly properties: Readonly<Record<string, DeclaredValue>>;
  /** Every reference in `properties`, with its path. */
  readonly references: readonly ReferenceUse[];
  /**
   * Objects this one must be created after although it does not reference them: a meeting naming a tracking
   * field declared in the same file by its label. As `section.name`.
   */
  readonly dependsOn: readonly string[];
}

/** A `${config.<key>}` in the file, and where: ZoomStack checks every key is set before registering anything. */
export interface ConfigUse {
  readonly key: string;
  readonly line: number;
  readonly col: number;
  /** Dotted path in the file, e.g. `tspAccounts.primary.leaderPin`. */
  readonly path: string;
}

export interface StackModel {
  readonly file: string;
  /** The `lookups:` section, in file order (absent when a model is built by hand). */
  readonly lookups?: readonly DeclaredLookup[];
  /** In file order. */
  readonly objects: readonly DeclaredObject[];
  /** Every config reference, in file order. */
  readonly configUses: readonly ConfigUse[];
}

export type LoadResult =
  | { readonly ok: true; readonly model: StackModel }
  | { readonly ok: false; readonly problems: readonly StackProblem[] };

/** `meetings.standup` */
export function addressOf(object: Pick<DeclaredObject, "section" | "name">): string {
  return `${object.section}.${object.name}`;
}

/**
 * `from` (default: every object) and everything they reference or depend on, transitively, ordered so that each
 * comes after everything it needs (the loader refuses cycles).
 */
export function inDependencyOrder(objects: readonly DeclaredObject[], from: readonly DeclaredObject[] = objects): DeclaredObject[] {
  const byAddress = new Map(objects.map((object) => [addressOf(object), object]));
  const ordered: DeclaredObject[] = [];
  const placed = new Set<DeclaredObject>();
  const place = (object: DeclaredObject): void => {
    if (placed.has(object)) return;
    placed.add(object);
    for (const address of [...object.references.map((use) => use.reference.target), ...object.dependsOn]) {
      const needed = byAddress.get(address);
      if (needed) place(needed);
    }
    ordered.push(object);
  };
  from.forEach(place);
  return ordered;
}
