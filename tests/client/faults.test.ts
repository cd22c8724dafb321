import {
  ZoomApiError,
  ZoomNetworkError,
  ZoomOutcomeUnknownError,
  ZoomRateLimitError,
  ZoomResponseError,
  type HttpZoomClient,
} from "../../provider/client";
import type { Fault } from "../../emulator";
import { FAST_RETRIES, isolatedClient, rejectionOf, settingsFor, startClientTestEmulator, type TestEmulator } from "./helpers";

let t: TestEmulator;
let client: HttpZoomClient;

beforeAll(async () => {
  t = await startClientTestEmulator();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.control.reset();
  client = isolatedClient(settingsFor(t.emulator), FAST_RETRIES).client;
});

async function createField(name: string): Promise<string> {
  const created = await client.request<{ id: string }>({ operation: "trackingfieldCreate", body: { field: name } });
  return created.data?.id ?? "";
}

async function fieldNames(): Promise<string[]> {
  const list = await client.request<{ tracking_fields: { field: string }[] }>({ operation: "trackingfieldList" });
  return (list.data?.tracking_fields ?? []).map((f) => f.field);
}

async function apiRequests(method?: string): Promise<number> {
  return (await t.control.requests()).filter((r) => method === undefined || r.method === method).length;
}

describe("429 per-second limits", () => {
  test("QPS 429s are waited out (Retry-After) and retried, also for POST", async () => {
    const qps: Fault = { kind: "status", status: 429, retryAfterSeconds: 1 };
    await t.control.setFaults({ sequence: { match: { operationId: "trackingfieldCreate" }, steps: [qps, qps] } });
    // Retry-After: 1 is more than FAST_RETRIES' longest wait; this client honours it.
    client = isolatedClient(settingsFor(t.emulator), { retry: { maxDelayMs: 2000 } }).client;
    await createField("after-429");
    expect(await fieldNames()).toEqual(["after-429"]);
    expect(client.counters.rateLimited).toBe(2);
    expect(client.counters.retries).toBe(2);
    expect((await t.control.requests()).filter((r) => r.method === "POST").map((r) => r.status)).toEqual([429, 429, 201]);
  });

  test("a 429 without any rate-limit header is treated as per-second", async () => {
    const bare: Fault = { kind: "respond", status: 429, body: JSON.stringify({ code: 429, message: "Too many requests" }), contentType: "application/json" };
    await t.control.setFaults({ sequence: { match: { operationId: "trackingfieldList" }, steps: [bare] } });
    await client.request({ operation: "trackingfieldList" });
    expect(await apiRequests()).toBe(2);
  });

  test("per-second 429s beyond the retry budget: ZoomRateLimitError (perSecond)", async () => {
    const { client: patient } = isolatedClient(settingsFor(t.emulator), { ...FAST_RETRIES, retry: { ...FAST_RETRIES.retry, maxAttempts: 3 } });
    await t.control.setFaults({ rules: [{ match: { operationId: "trackingfieldList" }, fault: { kind: "status", status: 429, retryAfterSeconds: 0 } }] });
    const error = await rejectionOf(patient.request({ operation: "trackingfieldList" }));
    expect(error).toBeInstanceOf(ZoomRateLimitError);
    expect((error as ZoomRateLimitError).limit).toBe("perSecond");
    expect(await apiRequests()).toBe(3);
  });

  test("a daily limit fails at once and says when it resets", async () => {
    const daily: Fault = {
      kind: "respond",
      status: 429,
      contentType: "application/json",
      body: JSON.stringify({ code: 429, message: "You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request." }),
    };
    await t.control.setFaults({ rules: [{ match: { operationId: "trackingfieldCreate" }, fault: daily }] });
    const error = await rejectionOf(client.request({ operation: "trackingfieldCreate", body: { field: "x" }, context: 'creating zoom:TrackingField "x"' }));
    expect(error).toBeInstanceOf(ZoomRateLimitError);
    const limit = error as ZoomRateLimitError;
    expect(limit.limit).toBe("dailyCategory");
    expect(limit.resetsAt?.toISOString()).toMatch(/T00:00:00\.000Z$/);
    expect(error.message).toMatch(/^creating zoom:TrackingField "x": Zoom 429: the account's daily limit for requests is used up; it resets at \S+T00:00:00\.000Z/);
    expect(await apiRequests()).toBe(1);
  });
});

describe("5xx", () => {
  test("GET, PATCH and DELETE are retried", async () => {
    const id = await createField("five-hundred");
    await t.control.setFaults({
      rules: [{ match: { method: "PATCH" }, fault: { kind: "status", status: 503 }, times: 2 }, { match: { method: "DELETE" }, fault: { kind: "status", status: 500 }, times: 1 }, { match: { method: "GET" }, fault: { kind: "status", status: 502 }, times: 1 }],
    });
    await client.request({ operation: "trackingfieldUpdate", pathParams: { fieldId: id }, body: { field: "renamed" } });
    const got = await client.request<{ field: string }>({ operation: "trackingfieldGet", pathParams: { fieldId: id } });
    expect(got.data?.field).toBe("renamed");
    const deleted = await client.request({ operation: "trackingfieldDelete", pathParams: { fieldId: id } });
    expect(deleted.status).toBe(204);
    expect(deleted.data).toBeUndefined();
    const statuses = (await t.control.requests()).map((r) => `${r.method} ${r.status}`);
    expect(statuses).toEqual(["POST 201", "PATCH 503", "PATCH 503", "PATCH 204", "GET 502", "GET 200", "DELETE 500", "DELETE 204"]);
  });

  test("a POST answered 5xx is never re-sent: ZoomOutcomeUnknownError, one POST", async () => {
    await t.control.setFaults({ rules: [{ match: { method: "POST" }, fault: { kind: "status", status: 503 } }] });
    const error = await rejectionOf(client.request({ operation: "trackingfieldCreate", body: { field: "x" }, context: 'creating zoom:TrackingField "x"' }));
    expect(error).toBeInstanceOf(ZoomOutcomeUnknownError);
    expect((error as ZoomOutcomeUnknownError).status).toBe(503);
    expect(error.message).toMatch(/^creating zoom:TrackingField "x": the outcome of POST \/tracking_fields is unknown \(Zoom 503\)/);
    expect(await apiRequests("POST")).toBe(1);
  });

  test("why: a POST that was applied and then answered 502 did create the object", async () => {
    await t.control.setFaults({ sequence: { match: { method: "POST" }, steps: [{ kind: "applyThenStatus", status: 502 }] } });
    await expect(client.request({ operation: "trackingfieldCreate", body: { field: "applied" } })).rejects.toBeInstanceOf(ZoomOutcomeUnknownError);
    expect(await fieldNames()).toEqual(["applied"]);
    expect(await apiRequests("POST")).toBe(1);
  });

  test("5xx beyond the retry budget: ZoomApiError with Zoom's status", async () => {
    await t.control.setFaults({ rules: [{ match: { operationId: "trackingfieldList" }, fault: { kind: "status", status: 500 } }] });
    const error = await rejectionOf(client.request({ operation: "trackingfieldList" }));
    expect(error).toBeInstanceOf(ZoomApiError);
    expect((error as ZoomApiError).status).toBe(500);
    expect(await apiRequests()).toBe(6);
  });
});

describe("connections and timeouts", () => {
  test("a reset connection is retried for GET", async () => {
    await t.control.setFaults({ sequence: { match: { method: "GET" }, steps: [{ kind: "reset" }, { kind: "reset" }] } });
    await client.request({ operation: "trackingfieldList" });
    expect(await apiRequests()).toBe(3);
  });

  test("a reset connection on POST: ZoomOutcomeUnknownError, and the object may well exist", async () => {
    await t.control.setFaults({ sequence: { match: { method: "POST" }, steps: [{ kind: "applyThenDrop" }] } });
    const error = await rejectionOf(client.request({ operation: "trackingfieldCreate", body: { field: "dropped" } }));
    expect(error).toBeInstanceOf(ZoomOutcomeUnknownError);
    expect((error as ZoomOutcomeUnknownError).reason).toMatch(/connection reset|socket hang up|ECONNRESET/);
    expect(await fieldNames()).toEqual(["dropped"]);
    expect(await apiRequests("POST")).toBe(1);
  });

  test("a timed-out GET is retried; a timed-out POST is an unknown outcome", async () => {
    const { client: impatient } = isolatedClient(settingsFor(t.emulator), { ...FAST_RETRIES, timeoutMs: 200 });
    await t.control.setFaults({
      rules: [
        { match: { method: "GET" }, fault: { kind: "delay", ms: 1500 }, times: 1 },
        { match: { method: "POST" }, fault: { kind: "delay", ms: 1500 }, times: 1 },
      ],
    });
    await impatient.request({ operation: "trackingfieldList" });
    const error = await rejectionOf(impatient.request({ operation: "trackingfieldCreate", body: { field: "slow" } }));
    expect(error).toBeInstanceOf(ZoomOutcomeUnknownError);
    expect((error as ZoomOutcomeUnknownError).reason).toBe("timeout after 200 ms");
    expect(impatient.counters.retries).toBe(1);
  });

  test("connection refused is retried for every method, then ZoomNetworkError", async () => {
    const closed = await startClientTestEmulator();
    const settings = settingsFor(closed.emulator);
    const { client: stranded } = isolatedClient(settings, FAST_RETRIES);
    await stranded.request({ operation: "trackingfieldList" }); // token cached
    await closed.close();
    const error = await rejectionOf(stranded.request({ operation: "trackingfieldCreate", body: { field: "x" } }));
    expect(error).toBeInstanceOf(ZoomNetworkError);
    expect(error.message).toContain("could not reach Zoom: no answer from Zoom at ");
    expect(error.message).toMatch(/: 6 attempts in \d+ s: connection refused \(ECONNREFUSED\) \(x6\); tried up to 6 attempts within 45 s/);
  });
});

describe("malformed answers are errors, never crashes", () => {
  const html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";

  test("an HTML page on a GET", async () => {
    await t.control.setFaults({ rules: [{ match: { method: "GET" }, fault: { kind: "respond", status: 200, body: html } }] });
    const error = await rejectionOf(client.request({ operation: "trackingfieldList" }));
    expect(error).toBeInstanceOf(ZoomResponseError);
    expect(error.message).toContain("Zoom answered 200 with an HTML page instead of JSON (content-type text/html): 502 Bad Gateway");
  });

  test("an HTML 502 page is retried like any 5xx, then reported with its title", async () => {
    await t.control.setFaults({ rules: [{ match: { method: "GET" }, fault: { kind: "respond", status: 502, body: html } }] });
    const error = await rejectionOf(client.request({ operation: "trackingfieldList" }));
    expect(error).toBeInstanceOf(ZoomResponseError);
    expect((error as ZoomResponseError).status).toBe(502);
    expect(await apiRequests()).toBe(6);
  });

  test("truncated JSON, an empty 200, JSON that is not an object", async () => {
    for (const [body, problem] of [
      ['{"total_records":', "malformed JSON"],
      ["", "an empty body"],
      ["[1,2]", "JSON that is not an object"],
    ] as const) {
      await t.control.setFaults({ rules: [{ match: { method: "GET" }, fault: { kind: "respond", status: 200, body, contentType: "application/json" } }] });
      const error = await rejectionOf(client.request({ operation: "trackingfieldList" }));
      expect(error).toBeInstanceOf(ZoomResponseError);
      expect(error.message).toContain(problem);
    }
  });

  test("a created-but-unreadable POST answer is an unknown outcome (the object exists, its id is lost)", async () => {
    await t.control.setFaults({ rules: [{ match: { method: "POST" }, fault: { kind: "respond", status: 201, body: "" } }] });
    const error = await rejectionOf(client.request({ operation: "trackingfieldCreate", body: { field: "x" } }));
    expect(error).toBeInstanceOf(ZoomOutcomeUnknownError);
    expect((error as ZoomOutcomeUnknownError).cause).toBeInstanceOf(ZoomResponseError);
  });

  test("Zoom's own errors keep code, message, tracking id", async () => {
    const error = await rejectionOf(
      client.request({ operation: "trackingfieldGet", pathParams: { fieldId: "nope" }, context: 'reading zoom:TrackingField "t"' }),
    );
    expect(error).toBeInstanceOf(ZoomApiError);
    const api = error as ZoomApiError;
    expect([api.status, api.zoomCode]).toEqual([404, 5110]);
    expect(api.trackingId).toMatch(/^v=2\.0/);
    expect(error.message).toMatch(/^reading zoom:TrackingField "t": Zoom 404 \(code 5110\): Tracking field does not exist: nope\. \[trackingfieldGet GET \/tracking_fields\/\{fieldId\}, x-zm-trackingid v=2\.0/);
  });
});
