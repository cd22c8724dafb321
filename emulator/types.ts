/**
 * The seam between the emulator's core (HTTP server, OAuth, account scoping, rate limits, faults, control
 * endpoints: `emulator/core/`) and its route modules (one per Zoom object family: `emulator/routes/`).
 *
 * The core resolves every request to a catalogued operation (catalogue/operations.ts), authenticates
 * it, resolves the account from the path form, counts it against the rate limits, applies the fault plan, and
 * only then calls the route module's handler. Handlers see decoded path parameters and a parsed body, and
 * answer with a status and a JSON body, or throw `ZoomHttpError` for Zoom's error answers.
 */
import type { z } from "zod";
import type { OperationId } from "../catalogue/operations";
import type { PaginateOptions } from "./core/pagination";

/** Zoom's error body: `{"code": 300, "message": "..."}`, sometimes with per-field `errors`. */
export interface ZoomErrorBody {
  code: number;
  message: string;
  errors?: { field: string; message: string }[];
}

/** Thrown by handlers (and the core) to answer with one of Zoom's documented errors. */
export class ZoomHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: { field: string; message: string }[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ZoomHttpError";
  }

  toBody(): ZoomErrorBody {
    return this.errors ? { code: this.code, message: this.message, errors: this.errors } : { code: this.code, message: this.message };
  }
}

export interface UserRecord {
  /** Zoom user id (22 characters, like Zoom's). */
  readonly id: string;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  /** The account owner is who `me` means on plain paths. */
  readonly isOwner: boolean;
}

export interface AccountState {
  readonly id: string;
  readonly isMaster: boolean;
  readonly name: string;
  readonly users: UserRecord[];
  /** Account-level switches route modules consult (e.g. TSP enabled). */
  readonly settings: { tspEnabled: boolean };
  /**
   * Per-module storage: each route module keeps its own typed slice, created on first use, e.g.
   * `account.store("h323", () => new Map<string, Device>())`. Isolated per account.
   */
  store<T>(key: string, init: () => T): T;
}

export interface EmulatorRequest {
  readonly operationId: OperationId;
  readonly method: string;
  /** Decoded values of the path template's placeholders (without `accountId`). */
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** Parsed JSON body; undefined when the request had none. */
  readonly body: unknown;
  /** The account the request acts on: the token's own for plain paths, else `/accounts/{accountId}`'s. */
  readonly account: AccountState;
  /** True for the `/accounts/{accountId}/...` form. */
  readonly masterForm: boolean;
}

export interface HandlerResult {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A notification email Zoom would have sent (meeting cancellation, schedule-for reminders). */
export interface RecordedEmail {
  readonly kind: "meetingCancelled" | "scheduleForReminder";
  readonly to: string;
  readonly meetingId: number;
  readonly occurrenceId?: string;
  readonly at: string;
}

/** Services the core offers to route modules. */
export interface EmulatorContext {
  /** The emulator's clock (tests can advance it through `/_emulator/clock`). */
  now(): Date;
  /** Fresh ids in Zoom's shapes. */
  ids: {
    /** A Zoom-style 22-character id (users, devices, tracking fields, numbers). */
    string(): string;
    /** A positive int64-range number as Zoom uses for meeting ids (10 to 11 digits). */
    meetingId(): number;
    /** A meeting UUID as Zoom prints it (base64, 24 characters ending in `==`). */
    uuid(): string;
  };
  /**
   * Validates a body or query against a zod schema written from Zoom's spec; on failure throws Zoom's
   * documented 400 answer `{"code":300,"message":"Validation Failed.","errors":[{"field":"password",
   * "message":"Invalid field."}]}` naming every invalid field (dotted paths such as `settings.jbh_time`).
   * A missing or non-object body where the schema is an object answers Zoom's
   * `{"code":300,"message":"Request Body should be a valid JSON object."}`.
   */
  validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S>;
  /** Finds a user of the account by id, email or `me`; otherwise throws Zoom's 404 (code 1001). */
  resolveUser(account: AccountState, userIdOrEmail: string): UserRecord;
  /** Looks up any account by id (`me` is the master); undefined when there is none. */
  findAccount(accountId: string): AccountState | undefined;
  /** The master account's sub-accounts, in creation order. */
  subAccounts(): readonly AccountState[];
  /**
   * Slices `items` into one page per `page_size` (default 30, max 300) and `next_page_token` from `query`,
   * answering `{page_size, total_records, next_page_token, [itemsKey]: [...]}` as Zoom does.
   */
  paginate<T>(items: readonly T[], query: URLSearchParams, itemsKey: string, options?: PaginateOptions): Record<string, unknown>;
  recordEmail(email: Omit<RecordedEmail, "at">): void;
  /** The emulator's own origin (`http://127.0.0.1:PORT`), for `join_url`/`start_url`-style links. */
  readonly webOrigin: string;
}

export type Handler = (req: EmulatorRequest, ctx: EmulatorContext) => HandlerResult | Promise<HandlerResult>;

export interface RouteModule {
  /** Short name, e.g. `h323`. */
  readonly name: string;
  readonly handlers: Partial<Record<OperationId, Handler>>;
  /** Fills a fresh account with this module's initial data (e.g. the master account's SIP trunks). */
  initAccount?(account: AccountState, ctx: EmulatorContext): void;
  /**
   * Seeders for `POST /_emulator/seed`: `{"accountId": "...", "<key>": [items...]}` calls `seed[key]` with
   * that account and the items (in Zoom's snake_case shapes), and answers with what each returned.
   */
  readonly seed?: Readonly<Record<string, (account: AccountState, items: unknown[], ctx: EmulatorContext) => unknown[]>>;
  /**
   * For operations with `countsTowardsDailyMeetingLimit`: the id of the host user the request counts against
   * (Zoom's 100 meeting creates/updates per host per UTC day), or undefined when the request does not count
   * (e.g. the meeting does not exist: the handler answers the error). May throw `ZoomHttpError`. The core calls
   * it after auth and QPS limits and before the handler, so a refused request never applies.
   */
  readonly dailyMeetingLimitHost?: Partial<
    Record<OperationId, (req: EmulatorRequest, ctx: EmulatorContext) => string | undefined>
  >;
  /** Answers for control endpoints about this module's objects (optional; only meetings has any today). */
  readonly control?: {
    /** `POST /_emulator/meetings/{id}/start`: marks the meeting started; false when this account lacks it. */
    startMeeting?(account: AccountState, meetingId: number, ctx: EmulatorContext): boolean;
    /** `GET /_emulator/start-url`: whether the URL still starts its meeting; undefined when not this account's. */
    startUrlValidity?(account: AccountState, url: URL, ctx: EmulatorContext): boolean | undefined;
  };
  /** Extra facts for `GET /_emulator/state`, e.g. the SIP module answers `{sipTrunks: [...]}` for the master. */
  describeAccount?(account: AccountState): { sipTrunks?: { id: string; name: string; dnis: string }[] };
}
