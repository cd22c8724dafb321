/**
 * The extra fields of spec-maximal answers, per operation: a valid value for every field Zoom's response schema
 * allows (a list holds one template item, merged into each item of the answer). Written from Zoom's documents
 * by tests/support/specMaximal.ts (tests/support/maximalFieldsSource.ts writes each repeated block once) and
 * checked against them by tests/emulator/specMaximal.test.ts.
 */
import type { OperationId } from "../../catalogue/operations";

const meetingCreate = {
  "assistant_id": "extra",
  "host_email": "extra@example.com",
  "host_id": "extra",
  "id": 1,
  "uuid": "extra",
  "registration_url": "extra",
  "agenda": "extra",
  "created_at": "2030-01-01T00:00:00Z",
  "duration": 1,
  "encrypted_password": "extra",
  "pstn_password": "extra",
  "h323_password": "extra",
  "join_url": "extra",
  "chat_join_url": "extra",
  "occurrences": [
    {
      "duration": 1,
      "occurrence_id": "extra",
      "start_time": "2030-01-01T00:00:00Z",
      "status": "available"
    }
  ],
  "password": "extra",
  "pmi": "extra",
  "pre_schedule": false,
  "recurrence": {
    "end_date_time": "2030-01-01T00:00:00Z",
    "end_times": 60,
    "monthly_day": 1,
    "monthly_week": -1,
    "monthly_week_day": 1,
    "repeat_interval": 1,
    "type": 1,
    "weekly_days": "1"
  },
  "settings": {
    "additional_data_center_regions": [
      "extra"
    ],
    "allow_multiple_devices": false,
    "alternative_hosts": "extra",
    "alternative_hosts_email_notification": false,
    "alternative_host_update_polls": false,
    "alternative_host_manage_meeting_summary": false,
    "alternative_host_manage_cloud_recording": false,
    "approval_type": 0,
    "approved_or_denied_countries_or_regions": {
      "approved_list": [
        "extra"
      ],
      "denied_list": [
        "extra"
      ],
      "enable": false,
      "method": "approve"
    },
    "audio": "both",
    "audio_conference_info": "extra",
    "authentication_domains": "extra",
    "authentication_exception": [
      {
        "email": "extra@example.com",
        "name": "extra",
        "join_url": "extra"
      }
    ],
    "authentication_name": "extra",
    "authentication_option": "extra",
    "auto_recording": "local",
    "auto_add_recording_to_video_management": {
      "enable": false,
      "channels": [
        {
          "channel_id": "extra",
          "name": "extra"
        }
      ]
    },
    "breakout_room": {
      "enable": false,
      "rooms": [
        {
          "name": "extra",
          "participants": [
            "extra"
          ]
        }
      ]
    },
    "calendar_type": 1,
    "close_registration": false,
    "cn_meeting": false,
    "contact_email": "extra",
    "contact_name": "extra",
    "custom_keys": [
      {
        "key": "extra",
        "value": "extra"
      }
    ],
    "email_notification": false,
    "encryption_type": "enhanced_encryption",
    "enforce_login": false,
    "enforce_login_domains": "extra",
    "focus_mode": false,
    "global_dial_in_countries": [
      "extra"
    ],
    "global_dial_in_numbers": [
      {
        "city": "extra",
        "country": "extra",
        "country_name": "extra",
        "number": "extra",
        "type": "toll"
      }
    ],
    "host_video": false,
    "in_meeting": false,
    "jbh_time": 0,
    "join_before_host": false,
    "question_and_answer": {
      "enable": false,
      "allow_submit_questions": false,
      "allow_anonymous_questions": false,
      "question_visibility": "answered",
      "attendees_can_comment": false,
      "attendees_can_upvote": false
    },
    "language_interpretation": {
      "enable": false,
      "interpreters": [
        {
          "email": "extra@example.com",
          "languages": "extra",
          "interpreter_languages": "extra"
        }
      ]
    },
    "sign_language_interpretation": {
      "enable": false,
      "interpreters": [
        {
          "email": "extra@example.com",
          "sign_language": "extra"
        }
      ]
    },
    "meeting_authentication": false,
    "mute_upon_entry": false,
    "participant_video": false,
    "private_meeting": false,
    "registrants_confirmation_email": false,
    "registrants_email_notification": false,
    "registration_type": 1,
    "show_share_button": false,
    "show_join_info": false,
    "use_pmi": false,
    "waiting_room": false,
    "waiting_room_options": {
      "mode": "follow_setting",
      "who_goes_to_waiting_room": "everyone"
    },
    "watermark": false,
    "host_save_video_order": false,
    "internal_meeting": false,
    "meeting_invitees": [
      {
        "email": "extra@example.com"
      }
    ],
    "continuous_meeting_chat": {
      "enable": false,
      "auto_add_invited_external_users": false,
      "auto_add_meeting_participants": false,
      "channel_id": "extra"
    },
    "participant_focused_meeting": false,
    "push_change_to_calendar": false,
    "resources": [
      {
        "resource_type": "whiteboard",
        "resource_id": "extra",
        "permission_level": "editor"
      }
    ],
    "auto_start_meeting_summary": false,
    "who_will_receive_summary": 1,
    "auto_start_ai_companion_questions": false,
    "who_can_ask_questions": 1,
    "summary_template_id": "extra",
    "device_testing": false,
    "request_permission_to_unmute_participants": false,
    "allow_host_control_participant_mute_state": false,
    "disable_participant_video": false,
    "email_in_attendee_report": false
  },
  "start_time": "2030-01-01T00:00:00Z",
  "start_url": "extra",
  "status": "waiting",
  "template_id": "extra",
  "timezone": "extra",
  "topic": "extra",
  "tracking_fields": [
    {
      "field": "extra",
      "value": "extra",
      "visible": false
    }
  ],
  "type": 1,
  "dynamic_host_key": "extra",
  "creation_source": "other"
};

const trackingFieldsItem = {
  "id": "extra",
  "field": "extra",
  "recommended_values": [
    "extra"
  ],
  "required": false,
  "visible": false
};

const devicesItem = {
  "id": "extra",
  "encryption": "auto",
  "ip": "extra",
  "name": "extra",
  "protocol": "H.323"
};

const dialInNumbers = [
  {
    "code": "extra",
    "country_label": "extra",
    "number": "extra",
    "type": "toll"
  }
];

const tspAccountsItem = {
  "conference_code": "extra",
  "dial_in_numbers": dialInNumbers,
  "id": "1",
  "leader_pin": "extra",
  "tsp_bridge": "US_TSP_TB"
};

const templates = [
  {
    "id": "extra",
    "name": "extra",
    "type": 1
  }
];

const usersItem = {
  "id": "extra",
  "email": "extra@example.com",
  "first_name": "extra",
  "last_name": "extra",
  "display_name": "extra",
  "type": 1,
  "status": "active",
  "verified": 1,
  "timezone": "extra",
  "role_id": "extra",
  "pmi": 1,
  "dept": "extra"
};

export const MAXIMAL_FIELDS: Partial<Record<OperationId, unknown>> = {
  "meetingCreate": meetingCreate,
  "meeting": {
    ...meetingCreate,
    "settings": {
      ...meetingCreate["settings"],
      "meeting_invitees": [
        {
          "email": "extra@example.com",
          "internal_user": false
        }
      ]
    }
  },
  "meetings": {
    "meetings": [
      {
        "agenda": "extra",
        "created_at": "2030-01-01T00:00:00Z",
        "duration": 1,
        "host_id": "extra",
        "id": 1,
        "join_url": "extra",
        "pmi": "extra",
        "start_time": "2030-01-01T00:00:00Z",
        "timezone": "extra",
        "topic": "extra",
        "type": 1,
        "uuid": "extra"
      }
    ]
  },
  "trackingfieldList": {
    "tracking_fields": [
      trackingFieldsItem
    ]
  },
  "trackingfieldCreate": trackingFieldsItem,
  "trackingfieldGet": trackingFieldsItem,
  "deviceList": {
    "devices": [
      devicesItem
    ]
  },
  "deviceCreate": devicesItem,
  "userTSPs": {
    "tsp_accounts": [
      tspAccountsItem
    ]
  },
  "userTSPCreate": {
    "id": "extra",
    "conference_code": "extra",
    "dial_in_numbers": dialInNumbers,
    "leader_pin": "extra",
    "tsp_bridge": "US_TSP_TB"
  },
  "userTSP": {
    ...tspAccountsItem,
    "id": "extra"
  },
  "listMeetingTemplates": {
    "templates": templates
  },
  "meetingTemplateCreate": {
    "id": "extra",
    "name": "extra"
  },
  "ListSIPTrunks": {
    "sip_trunks": [
      {
        "dnis": "extra",
        "id": "extra",
        "name": "extra",
        "number_prefix": "extra",
        "outbound_caller_id": "extra",
        "sip_server_address": "extra"
      }
    ]
  },
  "AssignSIPTrunks": {
    "sip_trunks": [
      {
        "dnis": "extra",
        "id": "extra",
        "name": "extra",
        "number_prefix": "extra",
        "sip_server_address": "extra"
      }
    ]
  },
  "ListInternalNumbers": {
    "internal_numbers": [
      {
        "id": "extra",
        "allow_for_external_meetings": false,
        "allow_join": false,
        "country": "extra",
        "display_number": "extra",
        "labels": "extra",
        "languages": "en-GB",
        "number": "extra",
        "type": 0,
        "visible": false,
        "assigned_accounts": templates
      }
    ]
  },
  "AddInternalNumbers": {
    "internal_numbers": [
      {
        "allow_for_external_meetings": false,
        "allow_join": false,
        "country": "extra",
        "display_number": "extra",
        "id": "extra",
        "labels": "extra",
        "languages": "en-GB",
        "number": "extra",
        "type": 0,
        "visible": false
      }
    ]
  },
  "users": {
    "users": [
      usersItem
    ]
  },
  "user": {
    ...usersItem,
    "account_id": "extra",
    "role_name": "extra"
  },
  "accounts": {
    "accounts": [
      {
        "id": "extra",
        "account_name": "extra",
        "owner_email": "extra",
        "account_type": "extra",
        "account_number": 1,
        "seats": 1,
        "created_at": "2030-01-01T00:00:00Z"
      }
    ]
  }
};
