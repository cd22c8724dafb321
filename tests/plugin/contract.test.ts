/**
 * The plugin over gRPC, as the engine drives it (harness/plugin.ts starts `plugin/` the way Pulumi runs a
 * PulumiPlugin.yaml folder): GetPluginInfo, GetSchema, CheckConfig, DiffConfig, Configure, then a resource's
 * check/create/read/delete with a secret input, against the emulator. Needs `npm run build` (the plugin runs
 * from dist/). The per-kind life cycles, through both front doors, are in lifecycles.test.ts.
 */
import * as fs from "fs";
import * as path from "path";
import { PluginHost, providerInputs } from "../../harness/plugin";
import { isSecret, reveal, rpcSecret, UNKNOWN } from "../../harness/values";
import { startTestEmulator, zoomConfig, type TestEmulator } from "../support/emulator";
import { seedAccount } from "../../fixtures/seed";

const root = path.resolve(__dirname, "../..");
const URN = (kind: string, name: string) => `urn:pulumi:dev::proj::zoom:index:${kind}::${name}`;

let zoom: TestEmulator;
let plugin: PluginHost;
let config: Record<string, string>;

beforeAll(async () => {
  zoom = await startTestEmulator({ plan: "unlimited" });
  config = zoomConfig(zoom.emulator);
  // No ZOOM_* variables: settings come from the provider's inputs only (unless a test says otherwise).
  const env = Object.fromEntries(Object.keys(process.env).filter((key) => key.startsWith("ZOOM_")).map((key) => [key, ""]));
  plugin = await PluginHost.start({ project: "proj", stack: "dev", env });
});
afterAll(async () => {
  await plugin?.close();
  await zoom?.close();
});

test("reports pulumi-zoom's version and serves the committed schema", async () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
  expect(await plugin.getPluginInfo()).toBe(pkg.version);
  expect(await plugin.getSchema()).toBe(fs.readFileSync(path.join(root, "schema/pulumi-schema.json"), "utf8"));
});

test("CheckConfig names the key of every problem, keeps secrets wrapped, and leaves missing credentials to the first call", async () => {
  const inputs = providerInputs("zoom", { ...config, "zoom:plan": "gold", "zoom:requestTimeoutSeconds": "0", "zoom:clientid": "typo" }, ["zoom:clientSecret"]);
  const checked = await plugin.checkConfig(inputs);
  expect(checked.failures.map((failure) => failure.property).sort()).toEqual(["clientid", "plan", "requestTimeoutSeconds"]);
  expect(checked.failures.find((f) => f.property === "plan")?.reason).toContain("zoom:plan");
  expect(checked.failures.find((f) => f.property === "clientid")?.reason).toContain("zoom:clientid is not a pulumi-zoom setting");
  expect(isSecret(checked.inputs.clientSecret)).toBe(true);

  expect((await plugin.checkConfig(providerInputs("zoom", config))).failures).toEqual([]);
  // No credentials at all: a preview still works; the first call that needs Zoom says what to set.
  expect((await plugin.checkConfig({})).failures).toEqual([]);
  // Both kinds of credentials: the conflict names the token key.
  const both = await plugin.checkConfig(providerInputs("zoom", { ...config, "zoom:accessToken": "t" }));
  expect(both.failures).toEqual([{ property: "accessToken", reason: expect.stringContaining("zoom:accessToken") }]);
});

test("DiffConfig: a changed setting is a change, never a replacement", async () => {
  const olds = providerInputs("zoom", config);
  expect(await plugin.diffConfig(olds, { ...olds })).toEqual({ changes: "none", replaces: [] });
  expect(await plugin.diffConfig(olds, { ...olds, plan: "business" })).toEqual({ changes: "some", replaces: [] });
});

test("an unknown resource type is refused by name", async () => {
  await expect(plugin.check(URN("NoSuchKind", "w"), {}, {})).rejects.toThrow("pulumi-zoom has no resource type zoom:index:NoSuchKind");
});

test("Configure accepts secrets; a TSP account's leader PIN stays secret in check, create and read; no __provider anywhere", async () => {
  expect(await plugin.configure(config, { secretKeys: ["zoom:clientSecret"] })).toEqual({ acceptSecrets: true });
  const state = await zoom.control.state();
  const user = state.master.users[1]!;
  await seedAccount(zoom.control, { tspSlots: [user.id] });
  const urn = URN("TspAccount", "bridge");
  const declared = { userId: user.id, conferenceCode: "0125", leaderPin: rpcSecret("11189898"), tspBridge: "US_TSP_TB" };

  // During a preview, an input another resource computes arrives unknown; check lets it through.
  expect((await plugin.check(urn, {}, { ...declared, conferenceCode: UNKNOWN })).failures).toEqual([]);
  const bad = await plugin.check(urn, {}, { ...declared, conferenceCode: "12a" });
  expect(bad.failures.map((failure) => failure.property)).toEqual(["conferenceCode"]);

  const checked = await plugin.check(urn, {}, declared);
  expect(checked.failures).toEqual([]);
  expect(checked.inputs.leaderPin).toEqual(rpcSecret("11189898"));
  expect(checked.inputs).not.toHaveProperty("__logicalName");

  const created = await plugin.create(urn, checked.inputs);
  expect(created.id).toBe(`${user.id}/2`);
  expect(created.properties.leaderPin).toEqual(rpcSecret("11189898"));
  expect(created.properties).not.toHaveProperty("__provider");
  expect(reveal(created.properties)).toMatchObject({ conferenceCode: "0125", tspBridge: "US_TSP_TB", tspId: "2" });

  const read = await plugin.read(created.id, urn, created.properties, checked.inputs);
  expect(read.properties.leaderPin).toEqual(rpcSecret("11189898"));
  expect(read.inputs?.leaderPin).toEqual(rpcSecret("11189898"));
  expect(read.inputs).not.toHaveProperty("__logicalName");

  await plugin.delete(created.id, urn, read.properties);
  expect((await plugin.read(created.id, urn, read.properties, checked.inputs)).id).toBe("");
  // Nothing the plugin printed holds the PIN or the client secret.
  const printed = JSON.stringify(plugin.output());
  expect(printed).not.toContain("11189898");
  expect(printed).not.toContain(config["zoom:clientSecret"]);
});

test("Diff names what changed (the engine shows it, matches replaceOnChanges and names import mismatches by it)", async () => {
  await plugin.configure(config, { secretKeys: ["zoom:clientSecret"] });
  const urn = URN("Meeting", "diffed");
  const declared = { topic: "Diffed", startTime: "2031-05-01T10:00:00Z", duration: 60, settings: { waitingRoom: false } };
  const checked = await plugin.check(urn, {}, declared);
  const created = await plugin.create(urn, checked.inputs);
  try {
    const same = await plugin.diff(created.id, urn, created.properties, checked.inputs, checked.inputs);
    expect(same).toMatchObject({ changes: "none", changedKeys: [] });
    const changedInputs = (await plugin.check(urn, checked.inputs, { ...declared, duration: 90, settings: { waitingRoom: true } })).inputs;
    const changed = await plugin.diff(created.id, urn, created.properties, changedInputs, checked.inputs);
    expect(changed).toMatchObject({ changes: "some", replaces: [], hasDetailedDiff: true });
    expect([...changed.changedKeys].sort()).toEqual(["duration", "settings"]);
  } finally {
    await plugin.delete(created.id, urn, created.properties);
  }
});
