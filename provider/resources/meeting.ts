/**
 * zoom:Meeting — instant, scheduled and recurring meetings.
 *
 * Special cases over the shared flow: times compare as instants (Zoom answers in UTC); deletes are quiet
 * unless `notifyOnDelete`; a meeting in progress is ended before it is deleted (`endBeforeDelete`), so its
 * start URL dies; a create whose outcome is unknown is looked for among the host's meetings.
 */
import type * as pulumi from "@pulumi/pulumi";
import { meetingSchema, type MeetingArgs, type MeetingInputs } from "../../schema/meeting";
import { ZoomApiError } from "../client/errors";
import { resourceClass, SCOPE } from "../framework/declare";
import type { CreateLookupContext, ResourceDefinition, ZoomObject } from "../framework/definition";
import { custom, emailRule, normalized, set, type EqualityRulesOf } from "../framework/equality";
import { LookupVerdict } from "../framework/errors";
import { camelCaseOf, isPlainObject } from "../framework/case";
import { instantOf, utcString } from "../../schema/time";
import { appliedRule, firstOccurrence } from "../../schema/meetingRecurrence";

/** `a@x.com; B@x.com` and `b@x.com,a@x.com` are the same alternative hosts. */
function hostSet(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const hosts = value.split(/[;,]/).map((h) => h.trim().toLowerCase()).filter(Boolean);
  return [...new Set(hosts)].sort();
}

function daySet(value: unknown): unknown {
  return typeof value === "string" ? [...new Set(value.split(",").map((d) => d.trim()))].sort() : value;
}

function zoneOf(side: Record<string, unknown>, other: Record<string, unknown>): string | undefined {
  return typeof side.timezone === "string" ? side.timezone : typeof other.timezone === "string" ? other.timezone : undefined;
}

/** Zoom keeps times to the second: `10:00:00.250Z` is stored as `10:00:00Z`, so instants compare to the second. */
function instant(value: unknown, side: Record<string, unknown>, other: Record<string, unknown>): unknown {
  if (typeof value !== "string") return value;
  const ms = instantOf(value, zoneOf(side, other));
  return ms === undefined ? value : Math.floor(ms / 1000) * 1000;
}

/**
 * A meeting's start as an instant; for a recurring meeting with a fixed time, the series' first occurrence,
 * which is what Zoom answers for the declared start (see schema/meetingRecurrence.ts). The rule is this side's, or
 * the other's when this side declares none; a rule from Zoom's answer is read as the one Zoom applied, which
 * its own start tells (appliedRule: an answer may carry fields of both monthly rules).
 */
function seriesStart(value: unknown, side: Record<string, unknown>, other: Record<string, unknown>): unknown {
  const ms = instant(value, side, other);
  // A declaration that leaves `type` and `recurrence` out leaves Zoom's in effect: a start declared for a meeting
  // that recurs in Zoom is moved to that series' first occurrence (found by the generative run, seed 2044).
  if (typeof ms !== "number" || (side.type ?? other.type) !== 8) return ms;
  const zone = zoneOf(side, other) ?? "UTC";
  const [rule, ruleStart] = isPlainObject(side.recurrence) ? [side.recurrence, ms] : [other.recurrence, instant(other.startTime, other, side)];
  if (!isPlainObject(rule)) return ms;
  return firstOccurrence(ms, zone, typeof ruleStart === "number" ? appliedRule(rule, ruleStart, zone) : rule);
}

/**
 * A start declared in the past is in sync with any start at or after it: Zoom schedules such a meeting for the
 * time of the request ("If start_time is ... set to a past value, it defaults to the current time"), so moving
 * it back could never succeed and every plan would try again.
 */
function pastStartMoved(want: unknown, have: unknown): boolean {
  return typeof want === "number" && typeof have === "number" && want < Date.now() && have >= want;
}

/** Check warnings: a start in the past, which Zoom will not keep (see pastStartMoved). */
function pastStartWarnings(inputs: MeetingInputs, olds: Partial<MeetingInputs> | undefined): string[] {
  if (inputs.startTime === undefined || inputs.startTime === olds?.startTime) return [];
  const ms = instantOf(inputs.startTime, inputs.timezone ?? "UTC");
  if (ms === undefined || ms >= Date.now()) return [];
  return [
    `startTime ${inputs.startTime}${inputs.timezone ? ` (${inputs.timezone})` : ""} is in the past: Zoom schedules the meeting for the time of the request instead; any start at or after the declared one is treated as in sync, so plans will not try to move it back`,
  ];
}

/** How a meeting's values compare with Zoom's, where the default rule (equality.ts) is not Zoom's meaning. */
const meetingEquality = {
  startTime: custom(
    "an instant, to the second: local time is read in `timezone`; a recurring meeting's start is its first occurrence; a start declared in the past is satisfied by any start at or after it (Zoom moves past starts to the time of the request)",
    seriesStart,
    pastStartMoved,
  ),
  "recurrence.endDateTime": custom("an instant, to the second: local time is read in the meeting's `timezone`", instant),
  "recurrence.weeklyDays": normalized("a set of days: order and repeats do not matter", daySet),
  "settings.alternativeHosts": normalized("a set of emails or ids: order, separators, case and spaces do not matter", hostSet),
  "settings.contactEmail": emailRule,
  trackingFields: set(),
  "settings.meetingInvitees": set(),
  "settings.authenticationException": set(),
  "settings.breakoutRoom.rooms": set(),
  "settings.breakoutRoom.rooms[].participants": set(),
  "settings.languageInterpretation.interpreters": set(),
  "settings.signLanguageInterpretation.interpreters": set(),
  "settings.additionalDataCenterRegions": set(),
  "settings.approvedOrDeniedCountriesOrRegions.approvedList": set(),
  "settings.approvedOrDeniedCountriesOrRegions.deniedList": set(),
  "settings.autoAddRecordingToVideoManagement.channels": set(),
  "settings.globalDialInCountries": set(),
  "settings.resources": set(),
} satisfies EqualityRulesOf<MeetingInputs>;

/**
 * The body with `recurrence.end_date_time` in UTC: Zoom's spec requires a UTC date-time there, while the user
 * may write local time in the meeting's `timezone` (check refuses local time without one).
 */
function withUtcEnd(body: ZoomObject, inputs: MeetingInputs): ZoomObject {
  const recurrence = body.recurrence;
  if (!isPlainObject(recurrence) || typeof recurrence.end_date_time !== "string") return body;
  const ms = instantOf(recurrence.end_date_time, inputs.timezone ?? "UTC");
  return ms === undefined ? body : { ...body, recurrence: { ...recurrence, end_date_time: utcString(ms) } };
}

/** Zoom's meeting in the resource's shape: camelCase, plus named outputs. */
function normalizeMeeting(live: ZoomObject): Record<string, unknown> {
  const m = camelCaseOf(live);
  const trackingFields = Array.isArray(m.trackingFields)
    ? (m.trackingFields as { field: string; value?: string }[]).map((f) => ({ field: f.field, value: f.value ?? "" }))
    : undefined;
  const { id, ...rest } = m;
  const { settings, joinUrls } = withoutExceptionLinks(m.settings);
  return { ...rest, meetingId: id, trackingFields, settings, authenticationExceptionJoinUrls: joinUrls };
}

/**
 * Zoom gives each participant in `settings.authenticationException` a link that bypasses authentication. A
 * nested value cannot be a Pulumi secret on its own (secrets are per top-level output), and `settings` is not
 * secret: the links move to the secret output `authenticationExceptionJoinUrls` (by email), and `settings`
 * keeps what was declared, so it also compares equal to the declaration.
 */
function withoutExceptionLinks(settings: unknown): { settings: unknown; joinUrls?: Record<string, string> } {
  if (!isPlainObject(settings) || !Array.isArray(settings.authenticationException)) return { settings };
  const joinUrls: Record<string, string> = {};
  const entries = settings.authenticationException.map((entry: unknown) => {
    if (!isPlainObject(entry)) return entry;
    const { joinUrl, ...rest } = entry;
    if (typeof joinUrl === "string") joinUrls[String(rest.email ?? rest.name ?? "")] = joinUrl;
    return rest;
  });
  return { settings: { ...settings, authenticationException: entries }, ...(Object.keys(joinUrls).length > 0 ? { joinUrls } : {}) };
}

/**
 * After a create whose outcome is unknown: the host's meetings created since the attempt with the same topic,
 * type, start and (when declared) duration, that no other create of this process holds. A recurring meeting's
 * start is compared as its series' first occurrence, which is what Zoom lists (as the diff compares it).
 *
 * What cannot be found: instant meetings (type 1), which Zoom does not list. Their create is never retried
 * after an unknown outcome: the error says so and asks the user to look in Zoom, because a retry could make a
 * second meeting. A meeting made by hand with the same topic, type and start within the second before the
 * attempt would be taken for ours (Zoom's clock and ours must agree within about a second).
 */
async function findCreatedMeeting(ctx: CreateLookupContext, inputs: MeetingInputs, since: Date): Promise<string | undefined> {
  if (inputs.type === 1) {
    throw new LookupVerdict(
      `${ctx.label}: the outcome of creating an instant meeting is unknown and Zoom does not list instant meetings, so pulumi-zoom cannot tell whether it exists; check the host's meetings in Zoom, then run pulumi up again`,
    );
  }
  const declared = inputs as unknown as Record<string, unknown>;
  const wantStart = inputs.startTime ? seriesStart(inputs.startTime, declared, {}) : undefined;
  for await (const meeting of ctx.client.paginate<ZoomObject>({
    operation: "meetings",
    pathParams: { userId: inputs.userId },
    query: { type: "scheduled" },
    accountId: inputs.accountId,
    itemsKey: "meetings",
    context: ctx.label,
  })) {
    if (!isPlainObject(meeting) || meeting.id === undefined || ctx.taken(String(meeting.id))) continue;
    const created = typeof meeting.created_at === "string" ? Date.parse(meeting.created_at) : NaN;
    if (!(created >= since.getTime())) continue;
    if (meeting.topic !== (inputs.topic ?? meeting.topic) || meeting.type !== (inputs.type ?? 2)) continue;
    if (inputs.duration !== undefined && meeting.duration !== undefined && meeting.duration !== inputs.duration) continue;
    if (typeof wantStart === "number" && typeof meeting.start_time === "string" && instantOf(meeting.start_time, "UTC") !== wantStart) continue;
    return String(meeting.id);
  }
  return undefined;
}

export const meetingDefinition = {
  kind: "Meeting",
  description:
    "A Zoom meeting: instant, scheduled, or recurring, with its settings, tracking fields and passcode. Deleting it is quiet by default (no cancellation emails) and ends it first if it is in progress, so its start URL stops working.",
  idParts: ["accountId"],
  lostCreate:
    "the meeting is looked for among the host's meetings created since the attempt with the same topic, type, start and duration (never one another resource of the deployment holds) before it is tried again. Instant meetings (type 1) cannot be found, as Zoom does not list them: such a create fails with an error asking you to check the host's meetings in Zoom, rather than risk a second meeting",
  schema: meetingSchema,
  properties: {
    topic: { source: "live" },
    type: { source: "live" },
    startTime: { source: "live" },
    duration: { source: "live", onRemove: { reset: 60 } },
    timezone: { source: "live" },
    agenda: { source: "live", onRemove: { reset: "" } },
    password: { source: "live", secret: true },
    defaultPassword: { source: "createOnly" },
    preSchedule: { source: "createOnly" },
    recurrence: { source: "live" },
    settings: { source: "live" },
    trackingFields: { source: "live", onRemove: { reset: [] } },
    templateId: { source: "createOnly" },
    scheduleFor: { source: "createOnly" },
    userId: SCOPE,
    accountId: SCOPE,
    notifyOnDelete: { source: "provider" },
    endBeforeDelete: { source: "provider" },
  },
  outputs: {
    meetingId: { type: "number", description: "Zoom's meeting id (int64), as in the join URL." },
    uuid: { type: "string", description: "The meeting instance's UUID." },
    joinUrl: {
      type: "string",
      secret: true,
      description: "URL for participants to join. Secret: it embeds the encrypted passcode (`pwd=`), so whoever has it joins without the passcode.",
    },
    // A fresh host token in every answer, and whether the meeting is in progress: not configuration.
    startUrl: {
      type: "string",
      secret: true,
      volatile: true,
      description: "URL that starts the meeting as the host. Carries a host token, changes on every read and expires: never compared.",
    },
    hostId: { type: "string", description: "The host's user id." },
    hostEmail: { type: "string", description: "The host's email." },
    createdAt: { type: "string", description: "When the meeting was created (UTC)." },
    status: { type: "string", volatile: true, description: "`waiting` or `started`. Volatile: never compared." },
    occurrences: { type: "Occurrence[]", description: "Occurrences of a recurring meeting. Volatile: never compared." },
    h323Password: { type: "string", secret: true, description: "Passcode for H.323/SIP room systems." },
    pstnPassword: { type: "string", secret: true, description: "Passcode for phone dial-in." },
    encryptedPassword: { type: "string", secret: true, description: "Encrypted passcode, as embedded in the join URL." },
    dynamicHostKey: { type: "string", secret: true, description: "The meeting's dynamic host key: whoever has it can claim the host role." },
    chatJoinUrl: { type: "string", secret: true, description: "URL to join the meeting's chat. Secret: it carries a join token (`tk=`)." },
    authenticationExceptionJoinUrls: {
      type: "Record<string, string>",
      secret: true,
      description:
        "The links of the participants in `settings.authenticationException`, by email: each joins without authentication, so they are secret, and kept out of `settings`.",
    },
  },
  normalize: normalizeMeeting,
  equality: meetingEquality,
  goneCodes: [3001],
  create: {
    operation: "meetingCreate",
    pathParams: (inputs) => ({ userId: inputs.userId }),
    body: (zoom, inputs) => withUtcEnd(zoom, inputs),
    answerIsObject: true,
  },
  read: {
    kind: "get",
    operation: "meeting",
    pathParams: (ref) => ({ meetingId: ref.zoomId }),
    // Past occurrences too, so a recurring meeting's start is its first occurrence, not the next one: the
    // answer stays the same as time passes, and a refresh next month reports no drift.
    query: () => ({ show_previous_occurrences: true }),
  },
  sendTogether: [
    {
      when: "settings.joinBeforeHost",
      is: true,
      send: "settings.waitingRoom",
      otherwise: false,
      why: 'Zoom turns join-before-host off while the waiting room is on ("If this value is true, this disables the join_before_host setting", spec, settings.waiting_room): `joinBeforeHost: true` declared without `waitingRoom` turns the waiting room off with it, so an account whose waiting room is on by default (or was turned on earlier) keeps join-before-host instead of planning it forever (generative settle run, seed 1017). Both declared true is refused at check.',
    },
    {
      when: "type",
      is: 8,
      send: "recurrence",
      why: "A meeting becoming recurring takes its declared recurrence in the same request, even when Zoom's answer already carried an equal one: an answer for a meeting that does not recur may hold a recurrence Zoom does not apply, and Zoom refuses type 8 without one (generative settle run, seed 2011).",
    },
  ],
  update: {
    operation: "meetingUpdate",
    pathParams: (ref) => ({ meetingId: ref.zoomId }),
    body: "changed",
    // Zoom reads a start time without offset in the meeting's zone. (Recurrence, waiting-room options and
    // recording channels are sent whole by the framework: Zoom validates them whole, see wholeObjects.ts.)
    shapeBody: (body, inputs) => {
      const shaped: ZoomObject = { ...body };
      if (shaped.start_time !== undefined && inputs.timezone !== undefined) shaped.timezone = inputs.timezone;
      return withUtcEnd(shaped, inputs);
    },
  },
  delete: {
    operation: "meetingDelete",
    pathParams: (ref) => ({ meetingId: ref.zoomId }),
    query: (inputs) => ({
      schedule_for_reminder: inputs.notifyOnDelete ?? false,
      cancel_meeting_reminder: inputs.notifyOnDelete ?? false,
    }),
  },
  errors: [
    {
      operation: "create",
      zoomCode: 1001,
      explain: (inputs) => `the host user "${inputs.userId}" does not exist in this account (userId)`,
    },
  ],
  hooks: {
    async beforeDelete(ctx, ref, inputs) {
      if (inputs.endBeforeDelete === false) return;
      let status: unknown;
      try {
        const meeting = await ctx.client.request<ZoomObject>({
          operation: "meeting",
          pathParams: { meetingId: ref.zoomId },
          accountId: ref.accountId,
          context: ctx.label,
        });
        status = meeting.data?.status;
      } catch (error) {
        if (error instanceof ZoomApiError && error.zoomCode === 3001) return;
        throw error;
      }
      if (status === "started") {
        await ctx.client.request({
          operation: "meetingStatus",
          pathParams: { meetingId: ref.zoomId },
          accountId: ref.accountId,
          body: { action: "end" },
          context: ctx.label,
        });
      }
    },
    findCreated: findCreatedMeeting,
    adoptionMismatch(inputs, current) {
      // A meeting id is global, so GET finds another user's meeting too: only its host says whose it is. `me`
      // cannot be told apart without another request; Zoom itself refuses what the credentials cannot act on.
      const owners = [inputs.userId, inputs.scheduleFor].filter((u): u is string => typeof u === "string" && u !== "me").map((u) => u.toLowerCase());
      if (owners.length === 0) return undefined;
      const host = [current.hostId, current.hostEmail].filter((h): h is string => typeof h === "string").map((h) => h.toLowerCase());
      if (host.some((h) => owners.includes(h))) return undefined;
      return `is hosted by ${JSON.stringify(current.hostEmail ?? current.hostId)}, not by userId ${JSON.stringify(inputs.userId)}${inputs.scheduleFor ? ` or scheduleFor ${JSON.stringify(inputs.scheduleFor)}` : ""}: declare its host as userId`;
    },
    warnings: pastStartWarnings,
  },
} satisfies ResourceDefinition<typeof meetingSchema>;

export interface Occurrence {
  occurrenceId: string;
  startTime: string;
  duration: number;
  status: string;
}

/** `Meeting.get(name, id)` adopts an existing meeting by id (`[<accountId>/]<meetingId>`). */
export class Meeting extends resourceClass<MeetingArgs>(meetingDefinition) {
  declare readonly topic: pulumi.Output<string>;
  declare readonly type: pulumi.Output<1 | 2 | 3 | 8>;
  declare readonly startTime: pulumi.Output<string | undefined>;
  declare readonly duration: pulumi.Output<number | undefined>;
  declare readonly timezone: pulumi.Output<string | undefined>;
  declare readonly agenda: pulumi.Output<string | undefined>;
  /** The passcode, declared or generated by Zoom (secret). */
  declare readonly password: pulumi.Output<string | undefined>;
  declare readonly recurrence: pulumi.Output<MeetingInputs["recurrence"]>;
  /** Every setting as Zoom reports it, declared or not. */
  declare readonly settings: pulumi.Output<Record<string, unknown>>;
  declare readonly trackingFields: pulumi.Output<{ field: string; value: string }[] | undefined>;
  declare readonly userId: pulumi.Output<string>;
  declare readonly accountId: pulumi.Output<string | undefined>;
  declare readonly meetingId: pulumi.Output<number>;
  declare readonly uuid: pulumi.Output<string>;
  declare readonly joinUrl: pulumi.Output<string>;
  declare readonly startUrl: pulumi.Output<string>;
  declare readonly hostId: pulumi.Output<string>;
  declare readonly hostEmail: pulumi.Output<string>;
  declare readonly createdAt: pulumi.Output<string>;
  declare readonly status: pulumi.Output<string>;
  declare readonly occurrences: pulumi.Output<Occurrence[] | undefined>;
  declare readonly h323Password: pulumi.Output<string | undefined>;
  declare readonly pstnPassword: pulumi.Output<string | undefined>;
  declare readonly encryptedPassword: pulumi.Output<string | undefined>;
  declare readonly dynamicHostKey: pulumi.Output<string | undefined>;
  declare readonly chatJoinUrl: pulumi.Output<string | undefined>;
  declare readonly authenticationExceptionJoinUrls: pulumi.Output<Record<string, string> | undefined>;
}
