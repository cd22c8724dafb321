/**
 * A user's TSP (Telephony Service Provider) accounts: `/users/{userId}/tsp[/{tspId}]`, also under
 * `/accounts/{accountId}`.
 *
 * Zoom keeps at most two per user, with the ids "1" and "2"; the account must have TSP enabled; and the last
 * one cannot be deleted. Error codes and wording are the spec's (400 code 300 unless noted).
 */
import { z } from "zod";
import type { AccountState, EmulatorContext, EmulatorRequest, Handler, RouteModule, UserRecord } from "../types";
import { ZoomHttpError } from "../types";

const TSP_IDS = ["1", "2"] as const;
type TspId = (typeof TSP_IDS)[number];

export interface DialInNumber {
  code?: string;
  country_label?: string;
  number?: string;
  type?: "toll" | "tollfree" | "media_link";
}

/** A TSP account as Zoom answers it. */
export interface TspAccount {
  id: TspId;
  conference_code: string;
  leader_pin: string;
  tsp_bridge?: "US_TSP_TB" | "EU_TSP_TB";
  dial_in_numbers?: DialInNumber[];
}

/**
 * Stricter than the schema (a string of 1 to 16 characters) because the spec's prose says so, for both codes
 * on create and update: "Conference code. A numeric value, with a length less than 16." and "Leader PIN:
 * numeric value, length is less than 16." (userTSPCreate / userTSPUpdate request bodies).
 */
const numericCode = z.string().regex(/^\d{1,15}$/);

const dialInNumber = z.object({
  code: z.string().max(6).optional(),
  country_label: z.string().max(10).optional(),
  // The schema's maxLength is 16, its prose "Dial-in number: length is less than 16.": the prose wins.
  number: z.string().min(1).max(15).optional(),
  type: z.enum(["toll", "tollfree", "media_link"]).optional(),
});

const tspBridge = z.enum(["US_TSP_TB", "EU_TSP_TB"]);

/** Create and update share one body; the spec requires `conference_code` and `leader_pin` on both. */
const tspBody = z.object({
  conference_code: numericCode,
  leader_pin: numericCode,
  tsp_bridge: tspBridge.optional(),
  dial_in_numbers: z.array(dialInNumber).optional(),
});
type TspBody = z.infer<typeof tspBody>;

/** Seed items are create bodies that name their user, and may pick the id. */
const tspSeedItem = tspBody.extend({ user_id: z.string().min(1), id: z.enum(TSP_IDS).optional() });

/** Seed items for the account's TSP switch, named as in Zoom's account TSP settings (`PATCH /tsp`). */
const tspSettingsItem = z.object({ enable: z.boolean() });

/** Per-account storage: user id -> that user's TSP accounts by id. */
type TspStore = Map<string, Map<TspId, TspAccount>>;

function userTsps(account: AccountState, user: UserRecord): Map<TspId, TspAccount> {
  const store = account.store<TspStore>("tsp", () => new Map());
  let tsps = store.get(user.id);
  if (!tsps) {
    tsps = new Map();
    store.set(user.id, tsps);
  }
  return tsps;
}

/** Spec: 400 code 2024 "Account has not enabled TSP." (create and delete say "This account has not ..."). */
function requireTspEnabled(account: AccountState, message = "Account has not enabled TSP."): void {
  if (!account.settings.tspEnabled) throw new ZoomHttpError(400, 2024, message);
}

/** Spec: "The TSP ID provided does not exist." for ids other than 1 and 2 (delete words it "The provided TSP
 * ID does not exist."); "TSP config does not exist." for a valid id the user has not configured. */
function existingTsp(tsps: Map<TspId, TspAccount>, tspId: string, unknownIdMessage = "The TSP ID provided does not exist."): TspAccount {
  if (!isTspId(tspId)) throw new ZoomHttpError(400, 300, unknownIdMessage);
  const tsp = tsps.get(tspId);
  if (!tsp) throw new ZoomHttpError(400, 300, "TSP config does not exist.");
  return tsp;
}

function isTspId(value: string): value is TspId {
  return (TSP_IDS as readonly string[]).includes(value);
}

function toResponse(tsp: TspAccount): TspAccount {
  const answer: TspAccount = { id: tsp.id, conference_code: tsp.conference_code, leader_pin: tsp.leader_pin };
  if (tsp.tsp_bridge !== undefined) answer.tsp_bridge = tsp.tsp_bridge;
  if (tsp.dial_in_numbers !== undefined) answer.dial_in_numbers = tsp.dial_in_numbers.map((n) => ({ ...n }));
  return answer;
}

function addTsp(tsps: Map<TspId, TspAccount>, fields: TspBody, wantedId?: TspId): TspAccount {
  // Spec, create: 400 code 300 "You can add a maximum of two TSP configs."
  const id = wantedId ?? TSP_IDS.find((candidate) => !tsps.has(candidate));
  if (id === undefined || tsps.has(id)) throw new ZoomHttpError(400, 300, "You can add a maximum of two TSP configs.");
  const tsp: TspAccount = { id, conference_code: fields.conference_code, leader_pin: fields.leader_pin };
  if (fields.tsp_bridge !== undefined) tsp.tsp_bridge = fields.tsp_bridge;
  if (fields.dial_in_numbers !== undefined) tsp.dial_in_numbers = fields.dial_in_numbers;
  tsps.set(id, tsp);
  return tsp;
}

function target(req: EmulatorRequest, ctx: EmulatorContext): Map<TspId, TspAccount> {
  return userTsps(req.account, ctx.resolveUser(req.account, req.pathParams.userId));
}

const userTSPs: Handler = (req, ctx) => {
  const tsps = target(req, ctx);
  requireTspEnabled(req.account);
  // The spec's list answer is `{tsp_accounts}` only: it has no total_records.
  const tspAccounts = TSP_IDS.flatMap((id) => {
    const tsp = tsps.get(id);
    return tsp ? [toResponse(tsp)] : [];
  });
  return { status: 200, body: { tsp_accounts: tspAccounts } };
};

const userTSPCreate: Handler = (req, ctx) => {
  const tsps = target(req, ctx);
  requireTspEnabled(req.account, "This account has not enabled TSP.");
  const fields = ctx.validate(tspBody, req.body);
  return { status: 201, body: toResponse(addTsp(tsps, fields)) };
};

const userTSP: Handler = (req, ctx) => {
  const tsps = target(req, ctx);
  requireTspEnabled(req.account);
  return { status: 200, body: toResponse(existingTsp(tsps, req.pathParams.tspId)) };
};

/**
 * PATCH: `conference_code` and `leader_pin` are required (the spec marks them so), the optional fields keep
 * their value when absent. A bad bridge gets the spec's own wording, "Invalid parameter: `tsp_bridge`.".
 */
const userTSPUpdate: Handler = (req, ctx) => {
  const tsps = target(req, ctx);
  requireTspEnabled(req.account);
  const current = existingTsp(tsps, req.pathParams.tspId);
  if (isRecord(req.body) && req.body.tsp_bridge !== undefined && !tspBridge.safeParse(req.body.tsp_bridge).success) {
    throw new ZoomHttpError(400, 300, "Invalid parameter: `tsp_bridge`.");
  }
  const fields = ctx.validate(tspBody, req.body);
  current.conference_code = fields.conference_code;
  current.leader_pin = fields.leader_pin;
  if (fields.tsp_bridge !== undefined) current.tsp_bridge = fields.tsp_bridge;
  if (fields.dial_in_numbers !== undefined) current.dial_in_numbers = fields.dial_in_numbers;
  return { status: 204 };
};

/** Spec, delete: 400 code 300 "At least one TSP config must be available." when it is the user's last one. */
const userTSPDelete: Handler = (req, ctx) => {
  const tsps = target(req, ctx);
  requireTspEnabled(req.account, "This account has not enabled TSP.");
  const tsp = existingTsp(tsps, req.pathParams.tspId, "The provided TSP ID does not exist.");
  if (tsps.size <= 1) throw new ZoomHttpError(400, 300, "At least one TSP config must be available.");
  tsps.delete(tsp.id);
  return { status: 204 };
};

/**
 * `tspUrlUpdate`, the user's global dial-in page: `{audio_url}`, "The URL must be valid, with a maximum length of
 * 512 characters." Answers 204, or 400 code 2024 "Account has not enabled TSP."; Zoom offers no GET for it, so
 * the emulator only keeps it.
 */
const tspSettingsBody = z.object({
  audio_url: z
    .string()
    .max(512)
    .refine((value) => URL.canParse(value))
    .optional(),
});

const tspUrlUpdate: Handler = (req, ctx) => {
  const user = ctx.resolveUser(req.account, req.pathParams.userId);
  requireTspEnabled(req.account);
  const { audio_url: audioUrl } = ctx.validate(tspSettingsBody, req.body);
  const urls = req.account.store<Map<string, string>>("tspAudioUrls", () => new Map());
  if (audioUrl !== undefined) urls.set(user.id, audioUrl);
  return { status: 204 };
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export const tspRoutes: RouteModule = {
  name: "tsp",
  handlers: { userTSPs, userTSPCreate, userTSP, userTSPUpdate, userTSPDelete, tspUrlUpdate },
  seed: {
    /**
     * Items: a create body plus `user_id` (id, email or `me`) and optionally `id` ("1"/"2"). The two-per-user
     * limit holds; the account's TSP switch does not (an account can turn TSP off after configuring it).
     */
    tspAccounts: (account, items, ctx) =>
      items.map((item) => {
        const { user_id: userId, id, ...fields } = ctx.validate(tspSeedItem, item);
        const user = ctx.resolveUser(account, userId);
        return { user_id: user.id, ...toResponse(addTsp(userTsps(account, user), fields, id)) };
      }),
    /**
     * `[{"enable": false}]` turns TSP off for the account (Zoom does it with `PATCH /tsp`, which pulumi-zoom
     * does not use, so the emulator has no route for it). The last item wins.
     */
    tspSettings: (account, items, ctx) =>
      items.map((item) => {
        const { enable } = ctx.validate(tspSettingsItem, item);
        account.settings.tspEnabled = enable;
        return { enable };
      }),
  },
};
