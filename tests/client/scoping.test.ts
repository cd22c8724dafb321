import { OPERATIONS, ZoomError, type HttpZoomClient, type OperationId } from "../../provider/client";
import { FAST_RETRIES, isolatedClient, settingsFor, startUncheckedEmulator, type TestEmulator } from "./helpers";

let t: TestEmulator;
let client: HttpZoomClient;

beforeAll(async () => {
  // Unchecked: this file sends ids that do not exist on purpose and looks only at the paths sent.
  t = await startUncheckedEmulator({ plan: "unlimited" });
  client = isolatedClient(settingsFor(t.emulator, { plan: "business" }), FAST_RETRIES).client;
});
afterAll(() => t.close());
beforeEach(() => t.control.reset());

const ids = Object.keys(OPERATIONS) as OperationId[];

/** A value for every placeholder: `p-<name>`, or a number for meeting ids. */
function paramsFor(id: OperationId): Record<string, string | number> {
  const names = [...OPERATIONS[id].path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");
  return Object.fromEntries(names.map((n) => [n, n === "meetingId" ? 85746065 : `p-${n}`]));
}

function expectedPath(id: OperationId, accountPrefix: string): string {
  return `/v2${accountPrefix}${OPERATIONS[id].path.replace(/\{(\w+)\}/g, (_m, n: string) => String(paramsFor(id)[n]))}`;
}

/** Sends the request; Zoom's answer (404 for ids that do not exist, 400 for empty bodies) does not matter here. */
async function send(id: OperationId, accountId?: string): Promise<void> {
  const body = OPERATIONS[id].method === "GET" || OPERATIONS[id].method === "DELETE" ? undefined : {};
  try {
    await client.request({ operation: id, pathParams: paramsFor(id), ...(body ? { body } : {}), ...(accountId ? { accountId } : {}) });
  } catch (error) {
    if (!(error instanceof ZoomError)) throw error;
  }
}

const accountForms = ids.filter((id) => OPERATIONS[id].scope !== "plainOnly");

test.each(accountForms)("%s: /accounts/{accountId} form when an account is given", async (id) => {
  await send(id, t.emulator.accountId);
  const [entry] = await t.control.requests();
  expect(entry?.method).toBe(OPERATIONS[id].method);
  expect(entry?.rawPath).toBe(expectedPath(id, `/accounts/${t.emulator.accountId}`));
});

test.each(ids)("%s: plain form when not (accounts/me for account-only operations)", async (id) => {
  await send(id);
  const [entry] = await t.control.requests();
  const prefix = OPERATIONS[id].scope === "accountOnly" ? "/accounts/me" : "";
  expect(entry?.rawPath).toBe(expectedPath(id, prefix));
});

test("a plainOnly operation (the master's sub-account list) refuses an account, before sending", async () => {
  await expect(client.request({ operation: "accounts", accountId: t.emulator.accountId })).rejects.toThrow(/no \/accounts\/\{accountId\} form/);
  expect(await t.control.requests()).toEqual([]);
});

test("ids are percent-encoded on the wire and cannot leave their segment", async () => {
  await send("trackingfieldGet", "sub/../x");
  await client.request({ operation: "trackingfieldList", query: { q: "a b&c" } }).catch(() => undefined);
  const [first, second] = await t.control.requests();
  expect(first?.rawPath).toBe("/v2/accounts/sub%2F..%2Fx/tracking_fields/p-fieldId");
  expect(second?.query).toBe("q=a+b%26c");
});
