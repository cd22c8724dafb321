/**
 * `check` under arbitrary declarations, for every registered resource: 10,000 each, built from the resource's
 * own schema with hostile strings (path and header escapes, 1 MB, non-BMP, lone surrogates), wrong types,
 * preview unknowns and junk keys (`__proto__` among them) mixed in.
 *
 * Whatever comes in, `check` never throws; it answers either failures that name a property path and say why,
 * or inputs that the schema accepts (or that hold preview unknowns, judged again at `up`); it sends nothing to
 * Zoom; and it pollutes no prototype.
 */
import fc from "fast-check";
import type { z } from "zod";
import { allDefinitions } from "../../provider/framework/registry";
import { startResourceTestbed, type ResourceTestbed } from "../support/resources";
import { brief, problemWith } from "./support/checkAnswer";
import { declarations } from "./support/hostile";

/** 10,000 per kind; CHECK_RUNS lowers it while debugging. */
const RUNS = Number(process.env.CHECK_RUNS ?? 10_000);
let bed: ResourceTestbed;

beforeAll(async () => {
  bed = await startResourceTestbed();
});
afterAll(async () => bed.close());

// The package registers its resources on import; the testbed imported it.
const kinds = () => allDefinitions().map((d) => [d.kind, d] as const);

test("every resource kind is covered", () => {
  expect(kinds().map(([kind]) => kind).sort()).toEqual(["H323Device", "InternalNumber", "MeetingTemplate", "Meeting", "SipTrunk", "TrackingField", "TspAccount"].sort());
});

describe.each(kinds())("%s check", (kind, definition) => {
  test(`${RUNS} arbitrary declarations: never throws, failures with paths or valid inputs, no request`, async () => {
    const schema = definition.schema as z.ZodObject;
    const topLevel = [...Object.keys(schema.shape), "(resource)"];
    const provider = bed.provider(kind);
    const requestsBefore = await bed.requestCount();
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

    await fc.assert(
      fc.asyncProperty(declarations(schema), fc.option(declarations(schema), { freq: 4 }), async (declared, previous) => {
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
      }),
      // No shrinking: shrinking megabyte strings takes minutes, and the report above is already short.
      { numRuns: RUNS, endOnFailure: true },
    );

    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(await bed.requestCount()).toBe(requestsBefore);
  }, 120_000);
});
