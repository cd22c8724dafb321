/**
 * Type-level tests, checked by `npm run typecheck` (not run by jest): declarations that name a path parameter
 * the operation's template lacks, miss one it has, use an operation of the wrong method, or name an equality
 * path the schema lacks do not compile. Each `@ts-expect-error` fails the typecheck if the line below it
 * compiles, so a loosened type shows here.
 */
import type { PathParamsOf } from "../../catalogue/operations";
import type { ReadSpec, ResourceDefinition } from "../../provider/framework/definition";
import { set, type EqualityRulesOf } from "../../provider/framework/equality";
import type { LookupSource } from "../../provider/lookups/definition";
import type { MeetingInputs } from "../../schema/meeting";
import type { trackingFieldSchema, TrackingFieldInputs } from "../../schema/trackingField";

type TrackingFieldDefinition = ResourceDefinition<typeof trackingFieldSchema>;
type Update = Exclude<TrackingFieldDefinition["update"], "replace">;
type Delete = TrackingFieldDefinition["delete"];

// Path parameters are the template's placeholders.
export const fieldParams: PathParamsOf<"trackingfieldGet"> = { fieldId: "f1" };
export const tspParams: PathParamsOf<"userTSP"> = { userId: "me", tspId: "1" };
// @ts-expect-error -- `/tracking_fields/{fieldId}` has no `{deviceId}`: a wrong name is a compile error
export const wrongName: PathParamsOf<"trackingfieldGet"> = { deviceId: "f1" };
// @ts-expect-error -- `{tspId}` is missing
export const missingParam: PathParamsOf<"userTSP"> = { userId: "me" };
// @ts-expect-error -- `userId` belongs to other operations' templates, not to `/meetings/{meetingId}`
export const extraParam: PathParamsOf<"meeting"> = { meetingId: 1, userId: "me" };

// In a declaration, `pathParams` is checked against the operation it names.
export const update: Update = { operation: "trackingfieldUpdate", pathParams: (ref) => ({ fieldId: ref.zoomId }), body: "changed" };
// @ts-expect-error -- trackingfieldUpdate's path takes `{fieldId}`, not `{deviceId}`
export const updateWrongParam: Update = { operation: "trackingfieldUpdate", pathParams: (ref) => ({ deviceId: ref.zoomId }), body: "changed" };
// @ts-expect-error -- userTSPDelete's path takes `{userId}` and `{tspId}`; one is missing
export const deleteMissingParam: Delete = { operation: "userTSPDelete", pathParams: (ref) => ({ tspId: ref.zoomId }) };
// @ts-expect-error -- an update must name a PATCH or PUT operation, not a DELETE
export const updateWrongMethod: Update = { operation: "trackingfieldDelete", pathParams: (ref) => ({ fieldId: ref.zoomId }), body: "changed" };
// @ts-expect-error -- a list read of `/users/{userId}/tsp` must say which user
export const listWithoutParams: ReadSpec<TrackingFieldInputs> = { kind: "list", operation: "userTSPs", itemsKey: "tsp_accounts", paginated: false, find: () => undefined };

// Lookups are checked the same way.
export const lookup: LookupSource = { kind: "get", operation: "user", pathParams: { userId: "me" }, notFound: [1001] };
// @ts-expect-error -- `/users/{userId}` takes `{userId}`, not `{id}`
export const lookupWrongParam: LookupSource = { kind: "get", operation: "user", pathParams: { id: "me" }, notFound: [1001] };

// Equality rules name paths of the schema's type: `[]` for list items.
export const rules: EqualityRulesOf<MeetingInputs> = { "settings.breakoutRoom.rooms[].participants": set(), trackingFields: set() };
// @ts-expect-error -- `settings.meetingInvitee` is not a path of a meeting's inputs (`meetingInvitees` is)
export const wrongRule: EqualityRulesOf<MeetingInputs> = { "settings.meetingInvitee": set() };
