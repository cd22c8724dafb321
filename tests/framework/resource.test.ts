/**
 * Constructing a resource skips the SDK's per-promise stack traces (resource.ts) without changing what the
 * engine is told or what the program sees: the same source position and call stack as with the SDK's
 * promise-leak debugging on, and the global stack-trace limit restored, even when the SDK's constructor throws.
 */
import { TrackingField } from "../../provider";
import { runProgram, type ResourceRegistration } from "../../harness/program";

const OPTS = { project: "proj", stack: "dev" };

async function declare(): Promise<{ registration: ResourceRegistration | undefined; declaredAt: string }> {
  let declaredAt = "";
  // Named: the SDK's stack parser skips anonymous frames.
  function program(): void {
    const line = Number(/resource\.test\.ts:(\d+)/.exec(new Error().stack ?? "")?.[1]) + 1;
    new TrackingField("region", { field: "Region" });
    declaredAt = `${__filename}:${line}`;
  }
  const run = await runProgram(program, OPTS);
  expect(run.errors).toEqual([]);
  return { registration: run.resources.find((r) => r.name === "region"), declaredAt };
}

afterEach(() => {
  delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
});

test("the engine gets the same source position and a call stack through the program's declaration", async () => {
  const { registration: fast, declaredAt } = await declare();
  process.env.PULUMI_DEBUG_PROMISE_LEAKS = "1";
  const { registration: debugging } = await declare();

  expect(fast?.stackTrace?.map((frame) => frame.replace(/^file:\/\//, ""))).toContain(declaredAt);
  expect(fast?.stackTrace).toEqual(debugging?.stackTrace);
  expect(fast?.sourcePosition).toBeDefined();
  expect(fast?.sourcePosition).toEqual(debugging?.sourcePosition);
});

test("the program's stack-trace limit is as it was after a resource is made, and after the SDK refuses one", async () => {
  const before = Error.stackTraceLimit;
  let afterMade = -1;
  let refusal: unknown;
  let afterRefused = -1;
  await runProgram(() => {
    new TrackingField("a", { field: "A" });
    afterMade = Error.stackTraceLimit;
    try {
      new TrackingField("", { field: "B" });
    } catch (error) {
      refusal = error;
    }
    afterRefused = Error.stackTraceLimit;
  }, OPTS);
  expect(afterMade).toBe(before);
  expect(String(refusal)).toMatch(/name/i);
  expect(afterRefused).toBe(before);
});

test("Pulumi's import option is refused before anything is registered, naming adoptId (the engine cannot import dynamic resources)", async () => {
  function program(): void {
    new TrackingField("legacy", { field: "Legacy" }, { import: "abc123" });
  }
  const run = await runProgram(program, OPTS);
  expect(run.resources.find((r) => r.name === "legacy")).toBeUndefined();
  expect(run.errors.map((e) => e.message).join("\n")).toMatch(/zoom:TrackingField "legacy": Pulumi's import option cannot adopt .*adoptId: "abc123"/);
});
