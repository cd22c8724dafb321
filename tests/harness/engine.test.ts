/**
 * Deployment (the harness's engine) end to end: real dynamic-provider host, in-process program, throwaway counter
 * provider whose objects are files in a temp directory and which logs every call to `ops.log`.
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { DeploymentError, type Deployment } from "../../harness/engine";
import type { StateResource } from "../../harness/state";
import { isSecret, reveal, UNKNOWN } from "../../harness/values";
import { Counter, makeCounterProvider, readCounterFile, readOps } from "./fixtures/counter";
import { customSteps, PREFIX, resource, useCounterStore } from "./fixtures/counterStore";

const store = useCounterStore("harness-engine-", { "harness:greeting": "hello from config" });
const { deployment, ops, drift } = store;

function twoCounters(count = 1): () => Record<string, pulumi.Output<unknown>> {
  return () => {
    const a = new Counter("a", { name: "a", count });
    const b = new Counter("b", { name: "b", count: 1, ref: a.id });
    return { aId: a.id, bRef: b.ref, greeting: a.greeting };
  };
}

/** A deployment that has run twoCounters(), and its entries for a and b. */
async function twoCountersUp(): Promise<{ d: Deployment; a: StateResource; b: StateResource }> {
  const d = deployment();
  await d.up(twoCounters());
  return { d, a: resource(d, "a"), b: resource(d, "b") };
}

describe("up", () => {
  test("creates in dependency order with the real id flowing into the dependent; a second up changes nothing", async () => {
    const d = deployment();
    const first = await d.up(twoCounters());
    expect(first.creates).toBe(3); // the stack, a and b
    expect(customSteps(first).sort()).toEqual(["create a", "create b"]);

    const a = resource(d, "a");
    const b = resource(d, "b");
    expect(a.id).toMatch(/^a-[0-9a-f]{8}$/);
    // B's input is A's real id: B was registered only after A's create had answered.
    expect(b.inputs.ref).toBe(a.id);
    expect(b.dependencies).toEqual([a.urn]);
    expect(ops()).toEqual([`v1 create ${a.id}`, `v1 create ${b.id}`]);
    const bReg = first.registrations.find((r) => r.name === "b");
    expect(bReg?.dependentInputs).toEqual(["ref"]);
    expect(bReg?.propertyDependencies.ref).toEqual([a.urn]);
    // Stack outputs come from real provider outputs; configure received the stack config.
    expect(first.outputs).toMatchObject({ aId: a.id, bRef: a.id, greeting: "hello from config" });
    expect(first.host?.peakRssKb === undefined || first.host.peakRssKb > 0).toBe(true);

    const second = await d.up(twoCounters());
    expect(second.changes).toBe(0);
    expect(second.sames).toBe(3);
    expect(ops()).toHaveLength(2);
  });

  test("update, create-before-delete replace, and deleteBeforeReplace", async () => {
    const d = deployment();
    await d.up(() => void new Counter("a", { name: "one", count: 1 }));
    const first = resource(d, "a");

    const updated = await d.up(() => void new Counter("a", { name: "one", count: 2 }));
    expect(updated.updates).toBe(1);
    expect(updated.steps.find((s) => s.op === "update")).toMatchObject({ changedKeys: ["count"], diff: { changes: "some", replaces: [] } });
    expect(resource(d, "a").id).toBe(first.id);
    expect(readCounterFile(store.dir, first.id ?? "")?.outs.count).toBe(2);

    const replaced = await d.up(() => void new Counter("a", { name: "two", count: 2 }));
    expect(replaced.replaces).toBe(1);
    const second = resource(d, "a");
    expect(second.id).not.toBe(first.id);
    // Default: create the replacement, then delete the old one at the end.
    expect(ops().slice(-2)).toEqual([`v1 create ${second.id}`, `v1 delete ${first.id}`]);
    expect(d.state.resources.filter((r) => r.urn === PREFIX + "a")).toHaveLength(1);

    const dbr = await d.up(() => void new Counter("a", { name: "three", count: 2 }, { deleteBeforeReplace: true }));
    expect(dbr.steps.find((s) => s.op === "replace")?.deleteBeforeReplace).toBe(true);
    const third = resource(d, "a");
    expect(ops().slice(-2)).toEqual([`v1 delete ${second.id}`, `v1 create ${third.id}`]);
  });

  test("resources dropped from the program are deleted in the engine's antichains: dependents first", async () => {
    const d = deployment();
    await d.up(() => {
      const a = new Counter("a", { name: "a", count: 1 });
      const b = new Counter("b", { name: "b", count: 1, ref: a.id });
      new Counter("c", { name: "c", count: 1, ref: b.id });
      new Counter("d", { name: "d", count: 1 });
    });
    const ids = ["a", "b", "c", "d"].map((n) => resource(d, n).id);
    const summary = await d.up(() => undefined);
    expect(summary.deletes).toBe(4);
    // Rounds (ScheduleDeletes): c, then b, then a together with the independent d.
    const deletes = ops().slice(-4);
    expect(deletes.slice(0, 2)).toEqual([`v1 delete ${ids[2]}`, `v1 delete ${ids[1]}`]);
    expect(deletes.slice(2).sort()).toEqual([`v1 delete ${ids[0]}`, `v1 delete ${ids[3]}`].sort());
    expect(d.state.resources.filter((r) => r.custom)).toEqual([]);
  });

  test("a check failure stops the update with property and reason; dependents are skipped, nothing is deleted", async () => {
    const d = deployment();
    await d.up(() => void new Counter("keep", { name: "keep", count: 1 }));
    const err = await d
      .up(() => {
        const a = new Counter("a", { name: "a", count: -1 });
        new Counter("b", { name: "b", count: 1, ref: a.id });
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeploymentError);
    const summary = (err as DeploymentError).summary;
    expect(summary.errors).toEqual([`${PREFIX}a: check failed: count: count must be a number >= 0`]);
    expect(summary.steps.find((s) => s.urn === PREFIX + "b")).toMatchObject({ status: "failed", error: "skipped: an earlier step failed" });
    // No create happened, and "keep", absent from the failed program, was not deleted.
    expect(ops().filter((o) => !o.includes("keep"))).toEqual([]);
    expect(resource(d, "keep").id).toBeDefined();
  });

  test("ErrorResourceInitFailed keeps the half-created resource in state; the next up updates it", async () => {
    const d = deployment();
    const err = await d.up(() => void new Counter("a", { name: "a", count: 1, failInit: true })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeploymentError);
    expect((err as DeploymentError).message).toContain("counter did not become ready");
    const kept = resource(d, "a");
    expect(kept.id).toMatch(/^a-/);
    expect(kept.initErrors).toEqual(["readiness probe failed", "gave up after 1 attempt"]);
    expect(readCounterFile(store.dir, kept.id ?? "")).toBeDefined();

    const retry = await d.up(() => void new Counter("a", { name: "a", count: 1 }));
    expect(retry.updates).toBe(1);
    expect(resource(d, "a").id).toBe(kept.id);
    expect(resource(d, "a").initErrors).toBeUndefined();
  });

  test("a program exception fails the update without deleting what it did not reach", async () => {
    const d = deployment();
    await d.up(twoCounters());
    const err = await d
      .up(() => {
        new Counter("a", { name: "a", count: 1 });
        throw new Error("bug in the program");
      })
      .catch((e: unknown) => e);
    expect((err as DeploymentError).summary.errors).toEqual(["program: bug in the program"]);
    expect(resource(d, "b").id).toBeDefined();
    expect(ops().some((o) => o.includes("delete"))).toBe(false);
  });

  test("a program module path runs like a function program", async () => {
    const d = deployment();
    const modulePath = path.join(__dirname, "fixtures", "counterProgram");
    const first = await d.up(modulePath);
    expect(customSteps(first)).toEqual(["create solo"]);
    const second = await d.up(modulePath);
    expect(second.changes).toBe(0);
  });
});

describe("preview", () => {
  test("plans creates with unknowns where outputs would come from creates, and executes nothing", async () => {
    const d = deployment();
    const plan = await d.preview(twoCounters());
    expect(plan.creates).toBe(3);
    expect(plan.steps.every((s) => s.status === "planned")).toBe(true);
    const b = plan.registrations.find((r) => r.name === "b");
    expect(b?.inputs.ref).toBe(UNKNOWN);
    expect(plan.outputs.aId).toBe(UNKNOWN);
    expect(ops()).toEqual([]);
    expect(d.state.resources).toEqual([]);
  });

  test("plans an update and a delete against state without performing them", async () => {
    const d = deployment();
    await d.up(twoCounters());
    const before = d.state;
    const plan = await d.preview(() => void new Counter("a", { name: "a", count: 5 }));
    expect(customSteps(plan).sort()).toEqual(["delete b", "update a"]);
    expect(plan.steps.find((s) => s.op === "update")?.changedKeys).toEqual(["count"]);
    expect(d.state).toEqual(before);
    expect(ops().filter((o) => o.includes("update") || o.includes("delete"))).toEqual([]);
  });
});

describe("refresh", () => {
  test("drops resources whose read returns an empty id, stores ReadResult.inputs, reports changed properties", async () => {
    const { d, a, b } = await twoCountersUp();
    // Drift: a's count changed out of band; b deleted out of band.
    drift(a.id ?? "", (outs) => (outs.count = 99));
    fs.rmSync(path.join(store.dir, `${b.id}.json`));

    const summary = await d.refresh();
    expect(summary.steps.find((s) => s.urn === a.urn)).toMatchObject({ op: "update", changedKeys: ["count"], changedInputs: ["count"] });
    expect(summary.steps.find((s) => s.urn === b.urn)).toMatchObject({ op: "delete" });
    expect(summary.changes).toBe(2);
    expect(d.state.resources.some((r) => r.urn === b.urn)).toBe(false);
    expect(resource(d, "a").inputs.count).toBe(99);
    expect(resource(d, "a").outputs.count).toBe(99);

    // The next up compares the program with reality: a goes back to 1, b is created again.
    const up = await d.up(twoCounters());
    expect(customSteps(up).sort()).toEqual(["create b", "update a"]);
  });
});

describe("state __provider", () => {
  test("check/diff use the program's provider; refresh and destroy use the one in state (pulumi#6490)", async () => {
    const v2 = makeCounterProvider("v2");
    const d = deployment();
    await d.up(() => void new Counter("a", { name: "a", count: 1 }));
    const a = resource(d, "a");

    // Same inputs, new provider code: no diff, so the outputs (and their __provider) are not rewritten.
    const same = await d.up(() => void new Counter("a", { name: "a", count: 1 }, undefined, v2));
    expect(same.changes).toBe(0);
    expect(readOps(store.dir)).toContain("v2 configure -"); // the program's provider ran check and diff
    expect(resource(d, "a").provider).toBe(a.provider);

    await d.refresh();
    await d.destroy();
    expect(ops()).toEqual([`v1 create ${a.id}`, `v1 read ${a.id}`, `v1 delete ${a.id}`]);
  });
});

describe("destroy", () => {
  test("deletes everything in reverse dependency order", async () => {
    const { d, a, b } = await twoCountersUp();
    const summary = await d.destroy();
    expect(summary.deletes).toBe(3);
    expect(ops().slice(-2)).toEqual([`v1 delete ${b.id}`, `v1 delete ${a.id}`]);
    expect(d.state.resources).toEqual([]);
  });

  test("refuses to delete a protected resource and keeps it in state", async () => {
    const d = deployment();
    await d.up(() => void new Counter("a", { name: "a", count: 1 }, { protect: true }));
    await expect(d.destroy()).rejects.toThrow(/cannot be deleted\nbecause it is protected/);
    expect(resource(d, "a").protect).toBe(true);
  });
});

describe("get", () => {
  test("Resource.get (the id option) reads without owning: destroy forgets it", async () => {
    const owner = deployment();
    await owner.up(() => void new Counter("a", { name: "a", count: 3 }));
    const id = resource(owner, "a").id ?? "";

    const reader = deployment();
    const summary = await reader.up(() => {
      const got = new Counter("seen", { name: "a", count: 3 }, { id });
      return { count: got.count };
    });
    expect(summary.reads).toBe(1);
    expect(summary.outputs.count).toBe(3);
    expect(resource(reader, "seen").external).toBe(true);
    await reader.destroy();
    expect(readCounterFile(store.dir, id)).toBeDefined();
  });
});

describe("secrets and export", () => {
  test("secret inputs and additionalSecretOutputs are secret in state and encrypted in the export", async () => {
    const d = deployment();
    await d.up(() => void new Counter("a", { name: "a", count: 1, secretSeed: pulumi.secret("seed-value-xyz") }, { additionalSecretOutputs: ["token"] }));
    const a = resource(d, "a");
    const token = reveal(a.outputs.token);
    expect(typeof token).toBe("string");
    expect(isSecret(a.outputs.token)).toBe(true);
    expect(isSecret(a.inputs.secretSeed)).toBe(true);
    // An output with the same key as a secret input is secret too (the engine's annotateSecrets).
    expect(isSecret(a.outputs.secretSeed)).toBe(true);
    expect(a.outputs.token).toEqual({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", plaintext: JSON.stringify(token) });
    expect(a.outputs.count).toBe(1);

    const exported = JSON.stringify(d.exportState());
    expect(exported).not.toContain(String(token));
    expect(exported).not.toContain("seed-value-xyz");
    expect(exported).toContain("ciphertext");
    const shown = JSON.stringify(d.exportState({ showSecrets: true }));
    expect(shown).toContain(String(token));

    // The host saw plaintext but printed nothing.
    expect(JSON.stringify(d.hostOutput())).not.toContain("seed-value-xyz");
  });

  test("the export has Pulumi's v3 shape and round-trips through importState", async () => {
    const key = Buffer.alloc(32, 7);
    const d = deployment({ secretsKey: key });
    await d.up(twoCounters());
    const exported = d.exportState();
    expect(exported.version).toBe(3);
    const [provider, ...rest] = exported.deployment.resources;
    expect(provider).toMatchObject({ type: "pulumi:providers:pulumi-nodejs", custom: true, urn: "urn:pulumi:dev::proj::pulumi:providers:pulumi-nodejs::default" });
    const b = rest.find((r) => r.urn === PREFIX + "b");
    expect(b).toMatchObject({ custom: true, provider: `${provider?.urn}::${provider?.id}`, parent: "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev" });
    expect(typeof b?.inputs?.__provider).toBe("string");
    expect(b?.dependencies).toEqual([PREFIX + "a"]);
    expect(rest[0]?.type).toBe("pulumi:pulumi:Stack");
    expect(exported.deployment.manifest.version).toMatch(/^v3\./);

    const restored = deployment({ secretsKey: key });
    restored.importState(exported);
    expect(restored.state).toEqual(d.state);
    const destroyed = await restored.destroy();
    expect(destroyed.deletes).toBe(3);
  });
});
