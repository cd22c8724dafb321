/**
 * Updating an object that was deleted outside Pulumi (the web portal, another tool), for every kind Zoom can
 * update in place: the error says what happened and what to do (`pulumi refresh` or `pulumi up --refresh`
 * recreates it), with Zoom's own answer, instead of a bare "Zoom 404 (code 3001): Meeting does not exist".
 */
import type { EmulatorStateSummary } from "../../emulator";
import { seedAccount } from "../../fixtures/seed";
import { startResourceTestbed, type ResourceTestbed } from "../support/resources";
import { KIND_CASES, type KindEnv } from "./support/kinds";

let bed: ResourceTestbed;
let env: KindEnv;
let accounts: EmulatorStateSummary;

beforeAll(async () => {
  bed = await startResourceTestbed();
  accounts = await bed.control.state();
  // Slot 1 for the TSP user, so the slot 2 a test makes can be deleted (Zoom keeps a user's last one).
  await seedAccount(bed.control, { tspSlots: [accounts.master.users[1]!.id] });
  env = { accounts, meetingId: 0 };
});
afterAll(async () => bed.close());

// Every kind whose fixture has an in-place change (the others are replaced, never updated).
const updatable = KIND_CASES.filter((k) => k.change !== undefined);

test.each(updatable.map((k, i) => [k.name, k, i] as const))("%s: says it was deleted outside Pulumi and how to recreate it", async (_name, kind, i) => {
  const declared = kind.declare(900 + i, env);
  const created = await bed.create(kind.kind, `gone-${i}`, declared);
  // Deleted out of band: the provider's own delete is one more client of Zoom's API.
  await bed.provider(kind.kind).delete!(created.id, created.outs);
  const news = await bed.checked(kind.kind, created, kind.change!(declared, i));
  const error = await bed.provider(kind.kind).update!(created.id, created.outs, news).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  const message = (error as Error).message;
  expect(message).toMatch(new RegExp(`^updating zoom:${kind.kind} "gone-${i}": .* was deleted outside Pulumi, so it cannot be updated \\(Zoom \\d{3}`));
  expect(message).toContain("`pulumi refresh` (or `pulumi up --refresh`) drops it from the state, and the up recreates it as declared");
});
