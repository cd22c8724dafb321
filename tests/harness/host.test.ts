/**
 * ProviderHost against the real @pulumi/pulumi dynamic-provider host, with the throwaway counter provider.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type * as pulumi from "@pulumi/pulumi";
import { HostCrashedError, ProviderError, ResourceInitError } from "../../harness/errors";
import { ProviderHost } from "../../harness/host";
import { serializeProvider } from "../../harness/serialize";
import { counterProviderV1, readCounterFile, readOps } from "./fixtures/counter";

const URN = (name: string): string => `urn:pulumi:dev::proj::pulumi-nodejs:dynamic/harness:Counter::${name}`;

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "harness-host-"));
}

describe("ProviderHost with the counter provider", () => {
  let host: ProviderHost;
  let store: string;
  let provider: string;

  beforeAll(async () => {
    store = tempDir();
    provider = await serializeProvider(counterProviderV1);
    host = await ProviderHost.start({ project: "proj", stack: "dev" });
    const configured = await host.configure(
      { "harness:storeDir": store, "harness:greeting": "hello", "proj:projectKey": "from-project" },
      { secretKeys: ["harness:greeting"] },
    );
    // The dynamic host never accepts secrets: the engine strips them before calling it.
    expect(configured.acceptSecrets).toBe(false);
  });

  afterAll(async () => {
    await host.close();
    fs.rmSync(store, { recursive: true, force: true });
  });

  test("reports the SDK version it ships in", async () => {
    const pkg = JSON.parse(fs.readFileSync(require.resolve("@pulumi/pulumi/package.json"), "utf8")) as { version: string };
    expect(await host.getPluginInfo()).toBe(pkg.version);
  });

  test("check returns failures with property and reason, and the checked inputs", async () => {
    const bad = await host.check(URN("bad"), {}, { __provider: provider, name: "", count: -1 });
    expect(bad.failures).toEqual([
      { property: "name", reason: "name is required" },
      { property: "count", reason: "count must be a number >= 0" },
    ]);

    const good = await host.check(URN("good"), {}, { __provider: provider, name: "good", count: 1 });
    expect(good.failures).toEqual([]);
    // Defaults applied by the provider; `__provider` is always carried over by the host.
    expect(good.inputs).toEqual({ __provider: provider, name: "good", count: 1, label: "default" });
  });

  test("diff reports changes, replaces and deleteBeforeReplace", async () => {
    const olds = { __provider: provider, name: "a", count: 1, label: "x" };
    expect(await host.diff("a-1", URN("a"), olds, { ...olds })).toEqual({
      changes: "none",
      replaces: [],
      deleteBeforeReplace: false,
      stables: [],
      // The dynamic host sends no `diffs` and no detailed diff: replaceOnChanges has nothing to match.
      changedKeys: [],
      hasDetailedDiff: false,
    });
    expect(await host.diff("a-1", URN("a"), olds, { ...olds, count: 2 })).toMatchObject({ changes: "some", replaces: [] });
    expect(
      await host.diff("a-1", URN("a"), olds, { ...olds, name: "b", providerDeleteBeforeReplace: true }),
    ).toMatchObject({ changes: "some", replaces: ["name"], deleteBeforeReplace: true });
  });

  test("create, read, update, delete round trip; configure saw the stack config", async () => {
    const inputs = { __provider: provider, name: "rt", count: 1, label: "l" };
    const created = await host.create(URN("rt"), inputs);
    expect(created.id).toMatch(/^rt-[0-9a-f]{8}$/);
    expect(created.properties).toMatchObject({
      __provider: provider,
      name: "rt",
      count: 1,
      // "harness:greeting" was sent as a secret; the host unwrapped it for the provider.
      greeting: "hello",
      // `config.get("projectKey")` resolved to "proj:projectKey": the host knows the project from PULUMI_NODEJS_PROJECT.
      projectScoped: "from-project",
    });

    const read = await host.read(created.id, URN("rt"), created.properties, inputs);
    expect(read.id).toBe(created.id);
    expect(read.properties).toMatchObject({ name: "rt", count: 1, token: created.properties.token });
    // ReadResult.inputs comes back (with __provider added by the host).
    expect(read.inputs).toEqual({ __provider: provider, name: "rt", count: 1, label: "l" });

    const updated = await host.update(created.id, URN("rt"), created.properties, { ...inputs, count: 5 }, inputs);
    expect(updated.properties).toMatchObject({ count: 5, token: created.properties.token, __provider: provider });
    expect(readCounterFile(store, created.id)?.outs.count).toBe(5);

    await host.delete(created.id, URN("rt"), updated.properties, inputs);
    expect(readCounterFile(store, created.id)).toBeUndefined();

    const gone = await host.read(created.id, URN("rt"), updated.properties);
    expect(gone.id).toBe("");
    // Even for a gone object the host answers with properties (`__provider`): never the engine's "does not exist".
    expect(gone.properties).toEqual({ __provider: provider });
    expect(gone.noProperties).toBeUndefined();
    // The `import` option's Read (no state, no inputs): the host has no `__provider` to load.
    await expect(host.read(created.id, URN("rt"), {})).rejects.toMatchObject({ method: "read", details: "code must be a string, not undefined" });
    expect(readOps(store).filter((op) => op.includes(created.id))).toEqual([
      `v1 create ${created.id}`,
      `v1 read ${created.id}`,
      `v1 update ${created.id}`,
      `v1 delete ${created.id}`,
      `v1 read ${created.id}`,
    ]);
    // The provider was deserialised and configured exactly once in this host process.
    expect(readOps(store).filter((op) => op.includes("configure"))).toHaveLength(1);
  });

  test("ErrorResourceInitFailed is decoded with id, properties and reasons", async () => {
    const err = await host.create(URN("half"), { __provider: provider, name: "half", count: 1, failInit: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceInitError);
    const init = err as ResourceInitError;
    expect(init.method).toBe("create");
    expect(init.details).toBe("counter did not become ready");
    expect(init.id).toMatch(/^half-/);
    expect(init.properties).toMatchObject({ name: "half", count: 1 });
    expect(init.reasons).toEqual(["readiness probe failed", "gave up after 1 attempt"]);
    // The object really exists: that is why the engine must keep it in state.
    expect(readCounterFile(store, init.id)).toBeDefined();
  });

  test("a plain provider error is a ProviderError carrying the provider's message", async () => {
    const err = await host
      .update("missing-1", URN("missing"), { __provider: provider, name: "missing", count: 1 }, { __provider: provider, name: "missing", count: 2 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).not.toBeInstanceOf(ResourceInitError);
    expect((err as ProviderError).details).toBe("counter missing-1 does not exist");
  });
});

describe("ProviderHost process handling", () => {
  const probe: pulumi.dynamic.ResourceProvider = {
    async create(inputs) {
      if (inputs.crash === true) process.exit(3);
      console.log(`creating ${String(inputs.name)}`);
      console.error(`stderr line for ${String(inputs.name)}`);
      return { id: "p1", outs: { cwd: process.cwd(), project: process.env.PULUMI_NODEJS_PROJECT } };
    },
  };

  test("runs in the given cwd, captures output after the port line, reports peak RSS", async () => {
    const cwd = tempDir();
    const host = await ProviderHost.start({ cwd, project: "probe-project" });
    try {
      await host.configure({});
      const created = await host.create(URN("p"), { __provider: await serializeProvider(probe), name: "p" });
      expect(created.properties.cwd).toBe(fs.realpathSync(cwd));
      expect(created.properties.project).toBe("probe-project");
    } finally {
      const exit = await host.close();
      fs.rmSync(cwd, { recursive: true, force: true });
      if (process.platform === "linux") expect(exit.peakRssKb).toBeGreaterThan(0);
    }
    // The pipes may deliver the output after the call's answer; once closed, the host has read all of it.
    expect(host.output().stdout).toContain("creating p");
    expect(host.output().stderr).toContain("stderr line for p");
  });

  test("a crash becomes HostCrashedError, for the failing call and every later one", async () => {
    const host = await ProviderHost.start({});
    try {
      await host.configure({});
      const provider = await serializeProvider(probe);
      const err = await host.create(URN("c"), { __provider: provider, name: "c", crash: true }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HostCrashedError);
      expect((err as HostCrashedError).exitCode).toBe(3);
      expect(host.hasExited).toBe(true);
      await expect(host.check(URN("c"), {}, { __provider: provider })).rejects.toBeInstanceOf(HostCrashedError);
    } finally {
      await host.close();
    }
  });
});

describe("ProviderHost and the test environment's sweep (tests/support/environment.js)", () => {
  const registry = globalThis as { __providerHostPids?: Set<number>; __providerHostsStopped?: boolean };

  test("a host is listed for the sweep from its spawn on (a host still starting when its file ends is stopped too), and unlisted once it exits", async () => {
    const before = new Set(registry.__providerHostPids ?? []);
    const starting = ProviderHost.start({});
    // Listed before it has printed its port.
    const listed = [...(registry.__providerHostPids ?? [])].filter((pid) => !before.has(pid));
    expect(listed).toHaveLength(1);
    const host = await starting;
    expect(listed).toEqual([host.pid]);
    await host.close();
    expect(registry.__providerHostPids?.has(host.pid!)).toBe(false);
  });

  test("once the sweep has run, no host starts: a deployment a timed-out test left going fails instead of spawning one nothing stops", async () => {
    const before = new Set(registry.__providerHostPids ?? []);
    registry.__providerHostsStopped = true;
    try {
      await expect(ProviderHost.start({})).rejects.toThrow("provider host not started: the test file that asked for it has ended");
      expect(new Set(registry.__providerHostPids ?? [])).toEqual(before);
    } finally {
      delete registry.__providerHostsStopped;
    }
  });
});
