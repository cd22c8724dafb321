/**
 * What a lookup says when it cannot answer: the function, the query, and what it found instead. The query is
 * the lookup's own arguments (never secret); candidates are shown by `describe`, which leaves secrets out.
 */
export class ZoomLookupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ZoomLookupError";
  }
}

/** `zoom.getUser({"name":"Ada Lovelace"})`: how messages name the call. */
export function callText(name: string, args: unknown): string {
  return `zoom.${name}(${JSON.stringify(args ?? {})})`;
}

/** At most `limit` candidates, then how many more. */
export function listed(candidates: readonly string[], limit = 10): string {
  const shown = candidates.slice(0, limit).join("; ");
  return candidates.length > limit ? `${shown}; and ${candidates.length - limit} more` : shown;
}
