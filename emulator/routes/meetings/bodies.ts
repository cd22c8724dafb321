/** The request bodies of the meeting endpoints, from the spec's meetingCreate/meetingUpdate schemas. */
import { z } from "zod";
import { isTimeZone, parseZoomDateTime } from "../../core/zonedTime";
import { MAX_OCCURRENCES } from "./recurrence";

const zoomDateTime = z.string().refine((text) => parseZoomDateTime(text, "UTC") !== undefined);

/**
 * `recurrence.end_date_time`: the spec gives it `format: date-time` and says "Should be in UTC time", and an
 * RFC 3339 date-time carries its zone: local time (`2030-03-01T10:00:00`) is an invalid field, as Zoom
 * validates a date-time, not a value to echo back out of spec.
 */
const zonedDateTime = zoomDateTime.refine((text) => /(Z|[+-]\d{2}:?\d{2})$/.test(text));

/** The spec's old passcode rule: at most 10 characters from `[a-zA-Z0-9@-_*]`. */
const password = z
  .string()
  .max(10)
  .regex(/^[a-zA-Z0-9@\-_*]*$/);

/** Optional on/off fields, by name (most of Zoom's meeting settings are). */
function flags<const Name extends string>(...names: Name[]): Record<Name, z.ZodOptional<z.ZodBoolean>> {
  return Object.fromEntries(names.map((name) => [name, z.boolean().optional()])) as Record<Name, z.ZodOptional<z.ZodBoolean>>;
}

const recurrenceSchema = z.object({
  type: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  repeat_interval: z.number().int().min(1).optional(),
  /** One day or several, comma separated ("1,3"): the spec's enum lists single days, its description both. */
  weekly_days: z
    .string()
    .regex(/^[1-7](,[1-7])*$/)
    .optional(),
  monthly_day: z.number().int().min(1).max(31).optional(),
  monthly_week: z.union([z.literal(-1), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
  monthly_week_day: z.number().int().min(1).max(7).optional(),
  end_times: z.number().int().min(0).max(MAX_OCCURRENCES).optional(),
  end_date_time: zonedDateTime.optional(),
});
export type Recurrence = z.infer<typeof recurrenceSchema>;

const settingsSchema = z.object({
  additional_data_center_regions: z.array(z.string()).optional(),
  ...flags(
    "allow_host_control_participant_mute_state", "allow_multiple_devices", "alternative_host_manage_cloud_recording",
    "alternative_host_manage_meeting_summary", "alternative_host_update_polls",
  ),
  alternative_hosts: z.string().optional(),
  alternative_hosts_email_notification: z.boolean().optional(),
  approval_type: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
  approved_or_denied_countries_or_regions: z
    .object({
      approved_list: z.array(z.string()).optional(),
      denied_list: z.array(z.string()).optional(),
      enable: z.boolean().optional(),
      method: z.enum(["approve", "deny"]).optional(),
    })
    .optional(),
  audio: z.enum(["both", "telephony", "voip", "thirdParty"]).optional(),
  audio_conference_info: z.string().max(2048).optional(),
  authentication_domains: z.string().optional(),
  authentication_exception: z
    .array(z.object({ email: z.email().optional(), name: z.string().optional() }))
    .optional(),
  authentication_name: z.string().optional(),
  authentication_option: z.string().optional(),
  auto_add_recording_to_video_management: z
    .object({
      enable: z.boolean(),
      channels: z
        .array(z.object({ channel_id: z.string(), name: z.string().optional() }))
        .min(1)
        .max(5)
        .optional(),
    })
    .optional(),
  auto_recording: z.enum(["local", "cloud", "none"]).optional(),
  ...flags("auto_start_ai_companion_questions", "auto_start_meeting_summary"),
  breakout_room: z
    .object({
      enable: z.boolean().optional(),
      rooms: z
        .array(z.object({ name: z.string().optional(), participants: z.array(z.string()).optional() }))
        .optional(),
    })
    .optional(),
  calendar_type: z.union([z.literal(1), z.literal(2)]).optional(),
  ...flags("close_registration", "cn_meeting"),
  contact_email: z.string().optional(),
  contact_name: z.string().optional(),
  continuous_meeting_chat: z
    .object(flags("enable", "auto_add_invited_external_users", "auto_add_meeting_participants"))
    .optional(),
  custom_keys: z
    .array(z.object({ key: z.string().max(64).optional(), value: z.string().max(256).optional() }))
    .max(10)
    .optional(),
  ...flags("device_testing", "disable_participant_video", "email_in_attendee_report", "email_notification"),
  encryption_type: z.enum(["enhanced_encryption", "e2ee"]).optional(),
  enforce_login: z.boolean().optional(),
  enforce_login_domains: z.string().optional(),
  focus_mode: z.boolean().optional(),
  global_dial_in_countries: z.array(z.string()).optional(),
  /** Accepted (the update schema lists it) but derived from `global_dial_in_countries`, as Zoom does. */
  global_dial_in_numbers: z.array(z.object({}).passthrough()).optional(),
  ...flags("host_save_video_order", "host_video", "in_meeting", "internal_meeting"),
  jbh_time: z.union([z.literal(0), z.literal(5), z.literal(10), z.literal(15)]).optional(),
  join_before_host: z.boolean().optional(),
  language_interpretation: z
    .object({
      enable: z.boolean().optional(),
      interpreters: z
        .array(
          z.object({
            email: z.email().optional(),
            languages: z.string().optional(),
            interpreter_languages: z.string().optional(),
          }),
        )
        .optional(),
    })
    .optional(),
  meeting_authentication: z.boolean().optional(),
  meeting_invitees: z.array(z.object({ email: z.email().optional() })).optional(),
  ...flags(
    "mute_upon_entry", "participant_focused_meeting", "participant_video", "private_meeting",
    "push_change_to_calendar",
  ),
  question_and_answer: z
    .object({
      ...flags("enable", "allow_submit_questions", "allow_anonymous_questions"),
      question_visibility: z.enum(["answered", "all"]).optional(),
      ...flags("attendees_can_comment", "attendees_can_upvote"),
    })
    .optional(),
  ...flags("registrants_confirmation_email", "registrants_email_notification"),
  registration_type: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  request_permission_to_unmute_participants: z.boolean().optional(),
  resources: z
    .array(
      z.object({
        resource_type: z.enum(["whiteboard"]).optional(),
        resource_id: z.string().optional(),
        permission_level: z.enum(["editor", "commenter", "viewer"]).optional(),
      }),
    )
    .optional(),
  ...flags("show_join_info", "show_share_button"),
  sign_language_interpretation: z
    .object({
      enable: z.boolean().optional(),
      interpreters: z
        .array(z.object({ email: z.email().optional(), sign_language: z.string().optional() }))
        .max(20)
        .optional(),
    })
    .optional(),
  summary_template_id: z.string().optional(),
  ...flags("use_pmi", "waiting_room"),
  waiting_room_options: z
    .object({
      mode: z.enum(["follow_setting", "custom"]),
      who_goes_to_waiting_room: z
        .enum([
          "everyone",
          "users_not_in_account",
          "users_not_in_account_or_whitelisted_domains",
          "users_not_on_invite",
          "users_not_in_org",
        ])
        .optional(),
    })
    .optional(),
  watermark: z.boolean().optional(),
  who_can_ask_questions: z
    .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)])
    .optional(),
  who_will_receive_summary: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
});
export type SettingsInput = z.infer<typeof settingsSchema>;

const meetingType = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(8), z.literal(10)]);
export type MeetingType = z.infer<typeof meetingType>;

/** Create and update share one shape; create alone has `default_password`. Nothing is required. */
export const meetingBody = z.object({
  agenda: z.string().max(2000).optional(),
  default_password: z.boolean().optional(),
  duration: z.number().int().min(1).max(1440).optional(),
  password: password.optional(),
  pre_schedule: z.boolean().optional(),
  recurrence: recurrenceSchema.optional(),
  schedule_for: z.string().optional(),
  settings: settingsSchema.optional(),
  start_time: zoomDateTime.optional(),
  template_id: z.string().optional(),
  timezone: z
    .string()
    .refine(isTimeZone)
    .optional(),
  topic: z.string().max(200).optional(),
  tracking_fields: z.array(z.object({ field: z.string(), value: z.string().optional() })).optional(),
  type: meetingType.optional(),
});
export type MeetingBody = z.infer<typeof meetingBody>;

/** What one occurrence of a recurring meeting can change (the spec's `occurrence_id` note on PATCH). */
export const occurrenceSettingKeys = [
  "host_video",
  "participant_video",
  "join_before_host",
  "mute_upon_entry",
  "waiting_room",
  "watermark",
  "auto_recording",
] as const;

export const statusBody = z.object({ action: z.enum(["end", "recover"]) });
