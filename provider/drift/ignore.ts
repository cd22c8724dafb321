/**
 * `--ignore <kind>:<glob>`: unmanaged objects someone already knows about. The kind is a resource kind
 * (`TrackingField`, any case) or `*`; the glob is matched against the object's Pulumi id and against its name
 * (topic, name, label or number), case-insensitively. `*` matches any run of characters (`/` included), `?`
 * one character.
 *
 *   --ignore 'TrackingField:Legacy*'   --ignore 'Meeting:*'   --ignore '*:sub123/*'
 */
export interface IgnorePattern {
  /** As the user wrote it, for reports. */
  readonly text: string;
  /** Lower-case kind, or `*`. */
  readonly kind: string;
  readonly glob: RegExp;
}

export class IgnorePatternError extends Error {
  override readonly name = "IgnorePatternError";
}

function globToRegExp(glob: string): RegExp {
  let source = "";
  for (const char of glob) {
    if (char === "*") source += ".*";
    else if (char === "?") source += ".";
    else source += char.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, "isu");
}

export function parseIgnorePattern(text: string, knownKinds: readonly string[]): IgnorePattern {
  const colon = text.indexOf(":");
  if (colon <= 0 || colon === text.length - 1) {
    throw new IgnorePatternError(`--ignore "${text}": expected <kind>:<glob>, e.g. "TrackingField:Legacy*" or "Meeting:*"`);
  }
  const kind = text.slice(0, colon).trim();
  const glob = text.slice(colon + 1);
  if (kind !== "*" && !knownKinds.some((known) => known.toLowerCase() === kind.toLowerCase())) {
    throw new IgnorePatternError(`--ignore "${text}": unknown kind "${kind}" (known: ${knownKinds.join(", ")}, or *)`);
  }
  return { text, kind: kind.toLowerCase(), glob: globToRegExp(glob) };
}

/** The first pattern that silences this object, if any. */
export function matchIgnore(patterns: readonly IgnorePattern[], kind: string, id: string, label: string | undefined): IgnorePattern | undefined {
  const lower = kind.toLowerCase();
  return patterns.find(
    (pattern) => (pattern.kind === "*" || pattern.kind === lower) && (pattern.glob.test(id) || (label !== undefined && pattern.glob.test(label))),
  );
}

/** True when a pattern silences every object of the kind (its objects are still listed, and counted as ignored). */
export function ignoresWholeKind(patterns: readonly IgnorePattern[], kind: string): boolean {
  const lower = kind.toLowerCase();
  return patterns.some((pattern) => (pattern.kind === "*" || pattern.kind === lower) && pattern.glob.source === "^.*$");
}
