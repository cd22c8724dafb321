/**
 * The list-only resources (H323Device, InternalNumber, SipTrunk) on the real path: a Pulumi program, the real
 * dynamic-provider host driven over gRPC, the stubs in state loading this package, real HTTP to the emulator.
 * up, a second up that plans nothing, a hand edit found by refresh, an up that repairs it (the trunk by
 * replacing it, delete first), destroy.
 */
import * as path from "node:path";
import { Deployment } from "../../harness";
import { H323Device, InternalNumber, SipTrunk } from "../../provider";
import { useTestEmulator, zoomConfig } from "../support/emulator";
import { portalClient } from "../support/resources";

const root = path.resolve(__dirname, "../..");
const emu = useTestEmulator({ plan: "unlimited" });

test("up, no-change up, drift found by refresh and repaired by up, destroy", async () => {
  const e = emu.emulator;
  const state = await emu.control.state();
  const sub = state.subAccounts[0]!.id;
  const trunk = state.master.sipTrunks[0]!;
  const portal = portalClient(e);
  const deployment = new Deployment({
    project: "list-resources",
    stack: "dev",
    cwd: root,
    config: zoomConfig(e),
    secretConfigKeys: ["zoom:clientSecret"],
  });
  const dnis = `${trunk.dnis.slice(0, 5)}12`;
  const program = () => {
    new H323Device("boardroom", { name: "Board room", ip: "192.0.2.10", protocol: "H.323", encryption: "auto" });
    new InternalNumber("hq", { number: "+14155550100", displayNumber: "+1 415 555 0100", country: "US", labels: "HQ", languages: "en-US", type: "toll", visible: true });
    new SipTrunk("trunk", { accountId: sub, trunkId: trunk.id, dnis, outboundCallerId: "+14155550100" });
  };
  try {
    const first = await deployment.up(program);
    expect(first.errors).toEqual([]);
    expect(first.steps.filter((s) => s.custom && s.op === "create").map((s) => s.type).sort()).toEqual([
      "pulumi-nodejs:dynamic/zoom:H323Device",
      "pulumi-nodejs:dynamic/zoom:InternalNumber",
      "pulumi-nodejs:dynamic/zoom:SipTrunk",
    ]);
    expect((await deployment.up(program)).changes).toBe(0);

    // By hand: the device gets another encryption; the trunk is re-assigned with another DNIS.
    const devices = await portal.request<{ devices: { id: string; name: string; ip: string; protocol: string }[] }>({ operation: "deviceList" });
    const device = devices.data!.devices.find((d) => d.name === "Board room")!;
    await portal.request({ operation: "deviceUpdate", pathParams: { deviceId: device.id }, body: { name: device.name, ip: device.ip, protocol: device.protocol, encryption: "no" } });
    await portal.request({ operation: "AssignSIPTrunks", accountId: sub, body: { sip_trunks: [{ id: trunk.id, dnis: `${trunk.dnis.slice(0, 5)}99` }] } });

    const refreshed = await deployment.refresh();
    expect(refreshed.errors).toEqual([]);
    const repaired = await deployment.up(program);
    expect(repaired.errors).toEqual([]);
    expect(repaired.steps.filter((s) => s.custom && s.op !== "same").map((s) => `${s.type.split(":").pop()} ${s.op}`).sort()).toEqual([
      "H323Device update",
      "SipTrunk replace",
    ]);
    const trunks = await portal.request<{ sip_trunks: { id: string; dnis: string }[] }>({ operation: "ListSIPTrunks", accountId: sub });
    expect(trunks.data!.sip_trunks).toEqual([expect.objectContaining({ id: trunk.id, dnis })]);
    expect((await deployment.up(program)).changes).toBe(0);

    const destroyed = await deployment.destroy();
    expect(destroyed.steps.filter((s) => s.custom && s.op === "delete")).toHaveLength(3);
    expect((await portal.request<{ sip_trunks: unknown[] }>({ operation: "ListSIPTrunks", accountId: sub })).data!.sip_trunks).toEqual([]);
  } finally {
    await deployment.close();
  }
});
