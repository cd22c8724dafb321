/**
 * `sendTogether` (provider/framework/sendTogether.ts): fields Zoom needs in the same request as another go with
 * it, in create and update bodies alike. The rule over plain declarations (declared partner, undeclared partner
 * with and without a fallback, partner already in the body, a value that does not call for it, partners that
 * call for partners), then the meeting's two rules through ZoomCalls and the real client, as the bodies the
 * emulator received.
 */
import { createClient } from "../../provider/client";
import type { ResourceDefinition } from "../../provider/framework/definition";
import { classify } from "../../provider/framework/propertyClasses";
import { withPartners, type TogetherRule } from "../../provider/framework/sendTogether";
import { ZoomCalls } from "../../provider/framework/zoomCalls";
import { listCacheFor } from "../../provider/framework/listCache";
import type { OperationContext } from "../../provider/framework/definition";
import { meetingDefinition } from "../../provider/resources/meeting";
import type { EmulatorExchange } from "../../emulator";
import { FAST_RETRIES, settingsFor } from "../client/helpers";
import { useFreshEmulator } from "../support/emulator";

const rules: readonly TogetherRule[] = [
  { when: "settings.joinBeforeHost", is: true, send: "settings.waitingRoom", otherwise: false, why: "waiting room off" },
  { when: "type", is: 8, send: "recurrence", why: "recurrence with type 8" },
];

describe("the rule", () => {
  test("a body carrying the field at the declared value gets the declared partner, whole where Zoom validates it whole", () => {
    const declared = { type: 8, recurrence: { type: 1, repeatInterval: 2 }, settings: { joinBeforeHost: true, waitingRoom: false } };
    expect(withPartners({ type: 8 }, declared, rules, ["recurrence"])).toEqual({ type: 8, recurrence: { type: 1, repeatInterval: 2 } });
    expect(withPartners({ settings: { joinBeforeHost: true } }, declared, rules, [])).toEqual({ settings: { joinBeforeHost: true, waitingRoom: false } });
  });

  test("an undeclared partner is sent as `otherwise`, or not at all without one", () => {
    expect(withPartners({ settings: { joinBeforeHost: true, jbhTime: 15 } }, { settings: { joinBeforeHost: true, jbhTime: 15 } }, rules, [])).toEqual({
      settings: { joinBeforeHost: true, jbhTime: 15, waitingRoom: false },
    });
    expect(withPartners({ type: 8 }, { type: 8 }, rules, ["recurrence"])).toEqual({ type: 8 });
  });

  test("a partner already in the body stays as it is", () => {
    const declared = { type: 8, recurrence: { type: 2, weeklyDays: "2", endTimes: 3 }, settings: { joinBeforeHost: true, waitingRoom: false } };
    const body = { type: 8, recurrence: { type: 2, weeklyDays: "2", endTimes: 3 }, settings: { joinBeforeHost: true, waitingRoom: false } };
    expect(withPartners(body, declared, rules, ["recurrence"])).toEqual(body);
  });

  test("another value, or the field absent from the body, calls for nothing", () => {
    const declared = { type: 2, recurrence: { type: 1 }, settings: { joinBeforeHost: false, hostVideo: true } };
    expect(withPartners({ type: 2, settings: { joinBeforeHost: false } }, declared, rules, [])).toEqual({ type: 2, settings: { joinBeforeHost: false } });
    expect(withPartners({ settings: { hostVideo: true } }, declared, rules, [])).toEqual({ settings: { hostVideo: true } });
    // Without `is`, any value calls for the partner.
    expect(withPartners({ type: 2 }, declared, [{ when: "type", send: "recurrence", why: "" }], [])).toEqual({ type: 2, recurrence: { type: 1 } });
  });

  test("a partner may call for its own partner; the declaration and the body are left untouched", () => {
    const chain: TogetherRule[] = [
      { when: "b", send: "c", otherwise: "fallback", why: "" },
      { when: "a", send: "b", why: "" },
    ];
    const declared = { a: 1, b: { x: 2 } };
    const body = { a: 1 };
    expect(withPartners(body, declared, chain, [])).toEqual({ a: 1, b: { x: 2 }, c: "fallback" });
    expect(body).toEqual({ a: 1 });
    const nested = { settings: { joinBeforeHost: true } };
    withPartners(nested, nested, rules, []);
    expect(nested).toEqual({ settings: { joinBeforeHost: true } });
  });
});

describe("the meeting's rules, as Zoom receives them", () => {
  const bodies: { method: string; body: Record<string, unknown> }[] = [];
  const t = useFreshEmulator({
    onExchange: (exchange: EmulatorExchange) => {
      if (exchange.kind === "api" && (exchange.method === "POST" || exchange.method === "PATCH") && exchange.requestBody) {
        bodies.push({ method: exchange.method, body: JSON.parse(exchange.requestBody) as Record<string, unknown> });
      }
    },
  });
  beforeEach(() => void bodies.splice(0));

  const definition = meetingDefinition as unknown as ResourceDefinition;
  const calls = () => new ZoomCalls(definition, classify(definition));
  const context = (): OperationContext => {
    const client = createClient(settingsFor(t.emulator, { plan: "business" }), { ...FAST_RETRIES, limiter: "isolated", env: {} });
    return { client, label: "test", lists: listCacheFor(client), warn: () => undefined };
  };
  const sent = (method: string) => bodies.filter((b) => b.method === method).map((b) => b.body);

  test("create: joinBeforeHost without waitingRoom sends the waiting room off; a declared waitingRoom is sent as declared", async () => {
    const ctx = context();
    await calls().createOnce(ctx, { userId: "me", topic: "Early", startTime: "2031-02-03T10:00:00Z", settings: { joinBeforeHost: true } });
    await calls().createOnce(ctx, { userId: "me", topic: "Early", startTime: "2031-02-03T10:00:00Z", settings: { joinBeforeHost: true, waitingRoom: false, hostVideo: true } });
    await calls().createOnce(ctx, { userId: "me", topic: "Late", startTime: "2031-02-03T10:00:00Z", settings: { joinBeforeHost: false } });
    expect(sent("POST").map((b) => b.settings)).toEqual([
      { join_before_host: true, waiting_room: false },
      { join_before_host: true, waiting_room: false, host_video: true },
      { join_before_host: false },
    ]);
  });

  test("update: type 8 takes the declared recurrence (its end in UTC), joinBeforeHost its waiting room; an undeclared recurrence is not invented", async () => {
    const ctx = context();
    const { zoomId } = await calls().createOnce(ctx, { userId: "me", topic: "Becomes daily", startTime: "2031-02-03T10:00:00Z" });
    const ref = { zoomId };
    const becomes = {
      userId: "me",
      topic: "Becomes daily",
      type: 8,
      timezone: "Europe/Berlin",
      startTime: "2031-02-03T10:00:00Z",
      recurrence: { type: 1, repeatInterval: 1, endDateTime: "2031-02-20T10:00:00" },
      settings: { joinBeforeHost: true, jbhTime: 15 },
    };
    await calls().update(ctx, ref, zoomId, becomes, ["type", "settings.joinBeforeHost"], becomes);
    const declaredWaitingRoom = { ...becomes, settings: { joinBeforeHost: true, waitingRoom: false } };
    await calls().update(ctx, ref, zoomId, declaredWaitingRoom, ["settings.joinBeforeHost"], declaredWaitingRoom);
    const { recurrence: _, ...withoutRecurrence } = becomes;
    await calls().update(ctx, ref, zoomId, withoutRecurrence, ["topic", "type"], withoutRecurrence);
    expect(sent("PATCH")).toEqual([
      {
        type: 8,
        recurrence: { type: 1, repeat_interval: 1, end_date_time: "2031-02-20T09:00:00Z" },
        settings: { join_before_host: true, waiting_room: false },
      },
      { settings: { join_before_host: true, waiting_room: false } },
      { topic: "Becomes daily", type: 8 },
    ]);
  });
});
