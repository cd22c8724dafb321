/**
 * Refreshing an unchanged account changes nothing, so `pulumi refresh --expect-no-changes` (the scheduled drift
 * job) stays quiet: values Zoom re-issues on every read are kept, and declared forms that mean what Zoom has
 * (a local time for a UTC one, days in another order) stay as the user wrote them.
 */
import { useResourceTestbed, type Props } from "../support/resources";

const bed = useResourceTestbed();

const declared = {
  topic: "Stable",
  type: 8,
  startTime: "2030-02-04T14:00:00",
  timezone: "Europe/Berlin",
  recurrence: { type: 2, weeklyDays: "6,2", endTimes: 8 },
  settings: { alternativeHosts: "B@example.com; a@example.com" },
};

test("two refreshes of an unchanged meeting give identical state, with the declaration's own forms as inputs", async () => {
  const created = await bed.create("Meeting", "stable", declared);
  const first = await bed.provider("Meeting").read!(created.id, created.outs);
  const second = await bed.provider("Meeting").read!(created.id, first.props!);
  expect(second.props).toEqual(first.props);
  expect(first.props!.startUrl).toBe(created.outs.startUrl);
  expect(second.inputs).toMatchObject({
    startTime: "2030-02-04T14:00:00",
    recurrence: { weeklyDays: "6,2" },
    settings: { alternativeHosts: "B@example.com; a@example.com" },
  });
});

test("a real change by hand still shows up in the refreshed inputs, in Zoom's form", async () => {
  const created = await bed.create("Meeting", "moved", declared);
  await bed.portal.request({ operation: "meetingUpdate", pathParams: { meetingId: created.id }, body: { start_time: "2030-02-04T15:00:00Z" } });
  const read = await bed.provider("Meeting").read!(created.id, created.outs);
  expect((read.inputs as Props).startTime).toBe("2030-02-04T15:00:00Z");
  const diff = await bed.provider("Meeting").diff!(created.id, read.props as Props, created.inputs);
  expect(diff.changes).toBe(true);
});
