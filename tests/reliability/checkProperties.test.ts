/**
 * `check` under arbitrary declarations, for every registered resource: 10,000 each, built from the resource's
 * own schema with hostile strings (path and header escapes, 1 MB, non-BMP, lone surrogates), wrong types,
 * preview unknowns and junk keys (`__proto__` among them) mixed in; half of them valid declarations with up to
 * two properties spoiled, so that both answers are given many times (both are counted and asserted).
 *
 * Whatever comes in, `check` never throws; it answers either failures that name a property path and say why,
 * or inputs that the schema accepts (or that hold preview unknowns, judged again at `up`); it sends nothing to
 * Zoom; and it pollutes no prototype.
 */
import fc from "fast-check";
import type { z } from "zod";
import { allDefinitions } from "../../provider/resources/registry";
import { KINDS } from "../../fixtures/kinds";
import { startResourceTestbed, type ResourceTestbed } from "../support/resources";
import { brief, problemWith } from "./support/checkAnswer";
import { containsUnknown } from "../../provider/framework/unknown";
import { declarations, nearValid, ONE_MEGABYTE } from "./support/hostile";
import { KIND_CASES, type KindEnv } from "./support/kinds";

/** 10,000 per kind; CHECK_RUNS lowers it while debugging. */
const RUNS = Number(process.env.CHECK_RUNS ?? 10_000);
let bed: ResourceTestbed;
let env: KindEnv;

beforeAll(async () => {
  bed = await startResourceTestbed();
  // check sends nothing, so any meeting id serves for templates; the accounts give real user and account ids.
  env = { accounts: await bed.control.state(), meetingId: 81234567890 };
});
afterAll(async () => bed.close());

const kinds = () => allDefinitions().map((d) => [d.kind, d] as const);

test("every resource kind is covered", () => {
  expect(kinds().map(([kind]) => kind).sort()).toEqual([...KINDS].sort());
});

describe.each(kinds())("%s check", (kind, definition) => {
  test(`${RUNS} arbitrary declarations: never throws, failures with paths or valid inputs, no request`, async () => {
    const schema = definition.schema as z.ZodObject;
    const topLevel = [...Object.keys(schema.shape), "(resource)"];
    const provider = bed.provider(kind);
    const requestsBefore = await bed.requestCount();
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    // How check answered: a property that only ever saw failures (or only acceptances) would prove little.
    const answers = { refused: 0, accepted: 0, unknown: 0 };

    // Half wholly arbitrary, half a valid declaration (of every variant the reliability tests use) with up to
    // two properties spoiled or removed.
    const cases = KIND_CASES.filter((c) => c.kind === kind);
    const valid = fc.tuple(fc.constantFrom(...cases), fc.nat(9999)).map(([c, n]) => c.declare(n, env));
    const declaration = fc.oneof(declarations(schema), nearValid(valid, schema));

    await fc.assert(
      fc.asyncProperty(declaration, fc.option(declaration, { freq: 4 }), async (declared, previous) => {
        const news = { __logicalName: "hostile", __provider: "stub", ...declared };
        const olds = previous === null ? {} : { __logicalName: "hostile", ...previous };
        let result: Awaited<ReturnType<NonNullable<typeof provider.check>>>;
        try {
          result = await provider.check!(olds, news);
        } catch (error) {
          throw new Error(`check threw ${String(error)} for ${brief(declared)}`);
        }
        const problem = problemWith(result, news, schema, topLevel);
        if (problem) throw new Error(`${problem}\n  declaration: ${brief(declared)}`);
        if ((result.failures ?? []).length > 0) answers.refused += 1;
        else if (containsUnknown(result.inputs)) answers.unknown += 1;
        else answers.accepted += 1;
      }),
      // No shrinking: shrinking megabyte strings takes minutes, and the report above is already short.
      { numRuns: RUNS, endOnFailure: true },
    );

    // Both ways, many times each: the generators reach valid declarations as well as hostile ones.
    expect(answers.accepted).toBeGreaterThanOrEqual(RUNS / 100);
    expect(answers.refused).toBeGreaterThanOrEqual(RUNS / 100);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    // The run above never yields to the event loop (check answers at once), so the emulator's idle-socket
    // timers are overdue: let them close their sockets before asking it, or the ask may meet a reset one.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await bed.requestCount()).toBe(requestsBefore);
  });
});

test("a failure that quotes a stored value stays short (a SIP trunk's DNIS prefix, from a 1 MB stored DNIS)", async () => {
  const accounts = env.accounts;
  const base = { __logicalName: "prefix", accountId: accounts.subAccounts[0]!.id, trunkId: accounts.master.sipTrunks[0]!.id };
  const result = await bed.provider("SipTrunk").check!({ ...base, dnis: `9${ONE_MEGABYTE}` }, { ...base, dnis: "18888463" });
  expect(result.failures).toHaveLength(1);
  expect(result.failures![0]!.property).toBe("dnis");
  expect(result.failures![0]!.reason).toMatch(/^must start with 9xxxx, .*\(1048579 characters\)/);
  expect(result.failures![0]!.reason.length).toBeLessThan(1000);
});
