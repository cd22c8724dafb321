/**
 * A chaos run through the engine contract harness: rounds of `pulumi up` (and now and then `pulumi refresh`)
 * over a world of declarations that changes every round, through the real dynamic-provider host, against an
 * emulator whose fault plan spoils a share of all API requests, of every method, with every kind of fault its
 * plan has (429, 5xx, resets, delays, timeouts that Zoom applies late, 5xx and dropped connections AFTER
 * applying, malformed answers). Then the faults stop, one `up` converges, and the account is compared with
 * what was declared:
 *
 * - orphans: objects in the account that no state holds (duplicates are orphans too);
 * - missing: objects state holds that the account does not have;
 * - lost updates: declared values the account does not have, after the converging up;
 * - unclear failures: operations that failed without saying which resource and what was being done, or with
 *   a stack trace.
 *
 * No jest here: `tests/reliability/chaos.test.ts` runs a small one, `bench/chaos.ts` a large one.
 */
import type { EmulatorInfo, EmulatorStateSummary, Fault, FaultPlan, FaultRule } from "../../emulator";
import { EmulatorControl, faultLabel } from "../../emulator";
import { createClient, type HttpZoomClient } from "../../provider/client";
import { DeploymentError, type Deployment, type PlanSummary, type StepRecord } from "../../harness";
import { benchDeployment } from "../deployment";
import * as zoom from "../../provider";
import { fixtureOf, type ZoomView } from "../../fixtures/kinds";
import { accountObjects, stateKey, type AccountObject } from "../../fixtures/account";
import { seedAccount } from "../../fixtures/seed";
import { Random, World, type Args, type Declaration } from "./world";

export interface ChaosOptions {
  readonly emulator: EmulatorInfo;
  /** The host's working directory: where `pulumi-zoom` resolves (the repository root). */
  readonly cwd: string;
  readonly rounds: number;
  /** Declarations changed per round. */
  readonly changesPerRound: number;
  /** A refresh (under faults too) after every this many rounds. */
  readonly refreshEvery: number;
  /** Share of API requests that get a fault, e.g. 0.1. */
  readonly faultRate: number;
  readonly seed: number;
  readonly log?: (line: string) => void;
}

export interface FailedOperation {
  readonly op: string;
  readonly resource: string;
  readonly error: string;
}

export interface ChaosReport {
  /** Provider operations attempted under faults, by kind (create, update, replace, delete, read). */
  readonly operations: Record<string, number>;
  readonly totalOperations: number;
  readonly faultsInjected: number;
  /** Faults injected by kind (`status 503`, `applyThenDrop`, ...), and the kinds of the plan that never struck. */
  readonly faultsByKind: Record<string, number>;
  readonly faultKindsMissed: readonly string[];
  readonly apiRequests: number;
  /** Operations that still failed under faults (each retried by a later round or the converging up). */
  readonly failed: readonly FailedOperation[];
  /** Failed operations whose error does not name the resource and what was done, or shows a stack trace. */
  readonly unclear: readonly FailedOperation[];
  /** Errors of the converging up (there should be none). */
  readonly convergeErrors: readonly string[];
  /** Changes the `up` after the converging one still planned, and resources the refresh found drifted. */
  readonly changesAfterConverge: number;
  readonly driftAfterConverge: readonly string[];
  readonly declared: number;
  readonly inState: number;
  readonly orphans: readonly string[];
  readonly missing: readonly string[];
  readonly duplicates: readonly string[];
  readonly lostUpdates: readonly string[];
  /** Templates removed from the program, which Zoom keeps (it has no API to delete them). */
  readonly templatesLeftInZoom: number;
  readonly seconds: number;
}

const SKIPPED = "skipped: an earlier step failed";

/**
 * The client's per-request timeout in the chaos deployment (`zoom:requestTimeoutSeconds`). Not smaller: after a
 * create times out with nothing else answering, the client probes Zoom once with this timeout and, if that is
 * silent too, stops the run (Zoom down). At 2 s a loaded CI machine's own slowness sometimes made the probe
 * silent, and one refresh failed whole.
 */
const REQUEST_TIMEOUT_SECONDS = 5;

/**
 * Every kind of fault the emulator's fault plan has, for every API operation alike, except one: an empty 2xx is
 * Zoom's own success answer to PUT, PATCH and DELETE (the emulator would serve it without applying the request,
 * which no server does), so it is only served where it is malformed: to GET and POST. A delay past the client's
 * timeout, after which Zoom still applies the request, is a timeout.
 */
const FAULTS: { fault: Fault; methods?: readonly string[] }[] = [
  { fault: { kind: "status", status: 429, retryAfterSeconds: 0 } },
  { fault: { kind: "status", status: 500 } },
  { fault: { kind: "status", status: 502 } },
  { fault: { kind: "status", status: 503 } },
  { fault: { kind: "reset" } },
  { fault: { kind: "delay", ms: 150 } },
  { fault: { kind: "delay", ms: REQUEST_TIMEOUT_SECONDS * 1000 + 500 } },
  { fault: { kind: "applyThenStatus", status: 500 } },
  { fault: { kind: "applyThenStatus", status: 502 } },
  { fault: { kind: "applyThenStatus", status: 503 } },
  { fault: { kind: "applyThenDrop" } },
  { fault: { kind: "respond", status: 200, body: "<html><title>Gateway Timeout</title></html>", contentType: "text/html" } },
  { fault: { kind: "respond", status: 502, body: "<html><title>502 Bad Gateway</title></html>", contentType: "text/html" } },
  { fault: { kind: "respond", status: 200, body: "", contentType: "application/json" }, methods: ["GET", "POST"] },
  { fault: { kind: "respond", status: 200, body: '{"id": 1, "to', contentType: "application/json" } },
];

/** The fault kinds (as the emulator counts them) the chaos plan serves: every one should strike in a long run. */
export const CHAOS_FAULT_KINDS: readonly string[] = [...new Set(FAULTS.map((f) => faultLabel(f.fault)))].sort();

/**
 * Rules that spoil `rate` of all requests, of every method alike: per method, each fault that applies to it is
 * tried in turn with the same chance.
 */
export function chaosFaultPlan(rate: number): FaultPlan {
  const rules: FaultRule[] = [];
  for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
    const faults = FAULTS.filter((f) => !f.methods || f.methods.includes(method));
    const each = 1 - Math.pow(1 - rate, 1 / faults.length);
    for (const { fault } of faults) rules.push({ match: { method }, fault, probability: each });
  }
  return { rules };
}

/** The program of one round: every declaration, as a user would write it. */
function programOf(world: World): () => void {
  // A JSON copy, not structuredClone: under jest, structuredClone makes arrays of another realm, which the
  // Pulumi SDK (instanceof Array) would serialize as objects.
  const declarations = [...world.declarations.entries()].map(([name, d]) => [name, { kind: d.kind, args: JSON.parse(JSON.stringify(d.args)) as Args }] as const);
  return () => {
    for (const [name, { kind, args }] of declarations) {
      const Resource = (zoom as unknown as Record<string, new (name: string, args: object) => unknown>)[kind];
      if (!Resource) throw new Error(`no resource class ${kind}`);
      new Resource(name, args);
    }
  };
}

/** A failure says which resource and what was done, without a stack trace. */
function unclearReason(failure: FailedOperation): string | undefined {
  if (/\n\s+at /.test(failure.error)) return "stack trace";
  if (!/(creating|reading|updating|deleting) zoom:\w+ "/.test(failure.error) && !/invalid zoom:\w+ id/.test(failure.error)) return "does not name the resource and operation";
  return undefined;
}

const nameOf = (urn: string) => urn.split("::").pop() ?? urn;

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const e = options.emulator;
  const control = new EmulatorControl(e);
  const accounts = await control.state();
  const portal: HttpZoomClient = createClient(
    { apiUrl: e.url, oauthUrl: e.oauthUrl, plan: "business", credentials: { kind: "clientCredentials", accountId: e.accountId, clientId: e.clientId, clientSecret: e.clientSecret } },
    { limiter: "isolated", env: {} },
  );

  // Each master user keeps a first TSP account (Zoom refuses to delete a user's last one), so the world's TSP
  // accounts can come and go; templates are made from this meeting.
  await seedAccount(control, { tspSlots: "all" });
  const source = await portal.request<{ id: number }>({
    operation: "meetingCreate",
    pathParams: { userId: "me" },
    body: { topic: "Chaos template source", type: 2, start_time: "2031-01-01T10:00:00Z" },
  });
  const baseline = new Set((await accountObjects(portal, accounts)).map((o) => o.key));

  const world = new World({ accounts, templateSourceMeetingId: source.data!.id }, new Random(options.seed));
  const deployment = benchDeployment(e, {
    project: "chaos",
    stack: "chaos",
    cwd: options.cwd,
    config: { "zoom:requestTimeoutSeconds": String(REQUEST_TIMEOUT_SECONDS) },
    reuseHost: true,
  });

  const operations: Record<string, number> = {};
  const failed: FailedOperation[] = [];
  const record = (summary: PlanSummary, refresh: boolean) => {
    for (const step of summary.steps.filter((s: StepRecord) => s.custom)) {
      if (step.error === SKIPPED) continue;
      const op = refresh ? "read" : step.op;
      if (!refresh && step.op === "same") continue;
      operations[op] = (operations[op] ?? 0) + 1;
      if (step.status === "failed") failed.push({ op, resource: nameOf(step.urn), error: step.error ?? "(no message)" });
    }
  };
  const attempt = async (what: () => Promise<PlanSummary>, refresh: boolean): Promise<void> => {
    try {
      record(await what(), refresh);
    } catch (error) {
      if (!(error instanceof DeploymentError)) throw error;
      record(error.summary, refresh);
    }
  };

  const statsBefore = await control.stats();
  const convergeErrors: string[] = [];
  try {
    for (let round = 1; round <= options.rounds; round++) {
      if (round === 1) world.populate(options.changesPerRound);
      else world.mutate(options.changesPerRound);
      await control.setFaults(chaosFaultPlan(options.faultRate));
      await attempt(() => deployment.up(programOf(world)), false);
      if (round % options.refreshEvery === 0) await attempt(() => deployment.refresh(), true);
      await control.clearFaults();
      const total = Object.values(operations).reduce((a, b) => a + b, 0);
      log(`round ${round}: ${world.declarations.size} declared, ${total} operations so far, ${failed.length} failed`);
    }
    const stats = await control.stats();
    const faultsByKind = Object.fromEntries(
      Object.entries(stats.faultsByKind)
        .map(([kind, n]) => [kind, n - (statsBefore.faultsByKind[kind] ?? 0)] as const)
        .filter(([, n]) => n > 0)
        .sort(([a], [b]) => a.localeCompare(b)),
    );

    // The faults stop; one up converges (a second one in case the first met leftovers of the chaos).
    for (let i = 0; i < 2; i++) {
      try {
        await deployment.up(programOf(world));
        break;
      } catch (error) {
        if (!(error instanceof DeploymentError)) throw error;
        convergeErrors.push(...error.summary.errors);
      }
    }
    const refreshed = await deployment.refresh();
    const driftAfterConverge = refreshed.steps.filter((s) => s.custom && ((s.changedInputs ?? []).length > 0 || s.op === "delete")).map((s) => `${nameOf(s.urn)}: ${s.op} ${(s.changedInputs ?? []).join(",")}`);
    let changesAfterConverge: number;
    try {
      changesAfterConverge = (await deployment.up(programOf(world))).changes;
    } catch (error) {
      if (!(error instanceof DeploymentError)) throw error;
      convergeErrors.push(...error.summary.errors.map((message) => `after converging: ${message}`));
      changesAfterConverge = error.summary.changes;
    }

    const state = deployment.state.resources.filter((r) => r.custom && r.id !== undefined);
    const stateKeys = new Map(state.map((r) => [stateKey(accounts, r.type, r.id!), nameOf(r.urn)]));
    const now = await accountObjects(portal, accounts);
    const nowKeys = new Set(now.map((o) => o.key));
    const extra = now.filter((o) => !baseline.has(o.key) && !stateKeys.has(o.key));
    const extraTemplates = extra.filter((o) => o.kind === "MeetingTemplate").length;
    const orphans = [
      ...extra.filter((o) => o.kind !== "MeetingTemplate").map((o) => o.key),
      ...(extraTemplates > world.templatesRemoved ? [`${extraTemplates - world.templatesRemoved} template(s) beyond those removed from the program`] : []),
    ];
    const missing = [...stateKeys.keys()].filter((key) => !nowKeys.has(key));
    const duplicates = findDuplicates(world, now, accounts);
    const lostUpdates = await findLostUpdates(world, deployment, now, portal, accounts);

    return {
      operations,
      totalOperations: Object.values(operations).reduce((a, b) => a + b, 0),
      faultsInjected: stats.faultsInjected - statsBefore.faultsInjected,
      faultsByKind,
      faultKindsMissed: CHAOS_FAULT_KINDS.filter((kind) => !faultsByKind[kind]),
      apiRequests: stats.requests - statsBefore.requests,
      failed,
      unclear: failed.filter((f) => unclearReason(f) !== undefined),
      convergeErrors,
      changesAfterConverge,
      driftAfterConverge,
      declared: world.declarations.size,
      inState: state.length,
      orphans,
      missing,
      duplicates,
      lostUpdates,
      templatesLeftInZoom: extraTemplates,
      seconds: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    await control.clearFaults();
    await deployment.close();
  }
}

/** What identifies a declaration's object in the account listing: its kind's fixture says. */
function identifies(d: Declaration, o: AccountObject, accounts: EmulatorStateSummary): boolean {
  return fixtureOf(d.kind).matches(o, d.args, accounts);
}

function findDuplicates(world: World, now: readonly AccountObject[], accounts: EmulatorStateSummary): string[] {
  const out: string[] = [];
  for (const [name, d] of world.declarations) {
    const matching = now.filter((o) => identifies(d, o, accounts));
    if (matching.length > 1) out.push(`${name}: ${matching.length} objects (${matching.map((o) => o.key).join(", ")})`);
  }
  return out;
}

/** Declared values the account does not have, for each declaration, read through the portal. */
async function findLostUpdates(world: World, deployment: Deployment, now: readonly AccountObject[], portal: HttpZoomClient, accounts: EmulatorStateSummary): Promise<string[]> {
  const out: string[] = [];
  const byName = new Map(deployment.state.resources.filter((r) => r.custom).map((r) => [nameOf(r.urn), r]));
  const zoom: ZoomView = {
    accounts,
    read: async (operation, pathParams) => (await portal.request<Record<string, unknown>>({ operation, pathParams })).data ?? {},
  };
  for (const [name, d] of world.declarations) {
    const resource = byName.get(name);
    if (!resource?.id) {
      out.push(`${name}: not in state`);
      continue;
    }
    const key = stateKey(accounts, resource.type, resource.id);
    const object = now.find((o) => o.key === key);
    if (!object) {
      out.push(`${name}: ${key} not in the account`);
      continue;
    }
    for (const [what, want, have] of await fixtureOf(d.kind).chaos.declaredInZoom(d.args, object.item, zoom)) {
      if (JSON.stringify(want) !== JSON.stringify(have)) out.push(`${name}: ${what} is ${JSON.stringify(have)}, declared ${JSON.stringify(want)}`);
    }
  }
  return out;
}

/** One line per figure, for logs and the bench script. */
export function describeReport(report: ChaosReport): string {
  const ops = Object.entries(report.operations).map(([op, n]) => `${op} ${n}`).join(", ");
  return [
    `operations under faults: ${report.totalOperations} (${ops}); API requests ${report.apiRequests}, faults injected ${report.faultsInjected} (${((100 * report.faultsInjected) / Math.max(1, report.apiRequests)).toFixed(1)}%)`,
    `faults by kind: ${Object.entries(report.faultsByKind).map(([kind, n]) => `${kind} ${n}`).join(", ")}; kinds that never struck: ${report.faultKindsMissed.length === 0 ? "none" : report.faultKindsMissed.join(", ")}`,
    `failed under faults: ${report.failed.length}, of which unclear: ${report.unclear.length}`,
    `converging up errors: ${report.convergeErrors.length}; drift after converging: ${report.driftAfterConverge.length}; changes planned after: ${report.changesAfterConverge}`,
    `declared ${report.declared}, in state ${report.inState}; orphans ${report.orphans.length}, missing ${report.missing.length}, duplicates ${report.duplicates.length}, lost updates ${report.lostUpdates.length}; templates left in Zoom by design ${report.templatesLeftInZoom}`,
    `${report.seconds} s`,
  ].join("\n");
}
