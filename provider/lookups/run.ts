/**
 * Runs a lookup definition: validates the arguments (before any request), reads the candidates through the
 * shared Zoom client (auth, rate limiter, retries, pagination, redaction), keeps the declared fields, matches,
 * and answers, or fails naming the query and what was found.
 */
import { ZoomApiError, registerSecret } from "../client";
import type { ZoomClient } from "../client/types";
import { camelCaseOf } from "../framework/case";
import { validate } from "../framework/validate";
import type { LookupDefinition, LookupSource, MatchRule } from "./definition";
import { callText, listed, ZoomLookupError } from "./errors";

type Item = Record<string, unknown>;

/** The declared fields of one Zoom object, camelCased; nothing else (no undeclared field can carry a secret). */
export function shapeItem(definition: LookupDefinition, zoomObject: Item): Item {
  const camel = camelCaseOf(zoomObject);
  const out: Item = {};
  for (const [key, field] of Object.entries(definition.fields)) {
    const value = field.compute ? field.compute(camel) : camel[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function equalText(a: unknown, b: unknown, caseInsensitive: boolean): boolean {
  if (typeof a !== "string" || typeof b !== "string") return a === b;
  return caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function matches(rules: readonly MatchRule[], item: Item, args: Item): boolean {
  return rules.every((rule) => args[rule.arg] === undefined || equalText(item[rule.field], args[rule.arg], rule.caseInsensitive === true));
}

async function candidates(client: ZoomClient, source: LookupSource, accountId: string | undefined, context: string): Promise<Item[]> {
  const scope = { ...(accountId !== undefined ? { accountId } : {}), context };
  if (source.kind === "get") {
    try {
      const answer = await client.request<Item>({ operation: source.operation, pathParams: source.pathParams, ...scope });
      return answer.data ? [answer.data] : [];
    } catch (error) {
      // Only the object's own "does not exist" codes: a 404 for an unknown account (2001) is not "no such user".
      if (error instanceof ZoomApiError && error.zoomCode !== undefined && source.notFound.includes(error.zoomCode)) return [];
      throw error;
    }
  }
  const request = { operation: source.operation, ...(source.pathParams ? { pathParams: source.pathParams } : {}), ...scope };
  if (source.paginated) {
    const items: Item[] = [];
    for await (const item of client.paginate<Item>({ ...request, itemsKey: source.itemsKey })) items.push(item);
    return items;
  }
  const answer = await client.request<Item>(request);
  const items = answer.data?.[source.itemsKey];
  return Array.isArray(items) ? (items as Item[]) : [];
}

/** Registers every secret field's value with the redactor, so no log line of this process shows it. */
function registerSecrets(definition: LookupDefinition, items: readonly Item[]): void {
  for (const [key, field] of Object.entries(definition.fields)) {
    if (!field.secret) continue;
    for (const item of items) if (typeof item[key] === "string") registerSecret(item[key]);
  }
}

/** True when the result carries a value of a secret field. */
export function hasSecrets(definition: LookupDefinition, result: Item): boolean {
  const secretKeys = Object.entries(definition.fields).filter(([, f]) => f.secret).map(([k]) => k);
  if (secretKeys.length === 0) return false;
  const items = definition.returns.kind === "all" ? (result[definition.returns.key] as Item[] | undefined) ?? [] : [result];
  return items.some((item) => secretKeys.some((key) => item[key] !== undefined));
}

/** Validated arguments, or a ZoomLookupError naming every bad argument. Never calls the API. */
export function checkArgs(definition: LookupDefinition, rawArgs: unknown): Item {
  const validation = validate(definition.args, rawArgs ?? {});
  if (!validation.ok) {
    // A rule over the arguments as a whole (e.g. "exactly one of") has no property to name.
    const reasons = validation.failures.map((f) => (f.property === "(resource)" ? f.reason : `${f.property}: ${f.reason}`)).join("; ");
    throw new ZoomLookupError(`${callText(definition.name, rawArgs)}: invalid arguments: ${reasons}`);
  }
  return validation.value as Item;
}

export async function runLookup(definition: LookupDefinition, rawArgs: unknown, client: ZoomClient): Promise<Item> {
  const args = checkArgs(definition, rawArgs);
  const call = callText(definition.name, rawArgs);
  const accountId = definition.accountId?.(args);
  const source = definition.source(args);
  const found = (await candidates(client, source, accountId, `looking up ${call}`)).map((item) => shapeItem(definition, item));
  registerSecrets(definition, found);
  const matching = definition.match ? found.filter((item) => matches(definition.match ?? [], item, args)) : found;
  const where = accountId !== undefined ? ` in account ${accountId}` : "";

  if (definition.returns.kind === "all") {
    const echoed = (definition.echo ?? []).filter((key) => args[key] !== undefined).map((key) => [key, args[key]]);
    return { ...Object.fromEntries(echoed), [definition.returns.key]: matching };
  }
  if (matching.length === 1) return matching[0];
  const noun = definition.noun;
  if (matching.length === 0) {
    // A lookup by id asked Zoom for one object: there is no list of the others to show.
    const seen =
      source.kind === "get"
        ? `Zoom answered that it does not exist${where}`
        : found.length === 0
          ? `there are no ${noun}s${where}`
          : `the ${noun}s${where} are: ${listed(found.map(definition.describe))}`;
    throw new ZoomLookupError(`${call}: no ${noun} matches; ${seen}${definition.notFoundHint ? ` (${definition.notFoundHint})` : ""}`);
  }
  throw new ZoomLookupError(
    `${call}: ${matching.length} ${noun}s match, expected one: ${listed(matching.map(definition.describe))}; look it up by something that tells them apart (an id or email)`,
  );
}
