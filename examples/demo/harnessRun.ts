/**
 * The demo through the engine contract harness (harness/): the Pulumi CLI is not needed. The harness drives
 * the real dynamic-provider host from @pulumi/pulumi over gRPC as the engine does, runs the org program under the
 * Pulumi runtime, and keeps the stack state in memory.
 */
import { Deployment, plainValue, type PlanSummary } from "../../harness";
import { block, plural, say, section, seconds, table } from "./format";
import { inventory } from "./inventory";
import { showWhatZoomKept } from "./leftovers";
import { describeObject, kindOf, nameOf } from "./objects";
import { driftReport, editByHand, HAND_EDIT, orgProgram, orgSourceDir, type DemoAccount } from "./setup";

async function timed<T>(body: () => Promise<T>): Promise<[T, number]> {
  const started = Date.now();
  const result = await body();
  return [result, Date.now() - started];
}

const customSteps = (summary: PlanSummary) => summary.steps.filter((s) => s.custom);
/** A join URL without its query: `pwd=` is the passcode, which the demo never prints. */
const maskedUrl = (url: string) => url.replace(/\?.*$/, "?pwd=[secret]");

export async function runWithHarness(project: string, account: DemoAccount): Promise<void> {
  const deployment = new Deployment({
    project,
    stack: "demo",
    // The host's working directory is the program's: the provider code in the state loads pulumi-zoom from there.
    cwd: orgSourceDir,
    config: account.config,
    secretConfigKeys: account.secretKeys,
  });
  const before = await inventory(account.portal, account.accounts);

  section("pulumi up: the first run creates the account's objects");
  const [first, upMs] = await timed(() => deployment.up(orgProgram));
  const created = customSteps(first).filter((s) => s.op === "create");
  const byUrn = new Map(deployment.state.resources.map((r) => [r.urn, r]));
  table(
    ["KIND", "NAME", "ID", "WHAT"],
    created.map((s) => {
      const resource = byUrn.get(s.urn);
      return [kindOf(s.type), nameOf(s.urn), s.id ?? "", resource ? describeObject(resource) : ""];
    }),
  );
  say();
  say(`${plural(created.length, "object")} created in ${seconds(upMs)}.`);
  say(`Stack output allHandsJoinUrl = ${maskedUrl(String(plainValue(first.outputs.allHandsJoinUrl)))} (a secret: shown without its passcode)`);

  section("pulumi up again: nothing to do");
  const second = await deployment.up(orgProgram);
  say(`${plural(customSteps(second).filter((s) => s.op === "same").length, "resource")} unchanged, ${plural(second.changes, "change")}: the program and Zoom agree.`);

  section("An edit by hand");
  const allHands = deployment.state.resources.find((r) => r.custom && nameOf(r.urn) === HAND_EDIT.resource);
  if (!allHands) throw new Error(`the stack has no ${HAND_EDIT.resource} resource`);
  const meetingId = String(plainValue(allHands.outputs.meetingId));
  await editByHand(account.portal, meetingId);
  say(`Someone opens the all-hands in Zoom's web portal and makes it ${HAND_EDIT.to} minutes instead of ${HAND_EDIT.from}.`);
  say(`(Here: PATCH /meetings/${meetingId} {"${HAND_EDIT.property}": ${HAND_EDIT.to}} through Zoom's API, outside Pulumi.)`);

  section("The drift is reported: pulumi stack export | pulumi-zoom drift");
  const drift = await driftReport(JSON.stringify(deployment.exportState()), account.emulator);
  block(drift.stdout);
  say();
  say(`pulumi-zoom drift exited with ${drift.code} (0 in sync, 2 drift found, 1 error).`);
  if (drift.code === 1) block(drift.stderr);

  section("pulumi refresh, then pulumi up: the repair");
  const refreshed = await deployment.refresh();
  const changed = customSteps(refreshed).filter((s) => s.op !== "same");
  say(`refresh: ${plural(changed.length, "resource")} differ${changed.length === 1 ? "s" : ""} from the stack (${changed.map((s) => `${kindOf(s.type)} ${nameOf(s.urn)}`).join(", ") || "none"}); the stack now records what Zoom has.`);
  const repair = await deployment.up(orgProgram);
  const updates = customSteps(repair).filter((s) => s.op !== "same");
  say(`up: ${updates.map((s) => `${s.op} ${kindOf(s.type)} ${nameOf(s.urn)}`).join(", ") || "nothing to do"}, as the program declares it.`);
  const live = await account.portal.request<Record<string, unknown>>({ operation: "meeting", pathParams: { meetingId } });
  say(`Zoom now has ${HAND_EDIT.property} ${String(live.data?.[HAND_EDIT.property])} again.`);
  const recheck = await driftReport(JSON.stringify(deployment.exportState()), account.emulator);
  say(`pulumi-zoom drift: ${recheck.code === 0 ? "in sync" : `exit ${recheck.code}`}.`);

  section("pulumi destroy");
  const [destroyed, destroyMs] = await timed(() => deployment.destroy());
  const removed = customSteps(destroyed).filter((s) => s.op === "delete");
  say(`${plural(removed.length, "resource")} removed from the stack in ${seconds(destroyMs)}; the stack is empty.`);
  // The provider's warnings (on the host's stderr, which the CLI shows as diagnostics).
  for (const line of (destroyed.host?.stderr ?? "").split("\n").filter((l) => l.startsWith("warning:"))) say(`The provider warned: ${line.slice("warning:".length).trim()}`);
  say();
  await showWhatZoomKept(before, account);
}
