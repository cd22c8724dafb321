/**
 * zoom:Meeting inputs: every field of Zoom's create-meeting body (`POST /users/{userId}/meetings`), in
 * camelCase, with Zoom's documented constraints, plus the provider's own settings (`userId`, `accountId`,
 * `notifyOnDelete`, `endBeforeDelete`).
 */
import { z } from "zod";
import { instantOf, utcString } from "./time";
import { firstOccurrence } from "./meetingRecurrence";
import { accountId, flag, userId } from "./common";
import { dateTime, hasZone } from "./dateTime";

/** Zoom's passcode rule: at most 10 characters from `[a-zA-Z0-9@-_*]`. */
const PASSCODE = /^[a-zA-Z0-9@\-_*]{1,10}$/;


export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const email = z.email({ error: "expected an email address" });
const timeZone = z.string().refine(isTimeZone, { error: "expected an IANA time zone such as Europe/Berlin" });

const recurrenceSchema = z
  .strictObject({
    type: z.literal([1, 2, 3]).describe("`1` daily, `2` weekly, `3` monthly."),
    repeatInterval: z
      .int()
      .min(1)
      .optional()
      .describe("Interval between occurrences: at most 90 days (daily), 12 weeks (weekly) or 3 months (monthly)."),
    weeklyDays: z
      .string()
      .regex(/^[1-7](,[1-7])*$/, { error: "comma-separated days 1 (Sunday) to 7 (Saturday), e.g. \"2,4\"" })
      .optional()
      .describe("Weekly recurrence: comma-separated days, `1` Sunday to `7` Saturday. Order does not matter."),
    monthlyDay: z.int().min(1).max(31).optional().describe("Monthly recurrence: day of the month."),
    monthlyWeek: z.literal([-1, 1, 2, 3, 4]).optional().describe("Monthly recurrence: week of the month, `-1` the last."),
    monthlyWeekDay: z.literal([1, 2, 3, 4, 5, 6, 7]).optional().describe("Monthly recurrence: day of that week, `1` Sunday."),
    endTimes: z.int().min(1).max(60).optional().describe("Number of occurrences (at most 60). Exclusive with `endDateTime`."),
    endDateTime: dateTime("expected an ISO 8601 date-time")
      .optional()
      .describe(
        "When the series ends: UTC (`2026-06-30T09:30:00Z`), with an offset, or local time in the meeting's `timezone` (converted to UTC before it is sent, as Zoom requires). Exclusive with `endTimes`.",
      ),
  })
  .superRefine((r, ctx) => {
    const maxInterval = { 1: 90, 2: 12, 3: 3 }[r.type];
    if (r.repeatInterval !== undefined && r.repeatInterval > maxInterval) {
      ctx.addIssue({ code: "custom", path: ["repeatInterval"], message: `at most ${maxInterval} for recurrence type ${r.type}` });
    }
    if (r.type === 2 && r.weeklyDays === undefined) {
      ctx.addIssue({ code: "custom", path: ["weeklyDays"], message: "required for weekly recurrence (type 2)" });
    }
    if (r.type === 3 && r.monthlyDay === undefined && (r.monthlyWeek === undefined || r.monthlyWeekDay === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["monthlyDay"],
        message: "monthly recurrence (type 3) needs monthlyDay, or monthlyWeek with monthlyWeekDay",
      });
    }
    if (r.type === 3 && r.monthlyDay !== undefined && (r.monthlyWeek !== undefined || r.monthlyWeekDay !== undefined)) {
      // Zoom applies one of the two rules (the weekday one) and the declared day would never match its answer.
      ctx.addIssue({
        code: "custom",
        path: ["monthlyDay"],
        message: "a monthly series recurs on monthlyDay, or on monthlyWeek with monthlyWeekDay: declare one of the two",
      });
    }
    if (r.endTimes !== undefined && r.endDateTime !== undefined) {
      ctx.addIssue({ code: "custom", path: ["endDateTime"], message: "set endTimes or endDateTime, not both" });
    }
  })
  .describe("Recurrence of a type 8 meeting (recurring with a fixed time).");

const settingsSchema = z
  .strictObject({
    hostVideo: z.boolean().optional().describe("Start with the host's video on."),
    participantVideo: z.boolean().optional().describe("Start with participants' video on."),
    joinBeforeHost: z
      .boolean()
      .optional()
      .describe(
        "Participants may join before the host. Zoom turns this off while the waiting room is on, so `true` without `waitingRoom` also turns the waiting room off (both `true` is refused).",
      ),
    jbhTime: z.literal([0, 5, 10, 15]).optional().describe("With joinBeforeHost: minutes before the start participants may join (0 = any time)."),
    muteUponEntry: z.boolean().optional().describe("Mute participants when they join."),
    waitingRoom: z.boolean().optional().describe("Enable the waiting room."),
    waitingRoomOptions: z
      .strictObject({
        mode: z
          .enum(["follow_setting", "custom"])
          .describe("`follow_setting`: as the web portal's waiting-room setting; `custom`: as `whoGoesToWaitingRoom` says."),
        whoGoesToWaitingRoom: z
          .enum(["everyone", "users_not_in_account", "users_not_in_account_or_whitelisted_domains", "users_not_on_invite", "users_not_in_org"])
          .optional()
          .describe("With mode `custom`: who waits in the waiting room."),
      })
      .optional()
      .describe("Who goes to the waiting room."),
    approvalType: z.literal([0, 1, 2]).optional().describe("Registration approval: `0` automatic, `1` manual, `2` no registration."),
    registrationType: z.literal([1, 2, 3]).optional().describe("Registration for recurring meetings: `1` once for all, `2` each occurrence, `3` once, choose occurrences."),
    audio: z.enum(["both", "telephony", "voip", "thirdParty"]).optional().describe("How participants join audio."),
    audioConferenceInfo: z.string().max(2048).optional().describe("Third-party audio conference information."),
    autoRecording: z.enum(["local", "cloud", "none"]).optional().describe("Automatic recording."),
    alternativeHosts: z
      .string()
      .optional()
      .describe("Alternative hosts' emails or ids, separated by `;` or `,`. Order does not matter."),
    alternativeHostsEmailNotification: z.boolean().optional().describe("Email alternative hosts."),
    alternativeHostUpdatePolls: z.boolean().optional().describe("Alternative hosts may add and edit polls (Zoom 5.8.0 or later)."),
    alternativeHostManageMeetingSummary: z.boolean().optional().describe("Alternative hosts may manage meeting summaries."),
    alternativeHostManageCloudRecording: z.boolean().optional().describe("Alternative hosts may manage cloud recordings."),
    meetingAuthentication: z.boolean().optional().describe("Only authenticated users may join."),
    authenticationOption: z.string().optional().describe("Authentication profile id (with meetingAuthentication)."),
    authenticationDomains: z.string().optional().describe("Domains whose users may join (with meetingAuthentication)."),
    authenticationException: z
      .array(
        z.strictObject({
          email: email.describe("The participant's email address."),
          name: z.string().optional().describe("The participant's name."),
        }),
      )
      .optional()
      .describe("Participants who may bypass authentication."),
    breakoutRoom: z
      .strictObject({
        enable: z.boolean().optional().describe("Turn pre-assigned breakout rooms on."),
        rooms: z
          .array(
            z.strictObject({
              name: z.string().describe("The breakout room's name."),
              participants: z.array(email).optional().describe("Emails of the participants assigned to the room."),
            }),
          )
          .optional()
          .describe("The breakout rooms."),
      })
      .optional()
      .describe("Pre-assigned breakout rooms."),
    languageInterpretation: z
      .strictObject({
        enable: z.boolean().optional().describe("Turn language interpretation on (default: the user's setting)."),
        interpreters: z
          .array(
            z.strictObject({
              email: email.describe("The interpreter's email address."),
              languages: z
                .string()
                .optional()
                .describe("Two system language ids, comma-separated, from and to, e.g. `US,CN` (US, CN, JP, DE, FR, RU, PT, ES, KR)."),
              interpreterLanguages: z
                .string()
                .optional()
                .describe("Two languages, comma-separated, from the user settings' interpretation languages, e.g. `English,Chinese`."),
            }),
          )
          .optional()
          .describe("The interpreters."),
      })
      .optional()
      .describe("Language interpretation."),
    signLanguageInterpretation: z
      .strictObject({
        enable: z.boolean().optional().describe("Turn sign language interpretation on (default: the user's setting)."),
        interpreters: z
          .array(
            z.strictObject({
              email: email.describe("The interpreter's email address."),
              signLanguage: z.string().describe("The sign language, from the user settings' sign interpretation languages."),
            }),
          )
          .max(20)
          .optional()
          .describe("The interpreters (at most 20)."),
      })
      .optional()
      .describe("Sign language interpretation."),
    encryptionType: z.enum(["enhanced_encryption", "e2ee"]).optional().describe("Encryption: enhanced, or end-to-end."),
    additionalDataCenterRegions: z
      .array(z.string())
      .optional()
      .describe("Extra data center regions for the meeting, as country codes offered in the account profile."),
    allowMultipleDevices: z.boolean().optional().describe("Attendees may join from several devices (meetings with registration)."),
    approvedOrDeniedCountriesOrRegions: z
      .strictObject({
        enable: z.boolean().optional().describe("Turn approve-or-block entry by country or region on."),
        method: z.enum(["approve", "deny"]).optional().describe("`approve`: only `approvedList` may join; `deny`: `deniedList` may not."),
        approvedList: z.array(z.string()).optional().describe("Countries or regions allowed to join (with method `approve`)."),
        deniedList: z.array(z.string()).optional().describe("Countries or regions refused (with method `deny`)."),
      })
      .optional()
      .describe("Approve or block participants from specific countries or regions."),
    autoAddRecordingToVideoManagement: z
      .strictObject({
        // Zoom's spec requires `enable` here, and at least one channel when channels are given.
        enable: z.boolean().describe("Add the recording to video management automatically."),
        channels: z
          .array(
            z.strictObject({
              channelId: z.string().describe("The video management channel's id."),
              name: z.string().optional().describe("The channel's name."),
            }),
          )
          .min(1)
          .max(5)
          .optional()
          .describe("Channels the recording is added to (1 to 5)."),
      })
      .optional()
      .describe("Add recordings to video management channels (a feature Zoom Support enables)."),
    calendarType: z.literal([1, 2]).optional().describe("The calendar integration that scheduled it: `1` Outlook add-in, `2` Google Workspace add-on."),
    closeRegistration: z.boolean().optional().describe("Close registration after the meeting date."),
    cnMeeting: z.boolean().optional().describe("Host the meeting in China."),
    inMeeting: z.boolean().optional().describe("Host the meeting in India."),
    contactEmail: z.string().optional().describe("Contact email for registration."),
    contactName: z.string().optional().describe("Contact name for registration."),
    emailNotification: z.boolean().optional().describe("Email alternative hosts and users with scheduling privilege (Zoom's default: true)."),
    focusMode: z.boolean().optional().describe("Start the meeting in focus mode."),
    globalDialInCountries: z.array(z.string()).optional().describe("Countries whose global dial-in numbers are offered."),
    questionAndAnswer: z
      .strictObject({
        enable: z.boolean().optional().describe("Turn Q&A on (default: the user's setting)."),
        allowSubmitQuestions: z.boolean().optional().describe("Participants may submit questions."),
        allowAnonymousQuestions: z.boolean().optional().describe("Participants may ask without giving their name."),
        questionVisibility: z.enum(["answered", "all"]).optional().describe("Attendees see `answered` questions only, or `all`."),
        attendeesCanComment: z.boolean().optional().describe("Attendees may answer or comment in question threads."),
        attendeesCanUpvote: z.boolean().optional().describe("Attendees may upvote questions."),
      })
      .optional()
      .describe("Q&A for the meeting."),
    meetingInvitees: z
      .array(z.strictObject({ email: email.describe("The invitee's email address.") }))
      .optional()
      .describe("The meeting's invitees."),
    privateMeeting: z.boolean().optional().describe("Make the meeting private."),
    registrantsConfirmationEmail: z.boolean().optional().describe("Send registrants a confirmation email."),
    registrantsEmailNotification: z
      .boolean()
      .optional()
      .describe("Email registrants about approval, cancellation or rejection (needed for registrantsConfirmationEmail)."),
    showShareButton: z.boolean().optional().describe("Show social sharing buttons on the registration page."),
    showJoinInfo: z.boolean().optional().describe("Show join information on the registration confirmation page."),
    usePmi: z.boolean().optional().describe("Use the host's Personal Meeting ID (types 2 and 3; default: the user's setting)."),
    watermark: z.boolean().optional().describe("Watermark shared screens (default: the user's setting)."),
    hostSaveVideoOrder: z.boolean().optional().describe("The host may save the video order."),
    internalMeeting: z.boolean().optional().describe("Mark the meeting as internal."),
    continuousMeetingChat: z
      .strictObject({
        enable: z.boolean().optional().describe("Turn continuous meeting chat on (default: the user's setting)."),
        autoAddInvitedExternalUsers: z.boolean().optional().describe("Add invited external users to the chat."),
        autoAddMeetingParticipants: z.boolean().optional().describe("Add meeting participants to the chat."),
      })
      .optional()
      .describe("Continuous meeting chat (types 2, 3 and 8)."),
    participantFocusedMeeting: z.boolean().optional().describe("Make it a participant-focused meeting."),
    pushChangeToCalendar: z
      .boolean()
      .optional()
      .describe("Push changes to the host's integrated calendar (needs the calendar service configured in the web portal)."),
    resources: z
      .array(
        z.strictObject({
          resourceType: z.enum(["whiteboard"]).describe("The resource's type: `whiteboard`."),
          resourceId: z.string().describe("The resource's id."),
          permissionLevel: z
            .enum(["editor", "commenter", "viewer"])
            .optional()
            .describe("What users with the link may do: `editor`, `commenter` or `viewer`."),
        }),
      )
      .optional()
      .describe("Resources shared with the meeting (whiteboards)."),
    autoStartMeetingSummary: z.boolean().optional().describe("Start a meeting summary automatically (default: the user's setting)."),
    whoWillReceiveSummary: z
      .literal([1, 2, 3, 4])
      .optional()
      .describe("Who gets the summary: `1` host, `2` host and co-/alternative hosts, `3` host and invitees in the organization, `4` all invitees."),
    autoStartAiCompanionQuestions: z.boolean().optional().describe("Start AI Companion questions automatically (default: the user's setting)."),
    whoCanAskQuestions: z
      .literal([1, 2, 3, 4, 5])
      .optional()
      .describe(
        "Who may ask about the transcript: `1` participants and invitees, `2` participants from when they join, `3` host only, `4` organization's participants and invitees, `5` organization's participants from when they join.",
      ),
    summaryTemplateId: z.string().optional().describe("The summary template for the meeting summary (default: the user's setting)."),
    deviceTesting: z.boolean().optional().describe("Turn device testing on."),
    requestPermissionToUnmuteParticipants: z
      .boolean()
      .optional()
      .describe("The host asks permission to unmute participants. Not together with allowHostControlParticipantMuteState."),
    allowHostControlParticipantMuteState: z
      .boolean()
      .optional()
      .describe("Host and co-hosts fully control participants' mute state. Not together with requestPermissionToUnmuteParticipants."),
    disableParticipantVideo: z.boolean().optional().describe("Turn participants' video off during the meeting (a feature Zoom Support enables)."),
    emailInAttendeeReport: z.boolean().optional().describe("Include authenticated guests' emails in attendee reports."),
  })
  .describe("Meeting settings. Only the settings you declare are managed; Zoom's defaults for the rest never show as changes.");

export const meetingSchema = z
  .strictObject({
    topic: z.string().min(1).max(200, { error: "at most 200 characters" }).optional().describe("The meeting's topic (any Unicode, at most 200 characters)."),
    type: z
      .literal([1, 2, 3, 8])
      .optional()
      .describe("`1` instant, `2` scheduled (Zoom's default), `3` recurring without a fixed time, `8` recurring with a fixed time."),
    startTime: dateTime("expected an ISO 8601 date-time such as 2026-03-01T09:30:00Z, 2026-03-01T10:30:00+01:00, or local time with timezone")
      .optional()
      .describe(
        "Start (types 2 and 8): `2026-03-01T09:30:00Z`, with an offset, or local time (`2026-03-01T09:30:00`) in `timezone`. Zoom answers in UTC; equal instants never show as changes.",
      ),
    duration: z.int().min(1).max(1440).optional().describe("Scheduled duration in minutes (1 to 1440)."),
    timezone: timeZone.optional().describe("IANA time zone for `startTime` without an offset, and for display."),
    agenda: z.string().max(2000, { error: "at most 2000 characters" }).optional().describe("The meeting's agenda (at most 2,000 characters)."),
    password: z
      .string()
      .regex(PASSCODE, { error: "at most 10 characters from [a-zA-Z0-9@-_*]" })
      .optional()
      .describe("The passcode (secret). Omit it and Zoom generates one (see the `password` output) if the account requires passcodes."),
    defaultPassword: z.boolean().optional().describe("Have Zoom generate a passcode when none is given. Create-only."),
    preSchedule: z.boolean().optional().describe("Create a prescheduled meeting (GSuite app). Create-only."),
    recurrence: recurrenceSchema.optional(),
    settings: settingsSchema.optional(),
    trackingFields: z
      .array(
        z.strictObject({
          field: z.string().min(1).describe("The tracking field's label (see TrackingField `field`)."),
          value: z
            .string()
            .describe(
              "The value; one of the field's recommended values when it has any (`pulumi-zoom validate` checks this for fields declared in the same YAML file; elsewhere it is not checked before Zoom).",
            ),
        }),
      )
      .optional()
      .describe("Tracking field values. Order does not matter."),
    templateId: z.string().min(1).optional().describe("A meeting template to create the meeting from. Create-only: a change replaces the meeting."),
    scheduleFor: z.string().min(1).optional().describe("Schedule on behalf of this user (email or id). Create-only: a change replaces the meeting."),
    userId,
    accountId,
    notifyOnDelete: flag(
      "Email the host and registrants when pulumi-zoom deletes the meeting (Zoom's `schedule_for_reminder` and `cancel_meeting_reminder`). Default false: deletes are quiet.",
      false,
    ),
    endBeforeDelete: flag(
      "End the meeting first if it is in progress when it is deleted, so its start URL stops working. Default true.",
      true,
    ),
  })
  .superRefine((m, ctx) => {
    const type = m.type ?? 2;
    if (type === 8 && m.recurrence === undefined) {
      ctx.addIssue({ code: "custom", path: ["recurrence"], message: "required for a recurring meeting with a fixed time (type 8)" });
    }
    if (type !== 8 && m.recurrence !== undefined) {
      // Zoom: "Use this object only for a meeting with type 8". It drops the recurrence of any other type
      // (type 3 included), so a declared one could never be in Zoom and the plan would never settle.
      ctx.addIssue({
        code: "custom",
        path: ["recurrence"],
        message: `only recurring meetings with a fixed time (type 8) have a recurrence; Zoom drops it from a type ${type} meeting`,
      });
    }
    const end = m.recurrence?.endDateTime;
    if (end !== undefined && !hasZone(end) && m.timezone === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["recurrence", "endDateTime"],
        message: `${JSON.stringify(end)} is local time without a zone: declare the meeting's timezone, or write it in UTC (Z) or with an offset`,
      });
    }
    if (end !== undefined && m.startTime !== undefined) {
      const zone = m.timezone ?? "UTC";
      // An invalid zone is reported on `timezone` already; Intl refuses to read times in it.
      const [startMs, endMs] = isTimeZone(zone) ? [instantOf(m.startTime, zone), instantOf(end, zone)] : [];
      if (startMs !== undefined && endMs !== undefined && endMs < startMs) {
        ctx.addIssue({
          code: "custom",
          path: ["recurrence", "endDateTime"],
          message: `${JSON.stringify(end)} is before the meeting's start (${m.startTime}): the series would end before it begins`,
        });
      } else if (startMs !== undefined && endMs !== undefined && type === 8 && m.recurrence !== undefined) {
        // Zoom starts the series on the first day the rule allows (a third Monday declared from the 4th starts on
        // the 20th) and refuses an end before it ("recurrence.end_date_time: Invalid field"): generative settle
        // run, seed 4108. A start in the past moves to the time of the request, which only moves it later.
        const first = firstOccurrence(startMs, zone, m.recurrence);
        if (endMs < first) {
          ctx.addIssue({
            code: "custom",
            path: ["recurrence", "endDateTime"],
            message: `${JSON.stringify(end)} is before the series' first occurrence (${utcString(first)}, the first day on or after the start that the recurrence allows): Zoom refuses a series that ends before it begins`,
          });
        }
      }
    }
    if (m.preSchedule === true && type !== 2 && type !== 3) {
      // Zoom: pre_schedule "only supports the meeting type value of 2 ... and 3"; it refuses the create otherwise.
      ctx.addIssue({
        code: "custom",
        path: ["preSchedule"],
        message: `only scheduled meetings (type 2) and recurring meetings with no fixed time (type 3) can be prescheduled, not type ${type}`,
      });
    }
    if ((type === 1 || type === 3) && m.startTime !== undefined) {
      ctx.addIssue({ code: "custom", path: ["startTime"], message: `type ${type} meetings have no start time` });
    }
    const settings = m.settings;
    if (settings?.waitingRoom === true && settings.joinBeforeHost === true) {
      // Zoom: "If this value is true, this disables the join_before_host setting." Declaring both could never converge.
      ctx.addIssue({
        code: "custom",
        path: ["settings", "joinBeforeHost"],
        message: "Zoom turns join before host off when waitingRoom is true: set one of them to false",
      });
    }
    if (settings?.jbhTime !== undefined && settings.joinBeforeHost === false) {
      ctx.addIssue({ code: "custom", path: ["settings", "jbhTime"], message: "only applies when joinBeforeHost is true" });
    }
  })
  .describe("A Zoom meeting: instant, scheduled, or recurring.");

export type MeetingArgs = z.input<typeof meetingSchema>;
export type MeetingInputs = z.output<typeof meetingSchema>;
