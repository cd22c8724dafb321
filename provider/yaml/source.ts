/**
 * A `zoom.yaml` file parsed with its source positions, so that every problem can point at the line and column
 * where a person fixes it.
 *
 * Parsing is YAML 1.2 with the core schema only: `yes`/`no` stay strings (so `waitingRoom: yes` is reported as
 * a string, not silently read as true), timestamps stay strings (Zoom wants the text), and tags outside the core
 * schema (`!!binary`, `!!set`, custom tags) are errors rather than values no schema could describe.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";
import { isPrototypeKey } from "../framework/case";

export interface Position {
  readonly line: number;
  readonly col: number;
}

/** A syntax problem: where, and what. */
export interface SyntaxProblem {
  readonly position: Position;
  readonly reason: string;
}

export interface YamlSource {
  /** The file as plain JSON-like data (undefined when it could not be parsed). */
  readonly value: unknown;
  readonly problems: readonly SyntaxProblem[];
  /**
   * Where `path` is written: the key of its last map step (`waitingRoom:` for `settings.waitingRoom`), or the
   * item for a list step. A path that does not exist (a missing required property) points at the deepest part
   * that does.
   */
  locate(path: readonly (string | number)[]): Position;
}

const START: Position = { line: 1, col: 1 };

export function parseYaml(text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    schema: "core",
    version: "1.2",
    resolveKnownTags: false,
    uniqueKeys: true,
  });
  const at = (offset: number | undefined): Position => {
    if (offset === undefined) return START;
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };
  const problems: SyntaxProblem[] = [...doc.errors, ...doc.warnings].map((problem) => ({
    position: at(problem.pos[0]),
    reason: problem.message.trim(),
  }));
  problems.push(...prototypeKeys(doc).map((node) => ({
    position: at(startOf(node)),
    reason: `the key "${String(node.value)}" names an object prototype, not a property: no section, object or property of zoom.yaml is called so`,
  })));
  // A file with such a key is not turned into values at all: `__proto__:` would replace a map's prototype.
  const value: unknown = problems.length > doc.warnings.length ? undefined : doc.toJS({ maxAliasCount: 100 });
  return { value, problems, locate: (path) => at(offsetOf(doc, path)) };
}

/** Map keys spelled `__proto__`, `constructor` or `prototype`, anywhere in the document. */
function prototypeKeys(doc: Document): { value: unknown; range?: Node["range"] | null }[] {
  const found: { value: unknown; range?: Node["range"] | null }[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && typeof pair.key.value === "string" && isPrototypeKey(pair.key.value)) found.push(pair.key);
    },
  });
  return found;
}

/** The node an alias stands for, so paths through `*anchor` still find their place. */
function resolved(doc: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

function startOf(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}

function offsetOf(doc: Document, path: readonly (string | number)[]): number | undefined {
  let node: unknown = resolved(doc, doc.contents);
  let offset = startOf(node);
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => String(isScalar(item.key) ? item.key.value : item.key) === String(step));
      if (!pair) break;
      offset = startOf(pair.key) ?? offset;
      node = resolved(doc, pair.value);
    } else if (isSeq(node)) {
      const index = typeof step === "number" ? step : /^\d+$/.test(step) ? Number(step) : -1;
      const item: unknown = index >= 0 ? node.items[index] : undefined;
      if (item === undefined) break;
      node = resolved(doc, item);
      offset = startOf(node) ?? offset;
    } else {
      break;
    }
  }
  return offset;
}
