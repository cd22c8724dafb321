/**
 * A create that times out while Zoom is still working on it, for every kind, against the emulator over real
 * HTTP: the client gives up after `zoom:requestTimeoutSeconds` (1 s here), and the emulator applies the create
 * half a second later. Looking for the object at once would miss it and a second attempt would make a
 * duplicate (a second meeting: Zoom allows any number alike). The resource gives Zoom as long again to finish,
 * then finds the object: ONE create request, ONE object, its id in state.
 *
 * All kinds at once, as Pulumi runs creates, so the waits overlap and the test stays short.
 */
import type { EmulatorExchange, EmulatorStateSummary, FaultRule } from "../../emulator";
import type { Created, ResourceTestbed } from "../support/resources";
import { accountObjects, stateKey } from "../../fixtures/account";
import { KIND_CASES, type KindEnv } from "./support/kinds";
import { startReliabilityBed } from "./support/testbed";

let bed: ResourceTestbed;
let env: KindEnv;
let accounts: EmulatorStateSummary;
const exchanges: EmulatorExchange[] = [];

beforeAll(async () => {
  ({ bed, accounts, env } = await startReliabilityBed({
    emulator: { onExchange: (e) => exchanges.push(e) },
    stackConfig: { "zoom:requestTimeoutSeconds": "1" },
    seedTspSlot: true,
  }));
});
afterAll(async () => bed.close());

test("every kind: a create that timed out and was applied late is found, not sent again (one request, one object, in state)", async () => {
  const cases = KIND_CASES.map((kind, i) => ({ kind, declared: kind.declare(900 + i, env) }));
  // The first create request of each operation is held 1.5 s before Zoom applies it: past the client's 1 s.
  const perOperation = new Map<string, number>();
  for (const { kind } of cases) perOperation.set(kind.createOperation, (perOperation.get(kind.createOperation) ?? 0) + 1);
  const rules: FaultRule[] = [...perOperation].map(([operationId, times]) => ({ match: { operationId: operationId as never }, fault: { kind: "delay", ms: 1500 }, times }));
  await bed.control.setFaults({ rules });
  const since = exchanges.length;
  const injectedBefore = (await bed.control.stats()).faultsInjected;

  const results = await Promise.all(
    cases.map(({ kind, declared }, i) =>
      bed.create(kind.kind, `late-${i}`, declared).then(
        (created: Created) => ({ ok: true as const, created }),
        (error: unknown) => ({ ok: false as const, error: String(error) }),
      ),
    ),
  );
  // Anything still held by the emulator lands within the second.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await bed.control.clearFaults();
  expect((await bed.control.stats()).faultsInjected - injectedBefore).toBe(cases.length);

  const problems: string[] = [];
  const listed = await accountObjects(bed.portal, accounts);
  cases.forEach(({ kind, declared }, i) => {
    const result = results[i]!;
    const found = listed.filter((o) => kind.matches(o, declared, env));
    if (!result.ok) problems.push(`${kind.name}: failed (${result.error.slice(0, 300)}); ${found.length} object(s) in Zoom`);
    else if (found.length !== 1) problems.push(`${kind.name}: ${found.length} objects in Zoom (${found.map((o) => o.key).join(", ")})`);
    else if (stateKey(accounts, `zoom:${kind.kind}`, result.created.id) !== found[0]!.key) problems.push(`${kind.name}: state holds ${result.created.id}, Zoom has ${found[0]!.key}`);
  });
  expect(problems).toEqual([]);
  // One create request per case: the timed-out one, never re-sent.
  for (const [operationId, times] of perOperation) {
    expect([operationId, exchanges.slice(since).filter((e) => e.kind === "api" && e.operationId === operationId).length]).toEqual([operationId, times]);
  }
});
