/**
 * The start most reliability suites share: a resource testbed on the emulator, its account summary, a scheduled
 * meeting templates are made from, and (where cases make TSP accounts) a first TSP account for the TSP user.
 */
import type { EmulatorStateSummary } from "../../../emulator";
import { fixtureOf, type KindEnv } from "../../../fixtures/kinds";
import { seedAccount } from "../../../fixtures/seed";
import { startResourceTestbed, type Created, type ResourceTestbed } from "../../support/resources";

type TestbedArgs = Parameters<typeof startResourceTestbed>;

export interface ReliabilityBed {
  readonly bed: ResourceTestbed;
  readonly accounts: EmulatorStateSummary;
  readonly env: KindEnv;
}

export interface ReliabilityBedOptions {
  readonly emulator?: TestbedArgs[0];
  readonly stackConfig?: TestbedArgs[1];
  /**
   * Slot 1 for the TSP user (the master account's second user), so the slot 2 a case makes can be deleted again
   * (Zoom keeps a user's last TSP account).
   */
  readonly seedTspSlot?: boolean;
}

/** For `beforeAll`. Silences console.error: the provider says when it retries or looks for a create, as expected here. */
export async function startReliabilityBed(options: ReliabilityBedOptions = {}): Promise<ReliabilityBed> {
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  const bed = await startResourceTestbed(options.emulator, options.stackConfig);
  const accounts = await bed.control.state();
  const meeting = await bed.portal.request<{ id: number }>({
    operation: "meetingCreate",
    pathParams: { userId: "me" },
    body: { topic: "Template source", type: 2, start_time: "2031-01-01T10:00:00Z" },
  });
  if (options.seedTspSlot) {
    await seedAccount(bed.control, { tspSlots: [accounts.master.users[1]!.id] });
  }
  return { bed, accounts, env: { accounts, meetingId: meeting.data!.id } };
}

/** Deletes what a case made where Zoom bounds the count (six trunk assignments, two TSP slots). */
export async function freeBounded(bed: ResourceTestbed, kind: string, made: Created | undefined): Promise<void> {
  if (made && fixtureOf(kind).bounded) await bed.provider(kind).delete!(made.id, made.outs);
}
