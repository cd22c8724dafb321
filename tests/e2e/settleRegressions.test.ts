/**
 * Named regressions of "plans settle for every value a user can declare" (issue 13, items 1–9), through the real
 * dynamic-provider host against the spec-maximal emulator: Zoom's answers carry every optional field its
 * response schemas allow and reorder set-like lists. "Settles" means: after `up`, a fresh host's refresh changes
 * nothing and its plan is empty (`pulumi refresh --expect-no-changes`, then `pulumi preview --expect-no-changes`).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Meeting, TrackingField } from "../../provider";
import { validateFiles } from "../../provider/cli/commands/validate";
import { Deployment, DeploymentError, type PlanSummary, type Program } from "../../harness";
import { portalClient } from "../support/resources";
import { useTestEmulator, zoomConfig } from "../support/emulator";

const root = path.resolve(__dirname, "../..");
const suite = useTestEmulator({ plan: "unlimited", specMaximal: true });

function deployment(state?: Deployment["state"]): Deployment {
  return new Deployment({
    project: "settle-regressions",
    stack: "dev",
    cwd: root,
    config: zoomConfig(suite.emulator),
    secretConfigKeys: ["zoom:clientSecret"],
    ...(state ? { state } : {}),
  });
}

const changed = (summary: PlanSummary) => summary.steps.filter((s) => s.custom && s.op !== "same" && s.op !== "read");

/** A fresh host refreshes (nothing changes) and plans `program` (nothing to do). Returns that host. */
async function expectSettled(d: Deployment, program: Program): Promise<Deployment> {
  const fresh = deployment(d.state);
  const refreshed = await fresh.refresh();
  expect(changed(refreshed)).toEqual([]);
  const plan = await fresh.preview(program);
  expect(changed(plan)).toEqual([]);
  return fresh;
}

async function upAndSettle(program: Program): Promise<Deployment> {
  const d = deployment();
  await d.up(program);
  return expectSettled(d, program);
}

async function checkFailure(program: Program): Promise<string> {
  const failed = await deployment().preview(program).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(failed).toBeInstanceOf(DeploymentError);
  return (failed as DeploymentError).summary.errors.join("\n");
}

const meetingOf = async (d: Deployment, name: string) => {
  const res = d.state.resources.find((r) => r.urn.endsWith(`::${name}`))!;
  const answer = await portalClient(suite.emulator).request<Record<string, unknown>>({ operation: "meeting", pathParams: { meetingId: String(res.outputs.meetingId) } });
  return answer.data!;
};

test("1. settings.meetingInvitees [{ email }]: Zoom's items carry internal_user and come back reordered; the plan settles", async () => {
  const program = () => {
    new Meeting("invitees", {
      topic: "Invitees",
      startTime: "2031-02-03T10:00:00Z",
      settings: { meetingInvitees: [{ email: "Ann@Example.com" }, { email: "bob@example.com" }] },
    });
  };
  await upAndSettle(program);
});

test("2. settings: {} manages nothing: no change against Zoom's whole settings object", async () => {
  const program = () => {
    new Meeting("empty-settings", { topic: "Empty settings", startTime: "2031-02-03T10:00:00Z", settings: {} });
  };
  await upAndSettle(program);
});

test("3. trackingFields: [] empties the list and settles; removing trackingFields also takes the values out of Zoom", async () => {
  const withFields = () => {
    new Meeting("tagged", { topic: "Tagged", startTime: "2031-02-03T10:00:00Z", trackingFields: [{ field: "dept", value: "eng" }] });
  };
  const emptied = () => {
    new Meeting("tagged", { topic: "Tagged", startTime: "2031-02-03T10:00:00Z", trackingFields: [] });
  };
  const removed = () => {
    new Meeting("tagged", { topic: "Tagged", startTime: "2031-02-03T10:00:00Z" });
  };
  const d = await upAndSettle(withFields);
  expect(changed(await d.up(emptied)).map((s) => s.op)).toEqual(["update"]);
  expect((await meetingOf(d, "tagged")).tracking_fields ?? []).toEqual([]);
  const e = await expectSettled(d, emptied);
  await e.up(withFields);
  expect(changed(await e.up(removed)).map((s) => s.op)).toEqual(["update"]);
  expect((await meetingOf(e, "tagged")).tracking_fields ?? []).toEqual([]);
  await expectSettled(e, removed);
});

test("4. type 3 with a recurrence is refused at check: Zoom drops it", async () => {
  const errors = await checkFailure(() => {
    new Meeting("office-hours", { topic: "Office hours", type: 3, recurrence: { type: 1, endTimes: 3 } });
  });
  expect(errors).toMatch(/recurrence: only recurring meetings with a fixed time \(type 8\) have a recurrence; Zoom drops it from a type 3 meeting/);
});

test("5. a start in the past: a warning at check naming the property, and no update loop once Zoom moved it", async () => {
  const program = () => {
    new Meeting("late", { topic: "Late", startTime: "2021-03-01T09:00:00", timezone: "Europe/Berlin" });
  };
  const d = deployment();
  await d.up(program);
  expect(d.hostOutput().stderr).toMatch(/warning: checking zoom:Meeting "late": startTime 2021-03-01T09:00:00 \(Europe\/Berlin\) is in the past: Zoom schedules the meeting for the time of the request/);
  const live = await meetingOf(d, "late");
  expect(Date.parse(String(live.start_time))).toBeGreaterThan(Date.parse("2025-01-01T00:00:00Z"));
  await expectSettled(d, program);
});

test("6. recurrence.endDateTime in local time with the meeting's timezone is sent in UTC, and compares as an instant", async () => {
  const program = () => {
    new Meeting("series", {
      topic: "Series",
      type: 8,
      startTime: "2031-02-03T09:00:00",
      timezone: "America/New_York",
      recurrence: { type: 1, endDateTime: "2031-02-10T09:00:00" },
    });
  };
  const d = await upAndSettle(program);
  expect((await meetingOf(d, "series")).recurrence).toMatchObject({ end_date_time: "2031-02-10T14:00:00Z" });
});

describe("7. impossible dates are refused with the value and the reason, in check and in pulumi-zoom validate", () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ["February 30", { startTime: "2030-02-30T10:00:00Z" }, /startTime: "2030-02-30T10:00:00Z" is not a real date-time: February 2030 has no day 30/],
    ["month 13", { startTime: "2030-13-45T25:00:00", timezone: "UTC" }, /startTime: "2030-13-45T25:00:00" is not a real date-time: month 13 does not exist/],
    ["hour 24", { startTime: "2030-05-01T24:00:00Z" }, /startTime: "2030-05-01T24:00:00Z" is not a real date-time: hour 24 does not exist/],
    [
      "an end before the start",
      { type: 8, startTime: "2030-05-01T10:00:00Z", recurrence: { type: 1, endDateTime: "2030-04-01T10:00:00Z" } },
      /recurrence.endDateTime: "2030-04-01T10:00:00Z" is before the meeting's start/,
    ],
    [
      // The third Monday on or after January 4th 2031 is the 20th (generative run, seed 4108).
      "an end before the series' first occurrence",
      { type: 8, startTime: "2031-01-04T01:29:00Z", recurrence: { type: 3, monthlyWeek: 3, monthlyWeekDay: 2, endDateTime: "2031-01-19T22:00:00Z" } },
      /recurrence.endDateTime: "2031-01-19T22:00:00Z" is before the series' first occurrence \(2031-01-20T01:29:00Z/,
    ],
  ];
  test.each(cases)("check: %s", async (_name, declared, reason) => {
    const errors = await checkFailure(() => {
      new Meeting("bad-date", { topic: "Bad date", ...declared });
    });
    expect(errors).toMatch(reason);
  });

  test.each(cases)("pulumi-zoom validate: %s", async (_name, declared, reason) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "settle-validate-"));
    try {
      const file = path.join(dir, "zoom.yaml");
      fs.writeFileSync(file, `meetings:\n  bad:\n    topic: Bad date\n${Object.entries(declared).map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`).join("\n")}\n`);
      const report = await validateFiles([file]);
      expect(report.exitCode).toBe(1);
      expect(report.output.join("\n")).toMatch(new RegExp(reason.source.replace(/^(startTime|recurrence)/, "meetings\\.bad\\.$1")));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

test("8. lists Zoom keeps as sets (countries, dial-in countries, data center regions) settle although Zoom reorders them", async () => {
  const program = () => {
    new Meeting("regions", {
      topic: "Regions",
      startTime: "2031-02-03T10:00:00Z",
      settings: {
        approvedOrDeniedCountriesOrRegions: { enable: true, method: "approve", approvedList: ["CX", "US", "DE"] },
        globalDialInCountries: ["US", "DE", "JP"],
        additionalDataCenterRegions: ["EU", "AU"],
      },
    });
    new TrackingField("sets", { field: "Settle sets", recommendedValues: ["b", "a", "c"] });
  };
  const d = await upAndSettle(program);
  // The emulator really answered them in another order than written.
  expect(((await meetingOf(d, "regions")).settings as { global_dial_in_countries: string[] }).global_dial_in_countries).toEqual(["JP", "DE", "US"]);
});

test("9. removing a property: agenda is set back to empty (one update); a removed setting stays as Zoom has it; both settle", async () => {
  const before = () => {
    new Meeting("removal", { topic: "Removal", startTime: "2031-02-03T10:00:00Z", agenda: "Quarterly numbers", settings: { hostVideo: true } });
  };
  const after = () => {
    new Meeting("removal", { topic: "Removal", startTime: "2031-02-03T10:00:00Z" });
  };
  const d = await upAndSettle(before);
  expect(changed(await d.up(after)).map((s) => s.op)).toEqual(["update"]);
  const live = await meetingOf(d, "removal");
  expect(live.agenda ?? "").toBe("");
  expect((live.settings as { host_video: boolean }).host_video).toBe(true);
  await expectSettled(d, after);
});

test("10. an object Zoom validates whole: changing one key of settings.waitingRoomOptions updates (mode is sent along) and settles", async () => {
  const declare = (who: "everyone" | "users_not_in_account") => () => {
    new Meeting("waiting", {
      topic: "Waiting room",
      startTime: "2031-02-03T10:00:00Z",
      settings: { waitingRoom: true, waitingRoomOptions: { mode: "custom", whoGoesToWaitingRoom: who } },
    });
  };
  const d = await upAndSettle(declare("everyone"));
  expect(changed(await d.up(declare("users_not_in_account"))).map((s) => s.op)).toEqual(["update"]);
  const live = await meetingOf(d, "waiting");
  expect((live.settings as { waiting_room_options: unknown }).waiting_room_options).toEqual({ mode: "custom", who_goes_to_waiting_room: "users_not_in_account" });
  await expectSettled(d, declare("users_not_in_account"));
});

test("11. a monthly-by-weekday series whose answer also carries a monthly_day: the start compares under the declared rule and settles (generative run, seeds 1003 and 1004)", async () => {
  const declare = (recurring: boolean) => () => {
    new Meeting(
      "monthly",
      recurring
        ? // The third Wednesday of January 2031 is the 15th: Zoom starts the series there, and its spec-maximal answer
          // adds monthly_day 1, under which the 15th would move to February 1st.
          { topic: "Monthly", type: 8, startTime: "2031-01-03T20:38:00", timezone: "America/Sao_Paulo", recurrence: { type: 3, monthlyWeek: 3, monthlyWeekDay: 4 } }
        : { topic: "Monthly", type: 2, startTime: "2031-01-03T20:38:00", timezone: "America/Sao_Paulo" },
    );
  };
  const d = await upAndSettle(declare(false));
  expect(changed(await d.up(declare(true))).map((s) => s.op)).toEqual(["update"]);
  const live = await meetingOf(d, "monthly");
  expect(live.start_time).toBe("2031-01-15T23:38:00Z");
  expect((live.recurrence as { monthly_day?: number }).monthly_day).toBe(1);
  await expectSettled(d, declare(true));
});

test("12. joinBeforeHost: true while Zoom's waiting room is on and not declared: the waiting room goes off with it, and the plan settles (generative run, seed 1017)", async () => {
  const declare = (settings: Record<string, unknown>) => () => {
    new Meeting("early", { topic: "Join early", startTime: "2031-02-03T10:00:00Z", settings });
  };
  const d = await upAndSettle(declare({ waitingRoom: true }));
  expect(changed(await d.up(declare({ joinBeforeHost: true, jbhTime: 15 }))).map((s) => s.op)).toEqual(["update"]);
  const live = (await meetingOf(d, "early")).settings as { join_before_host: boolean; waiting_room: boolean };
  expect({ joinBeforeHost: live.join_before_host, waitingRoom: live.waiting_room }).toEqual({ joinBeforeHost: true, waitingRoom: false });
  await expectSettled(d, declare({ joinBeforeHost: true, jbhTime: 15 }));
  // Created that way too (an account whose waiting room is on by default behaves as the update above).
  const created = await upAndSettle(() => void new Meeting("early-new", { topic: "Join early", startTime: "2031-02-03T10:00:00Z", settings: { joinBeforeHost: true } }));
  expect(((await meetingOf(created, "early-new")).settings as { waiting_room: boolean }).waiting_room).toBe(false);
});

test("13. a meeting becoming recurring sends its recurrence although Zoom's answer for the one-off meeting carried an equal one (generative run, seed 2011)", async () => {
  // Spec-maximal answers give a type 2 meeting the recurrence {type: 1, repeat_interval: 1, ...}: a declared daily
  // recurrence then compares equal to it, and without it in the PATCH Zoom refuses type 8 ("recurrence: Invalid field").
  const declare = (recurring: boolean) => () => {
    new Meeting("becomes-daily", {
      topic: "Becomes daily",
      startTime: "2031-02-03T10:00:00Z",
      ...(recurring ? { type: 8 as const, recurrence: { type: 1 as const, repeatInterval: 1 } } : {}),
    });
  };
  const d = await upAndSettle(declare(false));
  expect(changed(await d.up(declare(true))).map((s) => s.op)).toEqual(["update"]);
  const live = await meetingOf(d, "becomes-daily");
  expect(live.type).toBe(8);
  await expectSettled(d, declare(true));
});

test("14. times with milliseconds (startTime, recurrence.endDateTime): Zoom keeps whole seconds, the plan settles (new-user trial)", async () => {
  await upAndSettle(() => {
    new Meeting("millis", { topic: "Millis", startTime: "2031-02-03T10:00:00.250Z", timezone: "Europe/Berlin", duration: 30 });
    new Meeting("millis-series", { topic: "Millis series", type: 8, startTime: "2031-02-03T10:00:00Z", recurrence: { type: 1, endDateTime: "2031-02-20T10:00:00.500Z" } });
  });
});

test("15. a monthly series with both monthlyDay and monthlyWeek is refused at check, naming the property (new-user trial)", async () => {
  const errors = await checkFailure(() => {
    new Meeting("both-rules", { topic: "Both", type: 8, startTime: "2031-02-03T10:00:00Z", recurrence: { type: 3, monthlyDay: 5, monthlyWeek: 2, monthlyWeekDay: 3, endTimes: 4 } });
  });
  expect(errors).toContain("recurrence.monthlyDay");
  expect(errors).toContain("declare one of the two");
});

test("16. a start declared without type or recurrence for a meeting that recurs in Zoom compares as that series' first occurrence (generative run, seed 2044)", async () => {
  const series = () => {
    new Meeting("still-monthly", { topic: "Still monthly", type: 8, startTime: "2031-01-02T23:49:00Z", timezone: "America/Sao_Paulo", recurrence: { type: 3, monthlyWeek: 4, monthlyWeekDay: 6 } });
  };
  // type and recurrence no longer declared: Zoom keeps the monthly series and starts it on the 4th Friday (the 24th).
  const moved = () => {
    new Meeting("still-monthly", { topic: "Still monthly", startTime: "2031-01-01T00:00:00Z", timezone: "UTC" });
  };
  const d = await upAndSettle(series);
  expect(changed(await d.up(moved)).map((s) => s.op)).toEqual(["update"]);
  const live = await meetingOf(d, "still-monthly");
  expect({ type: live.type, start: live.start_time }).toEqual({ type: 8, start: "2031-01-24T00:00:00Z" });
  await expectSettled(d, moved);
});

test("17. a monthly-by-day series whose answer also carries a monthly_week and monthly_week_day: the start compares under the declared rule and settles (the mirror of 11)", async () => {
  // Zoom starts the series on the 20th; its spec-maximal answer adds monthly_week -1 and monthly_week_day 1 (the
  // last Sunday), under which the 20th would move to the 26th. Read as the weekday rule, as a request carrying
  // both would be, the start never settles: Zoom's start, the 20th, tells which rule Zoom applied.
  const program = () => {
    new Meeting("by-day", { topic: "By day", type: 8, startTime: "2031-01-03T10:00:00Z", timezone: "UTC", recurrence: { type: 3, monthlyDay: 20, endTimes: 3 } });
  };
  const d = await upAndSettle(program);
  const live = await meetingOf(d, "by-day");
  expect(live.start_time).toBe("2031-01-20T10:00:00Z");
  expect(live.recurrence).toMatchObject({ monthly_day: 20, monthly_week: -1, monthly_week_day: 1 });
});

test("18. a start declared without type or recurrence for a monthly-by-day series in Zoom, whose answer also carries monthly_week and monthly_week_day, compares as that series' first occurrence (the mirror of 16)", async () => {
  const series = () => {
    new Meeting("still-by-day", { topic: "Still by day", type: 8, startTime: "2031-01-03T10:00:00Z", timezone: "UTC", recurrence: { type: 3, monthlyDay: 20, endTimes: 3 } });
  };
  // type and recurrence no longer declared: Zoom keeps the series on the 20th, from February 20th; the stray
  // fields name the last Sunday, which falls between (January 26th).
  const moved = () => {
    new Meeting("still-by-day", { topic: "Still by day", startTime: "2031-01-21T10:00:00Z", timezone: "UTC" });
  };
  const d = await upAndSettle(series);
  expect(changed(await d.up(moved)).map((s) => s.op)).toEqual(["update"]);
  const live = await meetingOf(d, "still-by-day");
  expect({ type: live.type, start: live.start_time }).toEqual({ type: 8, start: "2031-02-20T10:00:00Z" });
  await expectSettled(d, moved);
});
