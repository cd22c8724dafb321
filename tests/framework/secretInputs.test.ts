/**
 * A read (refresh, `.get()`, import) returns inputs the engine records. The dynamic host cannot mark a value
 * secret, and the engine keeps a refreshed input secret only when the same input was secret before: so a secret
 * property is returned among the inputs only where the old inputs declared it. Through the real provider,
 * against the emulator, for every kind with a secret input.
 */
import { allDefinitions } from "../../provider/resources/registry";
import type { PropertySpec } from "../../provider/framework/definition";
import { startResourceTestbed, type ResourceTestbed } from "../support/resources";

let bed: ResourceTestbed;
beforeAll(async () => {
  bed = await startResourceTestbed();
});
afterAll(async () => bed.close());

test("the kinds with secret inputs are the ones covered here", () => {
  const withSecrets = allDefinitions()
    .filter((d) => Object.values(d.properties as Record<string, PropertySpec>).some((p) => p.secret))
    .map((d) => d.kind);
  expect(withSecrets.sort()).toEqual(["Meeting", "TspAccount"]);
});

describe("Meeting", () => {
  const declared = { topic: "Secret inputs", type: 2, startTime: "2031-01-01T10:00:00Z", duration: 30, password: "Pw7788" };

  test("refresh of a meeting that declared its passcode: the passcode stays an input (the engine keeps it secret)", async () => {
    const created = await bed.create("Meeting", "declared", declared);
    const read = await bed.provider("Meeting").read!(created.id, created.outs);
    expect(read.inputs).toMatchObject({ password: "Pw7788", topic: "Secret inputs" });
  });

  test("refresh of a meeting that did not declare one: Zoom's generated passcode is an output only", async () => {
    const { password: _omitted, ...withoutPassword } = declared;
    const created = await bed.create("Meeting", "generated", withoutPassword);
    expect(typeof created.outs.password).toBe("string");
    const read = await bed.provider("Meeting").read!(created.id, created.outs);
    expect(read.inputs).not.toHaveProperty("password");
    expect(read.props).toHaveProperty("password", created.outs.password);
  });

  test("read by id alone (`.get()`): the passcode is an output only, never an input", async () => {
    const created = await bed.create("Meeting", "adopted", declared);
    const read = await bed.provider("Meeting").read!(created.id, {});
    // A read by id alone declares nothing: its inputs are the program's (none), not what Zoom has.
    expect(read.inputs).toEqual({});
    expect(read.props).toHaveProperty("password", created.outs.password);
    // And again, as a refresh of that adopted state passes its outputs back.
    const again = await bed.provider("Meeting").read!(created.id, read.props!);
    expect(again.inputs).not.toHaveProperty("password");
  });

  test("a state whose `__declared` names a secret output or a prototype path: neither becomes an input", async () => {
    const created = await bed.create("Meeting", "tampered", declared);
    const props = { ...created.outs, __declared: ["topic", "joinUrl", "h323Password", "__proto__.polluted", "constructor.prototype.x"] };
    const read = await bed.provider("Meeting").read!(created.id, props);
    expect(read.inputs).toHaveProperty("topic");
    for (const key of ["joinUrl", "h323Password", "password", "__proto__", "constructor"]) expect(Object.hasOwn(read.inputs!, key)).toBe(false);
    expect(Object.getPrototypeOf(read.inputs)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("TspAccount", () => {
  const declared = { userId: "me", conferenceCode: "7788990011", leaderPin: "246813", dialInNumbers: [{ code: "1", number: "8005550100", type: "toll", countryLabel: "US_TSP_TB" }] };

  test("refresh with a declared leader PIN keeps it; a read by id alone never returns it as an input", async () => {
    const created = await bed.create("TspAccount", "bridge", declared);
    const refreshed = await bed.provider("TspAccount").read!(created.id, created.outs);
    expect(refreshed.inputs).toHaveProperty("leaderPin", "246813");
    const adopted = await bed.provider("TspAccount").read!(created.id, {});
    expect(adopted.inputs).toEqual({});
    expect(adopted.props).toHaveProperty("leaderPin", "246813");
  });
});
