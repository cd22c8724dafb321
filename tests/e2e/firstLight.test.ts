/**
 * The real path: a Pulumi program, the real dynamic-provider host from @pulumi/pulumi driven over gRPC, the
 * 2.5 KB stub from state loading this package, real HTTP to the emulator.
 */
import { Meeting, TrackingField } from "../../provider";
import { useTestEmulator } from "../support/emulator";
import { zoomDeployment } from "../support/zoomDeployment";

const emu = useTestEmulator({ plan: "unlimited" });

test("up creates, a second up plans nothing, destroy removes everything", async () => {
  const e = emu.emulator;
  const deployment = zoomDeployment("first-light", e);
  const program = () => {
    const field = new TrackingField("dept", { field: "Department", recommendedValues: ["eng", "sales"] });
    new Meeting("standup", {
      topic: "Standup",
      type: 8,
      startTime: "2030-01-07T09:00:00",
      timezone: "Europe/Berlin",
      recurrence: { type: 2, weeklyDays: "2,3,4,5,6", endTimes: 50 },
      trackingFields: [{ field: field.field, value: "eng" }],
    });
  };
  try {
    const first = await deployment.up(program);
    expect(first.errors).toEqual([]);
    const customCreates = first.steps.filter((s) => s.custom && s.op === "create");
    expect(customCreates.map((s) => s.type).sort()).toEqual(["pulumi-nodejs:dynamic/zoom:Meeting", "pulumi-nodejs:dynamic/zoom:TrackingField"]);
    const second = await deployment.up(program);
    expect(second.changes).toBe(0);
    const destroyed = await deployment.destroy();
    expect(destroyed.steps.filter((s) => s.custom && s.op === "delete")).toHaveLength(2);
  } finally {
    await deployment.close();
  }
});
