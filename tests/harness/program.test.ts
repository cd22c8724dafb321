/**
 * runProgram on its own: what it captures from a Pulumi program running under setMocks, with the capture-only
 * echo engine or a scripted one. No provider host is involved here.
 */
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { echoEngine, makeUrn, runProgram, type ResourceRegistration } from "../../harness/program";
import { SECRET_SIG, SIG_KEY, UNKNOWN } from "../../harness/values";
import { Counter } from "./fixtures/counter";

const OPTS = { project: "proj", stack: "dev" };
const COUNTER = "pulumi-nodejs:dynamic/harness:Counter";

function byName(resources: ResourceRegistration[], name: string): ResourceRegistration {
  const found = resources.find((r) => r.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}

test("captures type, URN, inputs with __provider, and the options the engine needs", async () => {
  const run = await runProgram(() => {
    const group = new pulumi.ComponentResource("harness:index:Group", "group", {}, {});
    const a = new Counter("a", { name: "a", count: 1, secretSeed: pulumi.secret("s") }, { parent: group, additionalSecretOutputs: ["token"], protect: true });
    const b = new Counter("b", { name: "b", count: 2 }, { dependsOn: [group], deleteBeforeReplace: true, import: "b-123", ignoreChanges: ["label"], retainOnDelete: true });
    const c = new Counter("c", { name: "c", count: 3, ref: a.id }, { replaceOnChanges: ["name"] });
    return { a: a.id, b: b.id, c: c.ref };
  }, OPTS);

  expect(run.errors).toEqual([]);
  expect(run.resources.map((r) => r.name)).toEqual(["proj-dev", "group", "a", "b", "c"]);
  const stack = byName(run.resources, "proj-dev");
  expect(stack).toMatchObject({ type: "pulumi:pulumi:Stack", custom: false, urn: "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev" });

  const group = byName(run.resources, "group");
  expect(group).toMatchObject({ custom: false, parent: stack.urn, urn: "urn:pulumi:dev::proj::harness:index:Group::group" });

  const a = byName(run.resources, "a");
  // Children of a component carry its type; children of the stack do not.
  expect(a.urn).toBe(`urn:pulumi:dev::proj::harness:index:Group$${COUNTER}::a`);
  expect(a).toMatchObject({ type: COUNTER, custom: true, parent: group.urn, additionalSecretOutputs: ["token"], protect: true });
  expect(a.deleteBeforeReplace).toBeUndefined();
  expect(typeof a.inputs.__provider).toBe("string");
  expect(a.provider).toBe(a.inputs.__provider);
  expect(a.inputs.secretSeed).toEqual({ [SIG_KEY]: SECRET_SIG, value: "s" });

  const b = byName(run.resources, "b");
  expect(b.urn).toBe(`urn:pulumi:dev::proj::${COUNTER}::b`);
  // dependsOn a component means its custom children: the SDK sends a's URN, not the group's.
  expect(b).toMatchObject({ importId: "b-123", deleteBeforeReplace: true, ignoreChanges: ["label"], retainOnDelete: true, dependsOn: [a.urn], dependentInputs: [] });

  const c = byName(run.resources, "c");
  expect(c).toMatchObject({ replaceOnChanges: ["name"], dependentInputs: ["ref"], dependencies: [a.urn], dependsOn: [] });
  // The echo engine answers id "<name>-id" (or the import id) and the inputs as outputs.
  expect(c.inputs.ref).toBe("a-id");
  expect(run.outputs).toEqual({ a: "a-id", b: "b-123", c: "a-id" });
});

test("the program sees stack config through pulumi.Config, including secrets", async () => {
  const run = await runProgram(
    () => {
      const cfg = new pulumi.Config("harness");
      return { plain: cfg.require("plain"), secret: cfg.requireSecret("token"), project: pulumi.getProject(), stack: pulumi.getStack() };
    },
    { ...OPTS, config: { "harness:plain": "p", "harness:token": "t0k" }, secretConfigKeys: ["harness:token"] },
  );
  expect(run.outputs).toEqual({ plain: "p", secret: { [SIG_KEY]: SECRET_SIG, value: "t0k" }, project: "proj", stack: "dev" });
});

test("outputs come from the engine, awaited in dependency order; preview unknowns reach dependents", async () => {
  const order: string[] = [];
  const run = await runProgram(
    () => {
      const a = new Counter("a", { name: "a", count: 1 });
      const b = new Counter("b", { name: "b", count: 1, ref: a.id });
      return { ref: b.ref };
    },
    {
      ...OPTS,
      preview: true,
      engine: {
        async register(reg) {
          order.push(reg.name);
          // A preview create: no id, outputs are the inputs (what the engine answers for providers without preview).
          await new Promise((resolve) => setImmediate(resolve));
          return { id: "", outputs: reg.inputs };
        },
      },
    },
  );
  expect(order).toEqual(["proj-dev", "a", "b"]);
  expect(byName(run.resources, "b").inputs.ref).toBe(UNKNOWN);
  expect(run.outputs.ref).toBe(UNKNOWN);
});

test("engine refusals and program exceptions are reported, not thrown, and nothing rejects unobserved", async () => {
  const run = await runProgram(
    () => {
      const a = new Counter("a", { name: "a", count: 1 });
      new Counter("b", { name: "b", count: 1, ref: a.id });
      throw new Error("late bug");
    },
    {
      ...OPTS,
      engine: {
        async register(reg) {
          if (reg.name === "a") throw new Error("refused a");
          return echoEngine.register(reg);
        },
      },
    },
  );
  expect(run.errors).toHaveLength(2);
  expect(run.errors).toEqual(expect.arrayContaining([{ urn: `urn:pulumi:dev::proj::${COUNTER}::a`, message: "refused a" }, { message: "late bug" }]));
  // b still registered: it saw a's outputs as unknown, as for a resource the engine skipped.
  expect(byName(run.resources, "b").inputs.ref).toBe(UNKNOWN);
});

test("concurrent runs are queued, each with its own resources", async () => {
  const [one, two] = await Promise.all([
    runProgram(() => void new Counter("one", { name: "one", count: 1 }), OPTS),
    runProgram(() => void new Counter("two", { name: "two", count: 1 }), { ...OPTS, stack: "other" }),
  ]);
  expect(one.resources.map((r) => r.name)).toEqual(["proj-dev", "one"]);
  expect(two.resources.map((r) => r.urn)).toEqual([makeUrn("other", "proj", "pulumi:pulumi:Stack", "proj-other"), makeUrn("other", "proj", COUNTER, "two")]);
});

test("a module that exports values (not a function) cannot be re-run in the same module registry", async () => {
  const modulePath = path.join(__dirname, "fixtures", "objectProgram");
  const first = await runProgram(modulePath, OPTS);
  expect(first.errors).toEqual([]);
  expect(first.outputs).toEqual({ onceId: "once-id" });
  // jest ignores require.cache, so the module cannot execute again: say so rather than register nothing.
  const second = await runProgram(modulePath, OPTS);
  expect(second.errors[0]?.message).toMatch(/cannot be re-run/);
});

test("options the harness does not model are captured, so the Deployment can refuse them instead of ignoring them", async () => {
  const run = await runProgram(() => {
    const a = new Counter("a", { name: "a", count: 1 });
    new Counter("b", { name: "b", count: 1 }, { aliases: [{ name: "old-b" }], deletedWith: a });
    new Counter("c", { name: "c", count: 1 }, { protect: true, ignoreChanges: ["label"] });
  }, OPTS);
  expect(run.errors).toEqual([]);
  expect(byName(run.resources, "a").unmodelledOptions).toEqual([]);
  expect(byName(run.resources, "b").unmodelledOptions).toEqual(["aliases", "deletedWith"]);
  expect(byName(run.resources, "c").unmodelledOptions).toEqual([]);
});
