/**
 * Values that try to leave their URL path segment (or a header): `../`, `/`, `?`, `#`, `%2F`, CR/LF, 1 MB,
 * non-BMP text, lone surrogates, in every id, user id, account id and text field of every resource, through
 * check, create, read (import), update and delete, against the emulator over real HTTP.
 *
 * Each is either refused (a check failure naming the property, or a clear error naming the resource) or sent
 * encoded: the emulator's request log shows that every request that reached it stayed inside its operation's
 * path template, one encoded value per placeholder, with no query parameter pulumi-zoom does not send. Text
 * that is accepted arrives whole: reading the object back gives exactly the declared value.
 */
import { OPERATIONS, type OperationId } from "../../catalogue/operations";
import { fixtureOf, KINDS } from "../../fixtures/kinds";
import type { ResourceTestbed } from "../support/resources";
import { kindCase, type KindEnv, type Props } from "./support/kinds";
import { brief } from "./support/checkAnswer";
import { HOSTILE_STRINGS } from "./support/hostile";
import { startReliabilityBed } from "./support/testbed";

let bed: ResourceTestbed;
let env: KindEnv;
let counter = 0;

beforeAll(async () => {
  ({ bed, env } = await startReliabilityBed());
});
afterAll(async () => bed.close());

/** Hostile ids of an object: the Pulumi id as read (import) and delete receive it. */
const HOSTILE_IDS = [
  ...HOSTILE_STRINGS.filter((s) => s.length < 1000),
  "..%2F..%2Fusers",
  "%2e%2e/%2e%2e/1",
  "me/../../1",
  "a/b/c/d/e",
  "acct/..",
  "acct/%2F",
  "123?x=1",
  "123#frag",
  "123%0d%0aX-Injected:%201",
  "%E0%A4%A",
  `x/${"y".repeat(1024 * 1024)}`,
];

/** A thrown value that reads as a clear error: an Error of ours, naming the resource kind, without a stack. */
function clearError(error: unknown, kind: string): string | undefined {
  if (!(error instanceof Error)) return `threw a non-Error: ${brief(error)}`;
  if (["TypeError", "RangeError", "URIError", "SyntaxError", "ReferenceError"].includes(error.name)) {
    return `a ${error.name} (a crash, not an answer): ${error.message.slice(0, 300)}`;
  }
  if (!error.message.includes(`zoom:${kind}`) && !/\[\w+ [A-Z]+ \//.test(error.message)) return `does not name zoom:${kind}: ${error.message.slice(0, 300)}`;
  if (/\n\s+at /.test(error.message)) return `a stack trace in the message: ${error.message.slice(0, 300)}`;
  if (error.message.length > 4000) return `a message of ${error.message.length} characters`;
  return undefined;
}

/** Runs one provider call; returns a problem, or undefined when it answered or failed clearly. */
async function attempt(kind: string, what: string, call: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await call();
    return undefined;
  } catch (error) {
    const problem = clearError(error, kind);
    return problem === undefined ? undefined : `${kind} ${what}: ${problem}`;
  }
}

/** A path template as a pattern: each placeholder one non-empty encoded segment. */
function templatePattern(operationId: OperationId): RegExp {
  const operation = OPERATIONS[operationId];
  const segment = "[^/?#\\s]+";
  const path = operation.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[A-Za-z0-9_]+\}/g, segment);
  const plain = operation.scope === "accountOnly" ? "(?!)" : path;
  return new RegExp(`^/v2(?:/accounts/${segment}${path}|${plain})$`);
}

/**
 * The query parameters pulumi-zoom sends (paging, meeting list and read options, quiet deletes). A value that
 * escaped its path segment through `?` would add one of its own (`a?b=c` gives `b`).
 */
const QUERY_KEYS = new Set(["page_size", "next_page_token", "type", "show_previous_occurrences", "schedule_for_reminder", "cancel_meeting_reminder"]);

/** Every request the emulator saw since `index` that left its operation's template. */
async function escapedRequests(index: number): Promise<string[]> {
  const log = (await bed.control.requests()).slice(index);
  const bad: string[] = [];
  for (const entry of log) {
    const where = `${entry.method} ${entry.rawPath.slice(0, 200)}${entry.query ? `?${entry.query.slice(0, 100)}` : ""}`;
    if (entry.operationId === undefined) {
      bad.push(`${where}: matches no operation`);
      continue;
    }
    if (!templatePattern(entry.operationId).test(entry.rawPath)) bad.push(`${where}: not ${OPERATIONS[entry.operationId].path}`);
    const strange = [...new URLSearchParams(entry.query).keys()].filter((key) => !QUERY_KEYS.has(key));
    if (strange.length > 0) bad.push(`${where}: query parameters pulumi-zoom never sends (${strange.join(", ")})`);
    const segments = entry.rawPath.split("/").map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
    if (segments.slice(1).some((s) => s === "." || s === "..")) bad.push(`${where}: a dot segment`);
  }
  return bad;
}

/** A valid declaration of the kind, distinct each time. */
function base(kind: string): Props {
  return kindCase(kind).declare(++counter, env);
}

describe.each(KINDS)("%s", (kind) => {
  test("hostile values in path inputs: refused by check, or encoded", async () => {
    const provider = bed.provider(kind);
    const logStart = (await bed.control.requests()).length;
    const problems: string[] = [];
    for (const property of fixtureOf(kind).pathInputs) {
      for (const value of HOSTILE_STRINGS) {
        const declared = { ...base(kind), [property]: value };
        const checked = await provider.check!({}, { __logicalName: `hostile-${counter}`, ...declared });
        const failures = checked.failures ?? [];
        if (failures.length > 0) {
          if (!failures.some((f) => f.property === property || f.property.startsWith(`${property}.`))) {
            problems.push(`${kind}.${property}=${brief(value)}: refused, but not for ${property}: ${brief(failures)}`);
          }
          continue;
        }
        // Accepted by check: it must then be sent encoded (or refused clearly by the client) on create.
        const problem = await attempt(kind, `create with ${property}=${brief(value)}`, () => provider.create(checked.inputs as Props));
        if (problem) problems.push(problem);
      }
    }
    expect(problems).toEqual([]);
    expect(await escapedRequests(logStart)).toEqual([]);
  });

  test("hostile values in text inputs: refused by check, or sent in the body", async () => {
    const provider = bed.provider(kind);
    const logStart = (await bed.control.requests()).length;
    const problems: string[] = [];
    for (const property of fixtureOf(kind).textInputs) {
      for (const value of HOSTILE_STRINGS) {
        const checked = await provider.check!({}, { __logicalName: `text-${counter}`, ...base(kind), [property]: value });
        if ((checked.failures ?? []).length > 0) continue;
        let live: Props | undefined;
        const problem = await attempt(kind, `create with ${property}=${brief(value)}`, async () => {
          const made = await provider.create(checked.inputs as Props);
          live = (await provider.read!(made.id, made.outs)).props as Props;
        });
        if (problem) problems.push(problem);
        // Made: Zoom holds the text exactly as declared (nothing cut off at a CR/LF, a NUL or a surrogate).
        else if (live && property in live && live[property] !== (checked.inputs as Props)[property]) {
          problems.push(`${kind} create with ${property}=${brief(value)}: Zoom holds ${brief(live[property])}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(await escapedRequests(logStart)).toEqual([]);
  });

  test("hostile ids on read (import), update and delete: clear errors, or encoded", async () => {
    const provider = bed.provider(kind);
    const logStart = (await bed.control.requests()).length;
    const declared = (await provider.check!({}, { __logicalName: "ids", ...base(kind) })).inputs as Props;
    const problems: string[] = [];
    for (const id of HOSTILE_IDS) {
      problems.push(
        ...(
          await Promise.all([
            attempt(kind, `read ${brief(id)}`, () => provider.read!(id, {})),
            attempt(kind, `delete ${brief(id)}`, () => provider.delete!(id, declared)),
            attempt(kind, `update ${brief(id)}`, () => provider.update!(id, { ...declared, __incomplete: true }, declared)),
          ])
        ).filter((p): p is string => p !== undefined),
      );
    }
    expect(problems).toEqual([]);
    expect(await escapedRequests(logStart)).toEqual([]);
  });
});
