/**
 * A busy account for import tests: about 200 objects of every kind, made the way people make them (the web
 * portal), through the emulator's seed endpoint. Deterministic: the same call gives the same account.
 *
 * One seeder per kind (BUSY_SEEDERS, in the order they run: meetings name a tracking field, templates are made
 * from meetings); tests/resources/manifest.test.ts fails when a kind of the manifest has none.
 */
import type { EmulatorControl, EmulatorStateSummary } from "../../emulator";
import type { AccountSummary } from "../../emulator/controlTypes";

export interface SeededAccount {
  /** How many objects of each kind the account holds now (the import scope below). */
  readonly counts: Readonly<Record<string, number>>;
  /** The sub-account whose SIP trunks were assigned. */
  readonly subAccountId: string;
  /** Users with meetings, TSP accounts and templates (master account), by email. */
  readonly users: readonly string[];
  /** Live TSP leader PINs by `<userId>/<tspId>`: what an admin would put in secret config. */
  readonly leaderPins: Readonly<Record<string, string>>;
}

const TOPICS = ["Daily standup", "Weekly review", "1:1 Ada / Grace", "Sprint planning", "Ünïcödé sync — åíøü", "All hands | Q&A", "Standup"];

interface SeedContext {
  readonly control: EmulatorControl;
  readonly state: EmulatorStateSummary;
  /** Master users' emails, owner first. */
  readonly users: readonly string[];
  readonly sub: AccountSummary;
  /** The meetings seeded so far (templates are made from them). */
  readonly meetings: { id: number; host_email: string }[];
  readonly leaderPins: Record<string, string>;
}

export interface BusySeeder {
  readonly kind: string;
  /** Seeds the kind's objects; returns how many the account holds now. */
  seed(context: SeedContext): Promise<number>;
}

export const BUSY_SEEDERS: readonly BusySeeder[] = [
  {
    kind: "TrackingField",
    async seed({ control }) {
      await control.seed({
        tracking_fields: Array.from({ length: 20 }, (_, i) => ({
          field: i === 3 ? "Cost center" : `Field ${String(i).padStart(2, "0")}`,
          required: i % 3 === 0,
          visible: i % 4 !== 0,
          ...(i % 2 === 0 ? { recommended_values: [`v${i}a`, `v${i}b`] } : {}),
        })),
      });
      return 20;
    },
  },
  {
    kind: "Meeting",
    async seed({ control, users, meetings: seededMeetings }) {
      const meetings: Record<string, unknown>[] = [];
      for (let i = 0; i < 105; i++) {
        const user = users[i % users.length]!;
        const day = String(1 + (i % 27)).padStart(2, "0");
        const base = { user_id: user, topic: TOPICS[i % TOPICS.length], duration: 30 + (i % 4) * 15, timezone: i % 2 === 0 ? "Europe/Berlin" : "America/New_York" };
        if (i % 10 === 0) {
          meetings.push({ ...base, type: 8, start_time: `2031-02-${day}T09:00:00`, recurrence: { type: 2, weekly_days: "2,4", end_times: 10 } });
        } else if (i % 10 === 1) {
          meetings.push({ ...base, type: 3 });
        } else {
          meetings.push({
            ...base,
            type: 2,
            start_time: `2031-03-${day}T1${i % 10}:00:00Z`,
            agenda: i % 3 === 0 ? `Agenda ${i}` : "",
            settings: { waiting_room: i % 2 === 0, mute_upon_entry: i % 3 === 0, join_before_host: i % 2 === 1, jbh_time: i % 2 === 1 ? 5 : 0 },
            ...(i % 5 === 0 ? { password: `pw${i}` } : {}),
            ...(i % 7 === 0 ? { tracking_fields: [{ field: "Cost center", value: "4100" }] } : {}),
          });
        }
      }
      seededMeetings.push(...((await control.seed({ meetings })).meetings as { id: number; host_email: string }[]));
      return meetings.length;
    },
  },
  {
    kind: "H323Device",
    async seed({ control }) {
      await control.seed({
        h323Devices: Array.from({ length: 25 }, (_, i) => ({
          name: i === 0 ? "Board room" : `Room ${String(i).padStart(2, "0")}`,
          protocol: i % 2 === 0 ? "H.323" : "SIP",
          ip: `192.0.2.${10 + i}`,
          encryption: ["auto", "yes", "no"][i % 3],
        })),
      });
      return 25;
    },
  },
  {
    kind: "InternalNumber",
    async seed({ control }) {
      await control.seed({
        internalNumbers: Array.from({ length: 20 }, (_, i) => ({
          number: `+1415555${String(1000 + i)}`,
          display_number: `+1 415 555 ${String(1000 + i)}`,
          country: "US",
          labels: `Dial-in ${i}`,
          languages: i % 2 === 0 ? "en-US" : "de-DE",
          type: i % 2 === 0 ? 0 : 1,
          visible: i % 3 !== 0,
          allow_join: true,
        })),
      });
      return 20;
    },
  },
  {
    kind: "TspAccount",
    async seed({ control, users, leaderPins }) {
      const pins = ["246810", "135791", "112233"];
      const tsp = (await control.seed({
        tspAccounts: [
          { user_id: users[0], conference_code: "4155550100", leader_pin: pins[0], tsp_bridge: "US_TSP_TB", dial_in_numbers: [{ code: "1", country_label: "US", number: "4155550100", type: "toll" }] },
          { user_id: users[0], conference_code: "4155550101", leader_pin: pins[1] },
          { user_id: users[1], conference_code: "4930555010", leader_pin: pins[2], tsp_bridge: "EU_TSP_TB" },
        ],
      })).tspAccounts as { user_id: string; id: string }[];
      tsp.forEach((t, i) => (leaderPins[`${t.user_id}/${t.id}`] = pins[i]!));
      return tsp.length;
    },
  },
  {
    kind: "MeetingTemplate",
    async seed({ control, users, meetings }) {
      const templateSources = meetings.filter((m) => m.host_email === users[0]).slice(0, 4);
      await control.seed({
        meetingTemplates: templateSources.map((m, i) => ({ user_id: users[0], meeting_id: m.id, name: i === 3 ? "Weekly review" : `Template ${i}` })),
      });
      return templateSources.length;
    },
  },
  {
    kind: "SipTrunk",
    async seed({ control, state, sub }) {
      const trunks = state.master.sipTrunks.slice(0, 2);
      await control.seed({ accountId: sub.id, sipTrunks: trunks.map((t, i) => ({ id: t.id, dnis: `${t.dnis.slice(0, 5)}${i}` })) });
      return trunks.length;
    },
  },
];

export async function seedBusyAccount(control: EmulatorControl): Promise<SeededAccount> {
  const state = await control.state();
  const context: SeedContext = {
    control,
    state,
    users: state.master.users.map((u) => u.email),
    sub: state.subAccounts[0]!,
    meetings: [],
    leaderPins: {},
  };
  const counts: Record<string, number> = {};
  for (const seeder of BUSY_SEEDERS) counts[seeder.kind] = await seeder.seed(context);
  return { counts, subAccountId: context.sub.id, users: context.users, leaderPins: context.leaderPins };
}
