/**
 * The catalogue of Zoom API operations pulumi-zoom uses: one row per operation, the single place that knows
 * an operation's method, path template, rate-limit category and OAuth scopes.
 *
 * Each row keeps its path template as a literal type, so the path parameters of an operation are a type
 * (`PathParamsOf<"meeting">` is `{ meetingId }`): resource and lookup declarations that name a parameter the
 * template lacks, or miss one it has, do not compile (tests/types/pathParams.ts).
 *
 * The client uses it to scope paths and to pick the rate-limit bucket; the emulator uses it to route and to
 * count requests per category; the docs generator lists scopes from it. `tests/emulator/catalogue.test.ts`
 * checks every row against Zoom's official OpenAPI documents, so a wrong category or path fails CI (the three
 * Users/Accounts API rows the lookups read against a transcription of Zoom's reference: tests/support/specSupplement.ts).
 */

/** Zoom's rate-limit categories ("Rate Limit Label" in the API reference). */
export type RateLimitCategory = "LIGHT" | "MEDIUM" | "HEAVY";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Which path forms Zoom offers for an operation:
 * - `either`: plain path for the token's own account, or `/accounts/{accountId}` + path for the master
 *   account (`me`) and its sub-accounts;
 * - `accountOnly`: only the `/accounts/{accountId}` form exists (SIP Connected Audio);
 * - `plainOnly`: only the plain path exists; it is about the credentials' own account (the master account's
 *   list of its sub-accounts, `GET /accounts`).
 */
export type PathScope = "either" | "accountOnly" | "plainOnly";

/**
 * Which of Zoom's API references documents an operation. The project's spec documents (../shared/zoom-openapi)
 * are the Meetings API's; the lookups also read users (Users API) and sub-accounts (Accounts API).
 */
export type ZoomApi = "meetings" | "users" | "accounts";

export interface Operation {
  /** Zoom's operationId (the same in both OpenAPI documents). */
  readonly id: string;
  readonly method: HttpMethod;
  /** Path template without the `/accounts/{accountId}` prefix, e.g. `/meetings/{meetingId}`. */
  readonly path: string;
  readonly category: RateLimitCategory;
  /**
   * True when Zoom's spec gives no rate-limit label (the SIP trunk operations). We budget those as MEDIUM:
   * the cautious middle, since a LIGHT guess could overrun Zoom's limit and a HEAVY one would slow every plan.
   */
  readonly categoryAssumed?: true;
  readonly scope: PathScope;
  /** Classic (macro) scopes for plain paths, then for the master-account form. */
  readonly scopes: { readonly plain: readonly string[]; readonly master: readonly string[] };
  /** Meeting create/update count against Zoom's 100-per-host-per-day limit. */
  readonly countsTowardsDailyMeetingLimit?: true;
  /** Where Zoom documents it when not in the Meetings API (default `meetings`). */
  readonly api?: Exclude<ZoomApi, "meetings">;
}

const meetingWrite = { plain: ["meeting:write", "meeting:write:admin"], master: ["meeting:master"] };
const meetingRead = { plain: ["meeting:read", "meeting:read:admin"], master: ["meeting:master"] };
const trackingWrite = { plain: ["tracking_fields:write:admin"], master: ["tracking_fields:master"] };
const trackingRead = { plain: ["tracking_fields:read:admin"], master: ["tracking_fields:master"] };
const h323Write = { plain: ["h323:write:admin"], master: ["h323:master"] };
const h323Read = { plain: ["h323:read:admin"], master: ["h323:master"] };
const tspWrite = { plain: ["tsp:write", "tsp:write:admin"], master: ["tsp:master"] };
const tspRead = { plain: ["tsp:read", "tsp:read:admin"], master: ["tsp:master"] };
const sipTrunk = { plain: [], master: ["sip_trunk:master"] };
const userRead = { plain: ["user:read:admin"], master: ["user:master"] };
/** `GET /accounts` is the master account's own list: the plain path, with a master scope. */
const subAccountRead = { plain: ["account:master", "account:read:master"], master: [] };

/** A row; `id` and `path` keep their literal types, so path parameters can be typed from the template. */
function op<const Id extends string, const Method extends HttpMethod, const Path extends string>(
  id: Id,
  method: Method,
  path: Path,
  category: RateLimitCategory,
  scopes: Operation["scopes"],
  extra: Partial<Pick<Operation, "scope" | "categoryAssumed" | "countsTowardsDailyMeetingLimit" | "api">> = {},
): Operation & { readonly id: Id; readonly method: Method; readonly path: Path } {
  return { id, method, path, category, scopes, scope: "either", ...extra };
}

const sip = { scope: "accountOnly", categoryAssumed: true } as const;

export const OPERATIONS = {
  // Meetings
  meetingCreate: op("meetingCreate", "POST", "/users/{userId}/meetings", "LIGHT", meetingWrite, {
    countsTowardsDailyMeetingLimit: true,
  }),
  meeting: op("meeting", "GET", "/meetings/{meetingId}", "LIGHT", meetingRead),
  meetingUpdate: op("meetingUpdate", "PATCH", "/meetings/{meetingId}", "LIGHT", meetingWrite, {
    countsTowardsDailyMeetingLimit: true,
  }),
  meetingDelete: op("meetingDelete", "DELETE", "/meetings/{meetingId}", "LIGHT", meetingWrite),
  meetingStatus: op("meetingStatus", "PUT", "/meetings/{meetingId}/status", "LIGHT", meetingWrite),
  meetings: op("meetings", "GET", "/users/{userId}/meetings", "MEDIUM", meetingRead),

  // Tracking fields
  trackingfieldList: op("trackingfieldList", "GET", "/tracking_fields", "MEDIUM", trackingRead),
  trackingfieldCreate: op("trackingfieldCreate", "POST", "/tracking_fields", "LIGHT", trackingWrite),
  trackingfieldGet: op("trackingfieldGet", "GET", "/tracking_fields/{fieldId}", "LIGHT", trackingRead),
  trackingfieldUpdate: op("trackingfieldUpdate", "PATCH", "/tracking_fields/{fieldId}", "LIGHT", trackingWrite),
  trackingfieldDelete: op("trackingfieldDelete", "DELETE", "/tracking_fields/{fieldId}", "LIGHT", trackingWrite),

  // H.323/SIP devices
  deviceList: op("deviceList", "GET", "/h323/devices", "MEDIUM", h323Read),
  deviceCreate: op("deviceCreate", "POST", "/h323/devices", "LIGHT", h323Write),
  deviceUpdate: op("deviceUpdate", "PATCH", "/h323/devices/{deviceId}", "LIGHT", h323Write),
  deviceDelete: op("deviceDelete", "DELETE", "/h323/devices/{deviceId}", "LIGHT", h323Write),

  // TSP accounts
  userTSPs: op("userTSPs", "GET", "/users/{userId}/tsp", "MEDIUM", tspRead),
  userTSPCreate: op("userTSPCreate", "POST", "/users/{userId}/tsp", "LIGHT", tspWrite),
  userTSP: op("userTSP", "GET", "/users/{userId}/tsp/{tspId}", "LIGHT", tspRead),
  userTSPUpdate: op("userTSPUpdate", "PATCH", "/users/{userId}/tsp/{tspId}", "LIGHT", tspWrite),
  userTSPDelete: op("userTSPDelete", "DELETE", "/users/{userId}/tsp/{tspId}", "LIGHT", tspWrite),
  // No resource uses it; catalogued so the emulator routes `PATCH .../tsp/settings` to it rather than to
  // userTSPUpdate with a tspId of "settings".
  tspUrlUpdate: op("tspUrlUpdate", "PATCH", "/users/{userId}/tsp/settings", "LIGHT", tspWrite),

  // Meeting templates (Zoom has no update and no delete)
  listMeetingTemplates: op("listMeetingTemplates", "GET", "/users/{userId}/meeting_templates", "MEDIUM", meetingRead),
  meetingTemplateCreate: op(
    "meetingTemplateCreate",
    "POST",
    "/users/{userId}/meeting_templates",
    "MEDIUM",
    meetingWrite,
  ),

  // SIP Connected Audio: master-account API only, no rate-limit label in the spec
  ListSIPTrunks: op("ListSIPTrunks", "GET", "/sip_trunk/trunks", "MEDIUM", sipTrunk, sip),
  AssignSIPTrunks: op("AssignSIPTrunks", "POST", "/sip_trunk/trunks", "MEDIUM", sipTrunk, sip),
  DeleteASIPTrunk: op("DeleteASIPTrunk", "DELETE", "/sip_trunk/trunks/{trunkId}", "MEDIUM", sipTrunk, sip),
  ListInternalNumbers: op("ListInternalNumbers", "GET", "/sip_trunk/internal_numbers", "MEDIUM", sipTrunk, sip),
  AddInternalNumbers: op("AddInternalNumbers", "POST", "/sip_trunk/internal_numbers", "MEDIUM", sipTrunk, sip),
  UpdateAnInternalNumber: op(
    "UpdateAnInternalNumber",
    "PATCH",
    "/sip_trunk/internal_numbers/{numberId}",
    "MEDIUM",
    sipTrunk,
    sip,
  ),
  DeleteAnInternalNumber: op(
    "DeleteAnInternalNumber",
    "DELETE",
    "/sip_trunk/internal_numbers/{numberId}",
    "MEDIUM",
    sipTrunk,
    sip,
  ),

  // Read-only, for lookups: users (Zoom's Users API) and sub-accounts (Zoom's Accounts API)
  users: op("users", "GET", "/users", "MEDIUM", userRead, { api: "users" }),
  user: op("user", "GET", "/users/{userId}", "LIGHT", userRead, { api: "users" }),
  accounts: op("accounts", "GET", "/accounts", "MEDIUM", subAccountRead, { api: "accounts", scope: "plainOnly" }),
} as const satisfies Record<string, Operation>;

export type OperationId = keyof typeof OPERATIONS;

/** The operations sent with one of these methods: `OperationIdWith<"GET">` are the reads. */
export type OperationIdWith<M extends HttpMethod> = {
  [Id in OperationId]: (typeof OPERATIONS)[Id]["method"] extends M ? Id : never;
}[OperationId];

/** The `{name}` placeholders of a path template: `"/users/{userId}/tsp/{tspId}"` gives `"userId" | "tspId"`. */
export type PlaceholdersOf<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholdersOf<Rest>
  : never;

/** The names of an operation's path parameters (never for an operation without any). */
export type PathParamName<Id extends OperationId> = PlaceholdersOf<(typeof OPERATIONS)[Id]["path"]>;

/** Every path parameter name of the catalogue. */
type AnyPathParamName = PathParamName<OperationId>;

/**
 * The path parameters of one operation: each placeholder of its template, and no other name of the catalogue
 * (a `userId` given to `meeting`, whose path has only `{meetingId}`, does not compile). Names the catalogue
 * does not use at all cannot be refused by a type (TypeScript does not check excess keys of an object returned
 * by a function), so `buildPath` still refuses unknown names at run time.
 */
export type PathParamsOf<Id extends OperationId> = { readonly [Name in PathParamName<Id>]: string | number } & {
  readonly [Other in Exclude<AnyPathParamName, PathParamName<Id>>]?: never;
};

/** Requests per second per category, per plan (Zoom's rate-limit page). Business and above share a row. */
export const RATE_LIMITS_PER_SECOND: Record<"free" | "pro" | "business", Record<RateLimitCategory, number>> = {
  free: { LIGHT: 4, MEDIUM: 2, HEAVY: 1 },
  pro: { LIGHT: 30, MEDIUM: 20, HEAVY: 10 },
  business: { LIGHT: 80, MEDIUM: 60, HEAVY: 40 },
};

/** Free accounts also have daily caps per category. */
export const FREE_DAILY_LIMITS: Record<RateLimitCategory, number> = { LIGHT: 6000, MEDIUM: 2000, HEAVY: 1000 };

/** Meeting create/update requests per host user per day (all plans). */
export const DAILY_MEETING_WRITES_PER_USER = 100;

/** Largest `page_size` Zoom accepts on paginated lists. */
export const MAX_PAGE_SIZE = 300;
