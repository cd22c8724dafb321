/**
 * The control endpoints under `/_emulator/` (listed in controlTypes.ts). They are the emulator's own API, not
 * Zoom's: no token needed, and errors are answered as `{code, message}` with the HTTP status as the code.
 */
import { z } from "zod";
import type { EmulatorPlan, EmulatorStateSummary, FaultPlan, SeedResponse } from "../controlTypes";
import { ZoomHttpError, type EmulatorContext, type RecordedEmail, type RouteModule } from "../types";
import type { Account, AccountDirectory } from "./accounts";
import type { TokenIssuer } from "./auth";
import type { EmulatorClock } from "./clock";
import type { FaultInjector } from "./faults";
import type { Answer } from "./http";
import type { StatsRecorder } from "./stats";

/**
 * What the control endpoints reach of the emulator: its current state, read on every call (a reset replaces
 * the accounts and the fault injector), and the two actions that replace state. The server implements it; this
 * module does not know the emulator.
 */
export interface ControlledEmulator {
  readonly accounts: Pick<AccountDirectory, "all" | "find" | "master" | "subAccounts">;
  readonly modules: readonly RouteModule[];
  readonly context: EmulatorContext;
  readonly stats: Pick<StatsRecorder, "snapshot" | "reset" | "requests">;
  readonly faults: Pick<FaultInjector, "setPlan" | "clear">;
  readonly clock: Pick<EmulatorClock, "now" | "freeze" | "advance" | "frozen">;
  readonly tokens: Pick<TokenIssuer, "revokeAll">;
  readonly emails: readonly RecordedEmail[];
  plan: EmulatorPlan;
  reset(): void;
  rotateCredentials(): string;
}

const ok = (json: unknown): Answer => ({ status: 200, json });
const noContent: Answer = { status: 204 };

function controlError(status: number, message: string): ZoomHttpError {
  return new ZoomHttpError(status, status, message);
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw controlError(400, "The body is not JSON.");
  }
}

function parse<S extends z.ZodType>(schema: S, text: string): z.infer<S> {
  const result = schema.safeParse(parseJson(text));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw controlError(400, `Invalid body at ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return result.data;
}

const matchSchema = z.object({
  method: z.string().optional(),
  operationId: z.string().optional(),
  target: z.enum(["api", "oauth"]).optional(),
});
const faultSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("status"),
    status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503)]),
    retryAfterSeconds: z.number().int().nonnegative().optional(),
  }),
  z.object({ kind: z.literal("reset") }),
  z.object({ kind: z.literal("delay"), ms: z.number().nonnegative() }),
  z.object({ kind: z.literal("applyThenStatus"), status: z.union([z.literal(500), z.literal(502), z.literal(503)]) }),
  z.object({ kind: z.literal("applyThenDrop") }),
  z.object({
    kind: z.literal("respond"),
    status: z.number().int().min(100).max(599),
    body: z.string(),
    contentType: z.string().optional(),
  }),
]);
const faultPlanSchema = z.object({
  rules: z
    .array(
      z.object({
        match: matchSchema.optional(),
        fault: faultSchema,
        probability: z.number().min(0).max(1).optional(),
        times: z.number().int().nonnegative().optional(),
        after: z.number().int().nonnegative().optional(),
      }),
    )
    .optional(),
  sequence: z.object({ match: matchSchema.optional(), steps: z.array(faultSchema.nullable()) }).optional(),
});
const clockSchema = z.object({ advanceSeconds: z.number().optional(), freeze: z.boolean().optional() });
const planSchema = z.object({ plan: z.enum(["free", "pro", "business", "unlimited"]) });
const seedSchema = z.record(z.string(), z.unknown());

function summarize(account: Account) {
  return {
    id: account.id,
    name: account.name,
    users: account.users.map((u) => ({ id: u.id, email: u.email, isOwner: u.isOwner })),
    tspEnabled: account.settings.tspEnabled,
  };
}

function state(emulator: ControlledEmulator): EmulatorStateSummary {
  const master = emulator.accounts.master;
  const sipTrunks = emulator.modules.flatMap((m) => m.describeAccount?.(master).sipTrunks ?? []);
  return {
    master: { ...summarize(master), sipTrunks },
    subAccounts: emulator.accounts.subAccounts.map(summarize),
  };
}

function seed(emulator: ControlledEmulator, text: string): SeedResponse {
  const request = parse(seedSchema, text);
  const accountId = request.accountId ?? "me";
  if (typeof accountId !== "string") throw controlError(400, "accountId must be a string.");
  const account = emulator.accounts.find(accountId);
  if (!account) throw controlError(404, `Account does not exist: ${accountId}.`);
  const seeders = new Map(emulator.modules.flatMap((m) => Object.entries(m.seed ?? {})));
  const answer: SeedResponse = {};
  for (const [key, items] of Object.entries(request)) {
    if (key === "accountId") continue;
    const seeder = seeders.get(key);
    if (!seeder) throw controlError(400, `Unknown seed key: ${key}. Known: ${[...seeders.keys()].join(", ")}.`);
    if (!Array.isArray(items)) throw controlError(400, `Seed items for ${key} must be an array.`);
    answer[key] = seeder(account, items, emulator.context);
  }
  return answer;
}

function startMeeting(emulator: ControlledEmulator, rawId: string): Answer {
  const meetingId = Number(rawId);
  for (const account of emulator.accounts.all()) {
    for (const module of emulator.modules) {
      if (module.control?.startMeeting?.(account, meetingId, emulator.context)) return noContent;
    }
  }
  throw new ZoomHttpError(404, 3001, `Meeting does not exist: ${rawId}.`);
}

function startUrlValidity(emulator: ControlledEmulator, raw: string | null): boolean {
  let url: URL;
  try {
    url = new URL(raw ?? "");
  } catch {
    return false;
  }
  for (const account of emulator.accounts.all()) {
    for (const module of emulator.modules) {
      const valid = module.control?.startUrlValidity?.(account, url, emulator.context);
      if (valid !== undefined) return valid;
    }
  }
  return false;
}

export function handleControl(
  emulator: ControlledEmulator,
  method: string,
  path: string,
  query: URLSearchParams,
  body: string,
): Answer {
  try {
    const route = `${method} ${path}`;
    switch (route) {
      case "POST /reset":
        emulator.reset();
        return noContent;
      case "POST /seed":
        return ok(seed(emulator, body));
      case "GET /state":
        return ok(state(emulator));
      case "GET /stats":
        return ok(emulator.stats.snapshot());
      case "POST /stats/reset":
        emulator.stats.reset();
        return noContent;
      case "GET /requests":
        return ok(emulator.stats.requests());
      case "POST /faults":
        emulator.faults.setPlan(parse(faultPlanSchema, body) as FaultPlan);
        return noContent;
      case "DELETE /faults":
        emulator.faults.clear();
        return noContent;
      case "POST /clock": {
        const { advanceSeconds, freeze } = parse(clockSchema, body);
        if (freeze !== undefined) emulator.clock.freeze(freeze);
        if (advanceSeconds !== undefined) emulator.clock.advance(advanceSeconds);
        return ok({ now: emulator.clock.now().toISOString(), frozen: emulator.clock.frozen });
      }
      case "POST /plan":
        emulator.plan = parse(planSchema, body).plan;
        return noContent;
      case "POST /tokens/revoke":
        emulator.tokens.revokeAll();
        return noContent;
      case "POST /credentials/rotate":
        return ok({ clientSecret: emulator.rotateCredentials() });
      case "GET /emails":
        return ok(emulator.emails);
      case "GET /start-url":
        return ok({ valid: startUrlValidity(emulator, query.get("url")) });
    }
    const start = /^\/meetings\/([^/]+)\/start$/.exec(path);
    if (method === "POST" && start) return startMeeting(emulator, start[1]);
    throw controlError(404, `No control endpoint ${method} /_emulator${path}.`);
  } catch (error) {
    if (error instanceof ZoomHttpError) return { status: error.status, json: error.toBody() };
    throw error;
  }
}
