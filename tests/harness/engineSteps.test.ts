/**
 * The engine behaviours the harness follows from pulumi/pulumi pkg/resource/deploy (see README.md's table): the
 * `import` option, `.get()`, refresh's diff, delete-before-replace, replaceOnChanges and protect. Through the real
 * dynamic-provider host, except where a path needs a provider the dynamic host cannot be (inProcessHost).
 */
import * as fs from "fs";
import * as path from "path";
import { PROVIDER_KEY } from "../../harness/values";
import { Counter, makeCounterProvider, readCounterFile, readDiffs } from "./fixtures/counter";
import { createdElsewhere, customSteps, failure, PREFIX, resource, useCounterStore } from "./fixtures/counterStore";
import { inProcessHost } from "./fixtures/inProcessHost";

const store = useCounterStore("harness-steps-");
const { deployment, ops, drift } = store;

describe("the import option (ImportStep.Apply reads with the id only)", () => {
  test("through the real dynamic host it fails in up and preview: Read carries no __provider; nothing is adopted", async () => {
    const id = await createdElsewhere(deployment());

    const adopter = deployment();
    const program = () => void new Counter("a", { name: "a", count: 3 }, { import: id });
    const up = await failure(adopter.up(program));
    expect(up.summary.errors).toEqual([`${PREFIX}a: read failed: code must be a string, not undefined`]);
    expect(adopter.state.resources.filter((r) => r.custom)).toEqual([]);
    await expect(adopter.preview(program)).rejects.toThrow("code must be a string, not undefined");
    // The host never got as far as the provider's read; nothing but the owner's create happened.
    expect(ops()).toEqual([`v1 create ${id}`]);
  });

  describe("with a provider that reads without __provider (in-process host)", () => {
    const startHost = inProcessHost(makeCounterProvider("v1"));

    test("adopts a matching object without a further step, then stays the same; no second read", async () => {
      const id = await createdElsewhere(deployment({ startHost }));

      const adopter = deployment({ startHost });
      const program = () => void new Counter("a", { name: "a", count: 3 }, { import: id });
      const imported = await adopter.up(program);
      expect(customSteps(imported)).toEqual(["import a"]);
      const a = resource(adopter, "a");
      expect(a).toMatchObject({ id, importId: id });
      // The state's inputs are what the provider's read returned.
      expect(a.inputs).toEqual({ name: "a", count: 3, label: "default" });
      const again = await adopter.up(program);
      expect(customSteps(again)).toEqual(["same a"]);
      expect(ops().filter((o) => o.startsWith("v1 read"))).toEqual([`v1 read ${id}`]);
    });

    test("a non-replacing difference: import, then update", async () => {
      const id = await createdElsewhere(deployment({ startHost }));

      const adopter = deployment({ startHost });
      const summary = await adopter.up(() => void new Counter("a", { name: "a", count: 4 }, { import: id }));
      expect(customSteps(summary)).toEqual(["import a", "update a"]);
      expect(readCounterFile(store.dir, id)?.outs.count).toBe(4);
      expect(resource(adopter, "a").id).toBe(id);
    });

    test("a replacing difference with import still set: a warning in preview, an error in up; nothing created", async () => {
      const id = await createdElsewhere(deployment({ startHost }));

      const adopter = deployment({ startHost });
      const program = () => void new Counter("a", { name: "b", count: 3 }, { import: id });
      const plan = await adopter.preview(program);
      expect(customSteps(plan)).toEqual(["import a", "replace a"]);
      expect(plan.warnings).toEqual([expect.stringContaining("previously-imported resources that still specify an ID may not be replaced")]);
      expect(plan.warnings[0]).toContain('name: "a" => "b"');

      const up = await failure(adopter.up(program));
      expect(up.summary.errors).toEqual([expect.stringContaining("please remove the `import` declaration from your program")]);
      expect(ops().filter((o) => o.includes("create"))).toHaveLength(1);
      // The import itself completed and is saved.
      expect(resource(adopter, "a")).toMatchObject({ id, importId: id });
    });

    test("a provider whose read returns no inputs cannot import", async () => {
      const base = makeCounterProvider("v1");
      const noInputs = { ...base, read: async (id: string, props: Record<string, unknown>) => ({ id, props: (await base.read?.(id, props))?.props }) };
      const id = await createdElsewhere(deployment({ startHost: inProcessHost(base) }));
      const adopter = deployment({ startHost: inProcessHost(noInputs) });
      await expect(adopter.up(() => void new Counter("a", { name: "a", count: 3 }, { import: id }))).rejects.toThrow(
        "provider does not support importing resources",
      );
    });
  });
});

describe(".get() (ReadStep)", () => {
  test("the state keeps the program's properties as inputs, not the read's; a deleted object reads as just __provider", async () => {
    const id = await createdElsewhere(deployment());

    const reader = deployment();
    const program = () => {
      const got = new Counter("seen", { name: "a", count: 3, label: "mine" }, { id });
      return { count: got.count, token: got.token };
    };
    const first = await reader.up(program);
    expect(first.outputs.count).toBe(3);
    const seen = resource(reader, "seen");
    expect(seen.inputs).toMatchObject({ name: "a", count: 3, label: "mine" });
    expect(seen.external).toBe(true);

    // Deleted out of band: the dynamic host answers id "" with properties {__provider}; the engine keeps the id.
    fs.rmSync(path.join(store.dir, `${id}.json`));
    const second = await reader.up(program);
    expect(second.steps.find((s) => s.urn === PREFIX + "seen")).toMatchObject({ op: "read", status: "done", id });
    expect(Object.keys(resource(reader, "seen").outputs)).toEqual([PROVIDER_KEY]);
    expect(second.outputs.token).toBeUndefined();
  });

  test("a .get() switched to a managed resource of the same name creates one (replace) and only forgets the read one", async () => {
    const id = await createdElsewhere(deployment());

    const d = deployment();
    await d.up(() => void new Counter("seen", { name: "a", count: 3 }, { id }));
    const managed = await d.up(() => void new Counter("seen", { name: "a", count: 3 }));
    expect(customSteps(managed)).toEqual(["replace seen"]);
    const created = resource(d, "seen");
    expect(created.id).not.toBe(id);
    expect(created.external).toBeUndefined();
    // The read object is not deleted (its delete is a discard); the state holds only the new one.
    expect(readCounterFile(store.dir, id)).toBeDefined();
    expect(d.state.resources.filter((r) => r.urn === PREFIX + "seen")).toHaveLength(1);

    // Back to a .get() of another id: read-replacement, the managed object is deleted at the end.
    await d.up(() => void new Counter("seen", { name: "a", count: 3 }, { id }));
    expect(readCounterFile(store.dir, created.id ?? "")).toBeUndefined();
    expect(resource(d, "seen")).toMatchObject({ id, external: true });
  });
});

describe("refresh (RefreshStep.Apply)", () => {
  test("asks Diff with the read outputs as olds and the state inputs as news: drift the diff ignores is 'same'", async () => {
    const d = deployment();
    await d.up(() => void new Counter("a", { name: "a", count: 1 }));
    const id = resource(d, "a").id ?? "";

    drift(id, (outs) => (outs.token = "tok-rotated"));
    const ignored = await d.refresh();
    expect(ignored.steps[0]).toMatchObject({ op: "same", changedKeys: ["token"] });
    expect(resource(d, "a").outputs.token).toBe("tok-rotated");

    drift(id, (outs) => (outs.count = 7));
    const changed = await d.refresh();
    expect(changed.steps[0]).toMatchObject({ op: "update", changedKeys: ["count"] });
    expect(readDiffs(store.dir).at(-1)).toEqual({ id, olds: { name: "a", count: 7, label: "default" }, news: { name: "a", count: 1, label: "default" } });
  });

  test("a Diff that throws fails the refresh and keeps the resource's old state", async () => {
    const d = deployment();
    await d.up(() => void new Counter("a", { name: "a", count: 1 }));
    const id = resource(d, "a").id ?? "";
    drift(id, (outs) => (outs.count = 666));
    const err = await failure(d.refresh());
    expect(err.summary.errors).toEqual([`${PREFIX}a: refresh failed: diff failed: diff exploded`]);
    expect(resource(d, "a").outputs.count).toBe(1);
  });
});

describe("delete-before-replace (DeleteStep with pendingReplacement)", () => {
  test("a failed create leaves the old entry pendingReplacement; the next up creates without deleting again", async () => {
    const d = deployment();
    await d.up(() => void new Counter("a", { name: "one", count: 1 }, { deleteBeforeReplace: true }));
    const old = resource(d, "a");

    await failure(d.up(() => void new Counter("a", { name: "two", count: 1, failCreate: true }, { deleteBeforeReplace: true })));
    expect(readCounterFile(store.dir, old.id ?? "")).toBeUndefined();
    expect(resource(d, "a")).toMatchObject({ id: old.id, pendingReplacement: true });
    // A pending-replacement entry is not read by a refresh.
    const refreshed = await d.refresh();
    expect(refreshed.steps).toEqual([]);

    // Dropped from the program it would only be forgotten; kept, it is replaced without a second delete.
    const dropped = deployment({ state: d.state });
    await dropped.up(() => undefined);
    expect(dropped.state.resources.filter((r) => r.custom)).toEqual([]);

    const retried = await d.up(() => void new Counter("a", { name: "two", count: 1 }, { deleteBeforeReplace: true }));
    expect(customSteps(retried)).toEqual(["replace a"]);
    const created = resource(d, "a");
    expect(created.pendingReplacement).toBeUndefined();
    expect(ops()).toEqual([`v1 create ${old.id}`, `v1 delete ${old.id}`, `v1 create ${created.id}`]);
  });

  test("retainOnDelete is honoured: the old object stays", async () => {
    const d = deployment();
    const opts = { deleteBeforeReplace: true, retainOnDelete: true };
    await d.up(() => void new Counter("a", { name: "one", count: 1 }, opts));
    const old = resource(d, "a");
    await d.up(() => void new Counter("a", { name: "two", count: 1 }, opts));
    expect(readCounterFile(store.dir, old.id ?? "")).toBeDefined();
    expect(ops().some((o) => o.includes("delete"))).toBe(false);
  });
});

describe("replaceOnChanges and protect (continueStepsFromDiff)", () => {
  test("replaceOnChanges matches only changed keys: none from a diff that answers true/false, the engine's own on DIFF_UNKNOWN", async () => {
    const d = deployment();
    await d.up(() => void new Counter("a", { name: "a", count: 1 }, { replaceOnChanges: ["count"] }));
    const updated = await d.up(() => void new Counter("a", { name: "a", count: 2 }, { replaceOnChanges: ["count"] }));
    expect(customSteps(updated)).toEqual(["update a"]);

    const noDiff = makeCounterProvider("nodiff", { withoutDiff: true });
    const e = deployment();
    await e.up(() => void new Counter("b", { name: "b", count: 1 }, { replaceOnChanges: ["count"] }, noDiff));
    const replaced = await e.up(() => void new Counter("b", { name: "b", count: 2 }, { replaceOnChanges: ["count"] }, noDiff));
    expect(replaced.steps.find((s) => s.custom)).toMatchObject({ op: "replace", replaceKeys: ["count"] });
  });

  test("a replacement is checked afresh: defaults are recomputed, not carried over from the old inputs", async () => {
    const d = deployment();
    await d.up(() => void new Counter("a", { name: "one", count: 1, label: "custom" }));
    // The counter's check defaults label to the old inputs' label: an update would keep "custom".
    const updated = await d.up(() => void new Counter("a", { name: "one", count: 2 }));
    expect(resource(d, "a").inputs.label).toBe("custom");
    expect(customSteps(updated)).toEqual(["update a"]);
    const replaced = await d.up(() => void new Counter("a", { name: "two", count: 2 }));
    expect(customSteps(replaced)).toEqual(["replace a"]);
    expect(resource(d, "a").inputs.label).toBe("default");
  });

  test("protect blocks a replace only when protected in both the old state and the program", async () => {
    const d = deployment();
    await d.up(() => void new Counter("a", { name: "one", count: 1 }, { protect: true }));
    const err = await failure(d.up(() => void new Counter("a", { name: "two", count: 1 }, { protect: true })));
    expect(err.summary.errors[0]).toContain("unable to replace resource");
    const replaced = await d.up(() => void new Counter("a", { name: "two", count: 1 }));
    expect(customSteps(replaced)).toEqual(["replace a"]);
  });
});

test("a resource option the harness does not model fails the registration instead of being ignored", async () => {
  const d = deployment({ startHost: inProcessHost(makeCounterProvider("v1")) });
  const err = await failure(d.up(() => void new Counter("a", { name: "a", count: 1 }, { aliases: [{ name: "old-a" }] })));
  expect(err.summary.errors).toEqual([`${PREFIX}a: harness: resource options not modelled (the engine would act on them): aliases`]);
  expect(ops()).toEqual([]);
});
