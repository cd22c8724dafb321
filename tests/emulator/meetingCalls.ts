/**
 * What the meeting suites (meetings*.test.ts) share: the fields of Zoom's meeting object they read, and create/get
 * calls on an emulator that check Zoom's success status.
 */
import type { EmulatorSuite } from "../support/emulator";

/** The fields of Zoom's meeting object the suites read. */
export interface Meeting {
  id: number;
  uuid: string;
  host_id: string;
  host_email: string;
  topic: string;
  type: number;
  status: string;
  start_time?: string;
  duration: number;
  timezone: string;
  agenda: string;
  created_at: string;
  start_url: string;
  join_url: string;
  password: string;
  h323_password: string;
  pstn_password: string;
  encrypted_password: string;
  settings: Record<string, unknown>;
  tracking_fields?: { field: string; value: string; visible: boolean }[];
  occurrences?: { occurrence_id: string; start_time: string; duration: number; status: string }[];
  recurrence?: Record<string, unknown>;
  template_id?: string;
}

export const FUTURE = "2031-01-15T10:00:00Z";

/** An ISO time as Zoom prints it: UTC, whole seconds. */
export function wholeSeconds(iso: string): string {
  return new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

export function validationError(...fields: string[]) {
  return {
    code: 300,
    message: "Validation Failed.",
    errors: expect.arrayContaining(fields.map((field) => ({ field, message: "Invalid field." }))),
  };
}

/** Create (201) and get (200) on the suite's emulator. */
export function meetingCalls(t: EmulatorSuite) {
  return {
    async create(body: Record<string, unknown>, user = "me", prefix = ""): Promise<Meeting> {
      const answer = await t.zoom.call<Meeting>("POST", `${prefix}/users/${user}/meetings`, { body });
      expect(answer.status).toBe(201);
      return answer.json;
    },
    get: (id: number, query = "") => t.zoom.read<Meeting>(`/meetings/${id}${query}`),
  };
}
