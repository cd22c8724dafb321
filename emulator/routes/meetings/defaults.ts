/** Zoom's server-side settings for a new meeting, and how a create or update changes them. */
import type { AccountState } from "../../types";
import type { SettingsInput } from "./bodies";
import type { Settings } from "./store";

/**
 * Zoom's server-side settings for a new meeting: the spec's GET-response defaults where it gives one, and
 * Zoom's usual answer (off, empty) where it does not.
 */
export function defaultSettings(): Settings {
  return {
    host_video: false,
    participant_video: false,
    cn_meeting: false,
    in_meeting: false,
    join_before_host: false,
    jbh_time: 0,
    mute_upon_entry: false,
    watermark: false,
    use_pmi: false,
    approval_type: 2,
    audio: "both",
    auto_recording: "none",
    enforce_login: false,
    enforce_login_domains: "",
    alternative_hosts: "",
    alternative_host_update_polls: false,
    alternative_host_manage_meeting_summary: false,
    alternative_host_manage_cloud_recording: false,
    alternative_hosts_email_notification: true,
    close_registration: false,
    show_share_button: false,
    allow_multiple_devices: false,
    registrants_confirmation_email: true,
    waiting_room: false,
    request_permission_to_unmute_participants: false,
    allow_host_control_participant_mute_state: false,
    global_dial_in_countries: ["US"],
    registrants_email_notification: true,
    meeting_authentication: false,
    encryption_type: "enhanced_encryption",
    approved_or_denied_countries_or_regions: { enable: false },
    breakout_room: { enable: false },
    internal_meeting: false,
    continuous_meeting_chat: {
      enable: false,
      auto_add_invited_external_users: false,
      auto_add_meeting_participants: false,
    },
    participant_focused_meeting: false,
    push_change_to_calendar: false,
    resources: [],
    auto_start_meeting_summary: false,
    auto_start_ai_companion_questions: false,
    device_testing: false,
    focus_mode: false,
    private_meeting: false,
    email_notification: true,
    host_save_video_order: false,
    sign_language_interpretation: { enable: false },
    email_in_attendee_report: false,
    disable_participant_video: false,
    show_join_info: false,
  };
}

/** Zoom's dial-in numbers for the few countries an emulated account offers. */
const DIAL_IN_NUMBERS: Record<string, { city: string; country_name: string; number: string }> = {
  US: { city: "New York", country_name: "US", number: "+1 646 558 8656" },
  GB: { city: "London", country_name: "United Kingdom", number: "+44 203 481 5237" },
  DE: { city: "Frankfurt", country_name: "Germany", number: "+49 69 3807 9883" },
  FR: { city: "Paris", country_name: "France", number: "+33 1 7037 2246" },
  JP: { city: "Tokyo", country_name: "Japan", number: "+81 3 4578 1488" },
  AU: { city: "Sydney", country_name: "Australia", number: "+61 2 8015 6011" },
  CA: { city: "Toronto", country_name: "Canada", number: "+1 647 374 4685" },
};

function dialInNumbers(countries: unknown): unknown[] {
  if (!Array.isArray(countries)) return [];
  return countries.flatMap((country) => {
    const known = typeof country === "string" ? DIAL_IN_NUMBERS[country] : undefined;
    return known ? [{ ...known, country, type: "toll" }] : [];
  });
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Zoom's PATCH semantics for settings: objects merge key by key, everything else (arrays included) replaces. */
function deepMerge(target: Settings, patch: Record<string, unknown>): Settings {
  const out: Settings = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = isPlainObject(value) && isPlainObject(out[key]) ? deepMerge(out[key] as Settings, value) : value;
  }
  return out;
}

/** Settings after a create or update: derived fields recomputed, Zoom's documented interplay applied. */
export function applySettings(current: Settings, patch: SettingsInput | undefined, account: AccountState): Settings {
  const { global_dial_in_numbers: _derived, meeting_invitees: invitees, ...rest } = patch ?? {};
  const merged = deepMerge(current, rest);
  if (invitees) {
    merged.meeting_invitees = invitees.map((i) => ({
      email: i.email,
      internal_user: account.users.some((u) => u.email.toLowerCase() === i.email?.toLowerCase()),
    }));
  }
  // "If this value is true, this disables the join_before_host setting." (spec, settings.waiting_room)
  if (merged.waiting_room === true) merged.join_before_host = false;
  merged.global_dial_in_numbers = dialInNumbers(merged.global_dial_in_countries);
  return merged;
}
