/**
 * An object Zoom made whose read-back failed is kept in state with its id (ResourceInitError), and the next
 * `up` completes its state instead of creating it again.
 */
import { ResourceInitError } from "../../provider/framework/errors";
import { startResourceTestbed, type Props, type ResourceTestbed } from "../support/resources";

let bed: ResourceTestbed;
beforeAll(async () => {
  bed = await startResourceTestbed();
});
afterAll(async () => bed.close());

test("a trunk assigned but not read back is recorded, then completed by the next plan, without a second assignment", async () => {
  const state = await bed.control.state();
  const trunk = state.master.sipTrunks[0]!;
  const declared = { accountId: state.subAccounts[0]!.id, trunkId: trunk.id, dnis: `${trunk.dnis.slice(0, 5)}42` };
  // The assignment succeeds; the list read that follows answers a page with neither list nor paging fields
  // (malformed, and not retried: a garbled HTML page would be asked again and succeed).
  await bed.control.setFaults({
    rules: [{ match: { operationId: "ListSIPTrunks" }, fault: { kind: "respond", status: 200, body: "{}", contentType: "application/json" }, times: 1 }],
  });
  const provider = bed.provider("SipTrunk");
  const checked = (await provider.check!({}, { __logicalName: "trunk", ...declared })).inputs as Props;
  const failure = await provider.create(checked).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(ResourceInitError);
  const partial = failure as ResourceInitError;
  expect(partial.id).toBe(`${declared.accountId}/${trunk.id}`);
  expect(partial.message).toContain('creating zoom:SipTrunk "trunk": created');

  // Next `up`: the declaration is unchanged, yet the partial object is planned for an update that reads it back.
  const stats = await bed.control.stats();
  const diff = await provider.diff!(partial.id, { ...partial.properties, __provider: "x" }, checked);
  expect(diff).toMatchObject({ changes: true, replaces: [] });
  const { outs } = await provider.update!(partial.id, partial.properties, checked);
  expect(outs).toMatchObject({ name: expect.any(String), sipServerAddress: expect.any(String), dnis: declared.dnis });
  const after = await bed.control.stats();
  expect(after.byOperation.AssignSIPTrunks ?? 0).toBe(stats.byOperation.AssignSIPTrunks ?? 0);
  // And the plan after that is clean.
  expect((await provider.diff!(partial.id, outs as Props, checked)).changes).toBe(false);
});
