/**
 * Meetings (`/users/{userId}/meetings`, `/meetings/{meetingId}`, `/meetings/{meetingId}/status`, also under
 * `/accounts/{accountId}`), as Zoom's API reference describes them:
 *
 * - create answers 201 with the whole meeting: int64 `id`, `uuid`, host, links, generated passcodes, `start_time`
 *   in UTC (`Z`) with the request's `timezone` kept, and the FULL `settings` object with Zoom's server-side
 *   defaults filled in. Types 1 (instant), 2 (scheduled), 3 (recurring, no fixed time), 8 (recurring, fixed
 *   time, with `occurrences`) and 10 (screen share only, scheduled like 2).
 * - `start_url` carries a host token that changes on every GET, lives two hours, keeps working after the meeting
 *   ended and dies when the meeting is deleted (the one-time-meeting forum thread in ../zoom-docs).
 * - PATCH deep-merges `settings`, replaces `recurrence` and `tracking_fields`; `occurrence_id` edits one
 *   occurrence. DELETE honours `occurrence_id`, `schedule_for_reminder` and `cancel_meeting_reminder`.
 * - The list omits instant meetings and deleted ones, and pages with `next_page_token`.
 *
 * The modules: bodies.ts (request schemas), store.ts (stored meetings, occurrences), recurrence.ts (pure
 * occurrence arithmetic), defaults.ts (server-side settings), links.ts (passcodes, links), writes.ts (create,
 * update), render.ts (answers), handlers.ts; this one assembles the route module.
 */
import { z } from "zod";
import type { EmulatorContext, EmulatorRequest, RouteModule } from "../../types";
import { create, get, list, remove, status, update } from "./handlers";
import { render } from "./render";
import { findMeeting, meetingStore } from "./store";
import { createMeeting } from "./writes";

const seedItem = z.object({ user_id: z.string().optional() }).passthrough();

export const meetingRoutes: RouteModule = {
  name: "meetings",
  handlers: {
    meetingCreate: create,
    meeting: get,
    meetingUpdate: update,
    meetingDelete: remove,
    meetingStatus: status,
    meetings: list,
  },
  dailyMeetingLimitHost: {
    // "The rate limit is applied against the userId of the meeting host used to make the request."
    meetingCreate: (req: EmulatorRequest, ctx: EmulatorContext) => ctx.resolveUser(req.account, req.pathParams.userId).id,
    meetingUpdate: (req: EmulatorRequest) => {
      const meeting = findMeeting(req.account, req.pathParams.meetingId);
      return meeting && !meeting.deleted ? meeting.hostId : undefined;
    },
  },
  seed: {
    /**
     * `{"meetings": [{...create body, "user_id"?: host id or email (default: the owner)}]}`; answers the created
     * meetings as create does. Seeding skips rate limits, so large lists are quick to set up.
     */
    meetings: (account, items, ctx) =>
      items.map((item) => {
        const { user_id: userId, ...body } = ctx.validate(seedItem, item);
        const meeting = createMeeting(account, ctx.resolveUser(account, userId ?? "me"), body, ctx);
        return render(account, meeting, ctx);
      }),
  },
  control: {
    startMeeting(account, meetingId) {
      const meeting = meetingStore(account).get(meetingId);
      if (!meeting || meeting.deleted) return false;
      meeting.status = "started";
      return true;
    },
    startUrlValidity(account, url, ctx) {
      const path = /^\/s\/(\d+)$/.exec(url.pathname);
      const meeting = path ? meetingStore(account).get(Number(path[1])) : undefined;
      if (!meeting) return undefined;
      if (meeting.deleted) return false;
      const expires = meeting.startTokens.get(url.searchParams.get("zak") ?? "");
      return expires !== undefined && expires > ctx.now().getTime();
    },
  },
};
