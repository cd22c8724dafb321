/**
 * Generative adoption through the engine harness and the real host: a random valid object made in the portal,
 * adopted with another random valid declaration (`adoptId`). Whatever the two are: no object is created, the
 * stack's state holds the declaration, and the second `up` plans nothing.
 *
 * Declarations are drawn per kind and kept only when the resource's own zod schema accepts them. The fast run
 * (in `npm test`) makes a few per kind; `ADOPT_RUNS=500 ADOPT_SEED=<n> npx jest tests/e2e/adoptionGenerative`
 * runs more. The seed is printed, so any failure is reproducible.
 */
import fc from "fast-check";
import type { z } from "zod";
import * as zoom from "../../provider";
import { toZoom } from "../../provider/framework/case";
import { definitionOf } from "../../provider/resources/registry";
import type { OperationId } from "../../catalogue/operations";
import { Deployment } from "../../harness";
import { startTestEmulator, zoomConfig, type TestEmulator } from "../support/emulator";
import { portalClient } from "../support/resources";
import { ROOT } from "../importer/program";

const RUNS = Number(process.env.ADOPT_RUNS ?? 3);
const SEED = Number(process.env.ADOPT_SEED ?? Date.now() % 2 ** 31);

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ plan: "unlimited" });
  console.log(`adoptionGenerative: seed ${SEED}, ${RUNS} runs per kind (ADOPT_SEED / ADOPT_RUNS to change)`);
});
afterAll(async () => emu.close());

let counter = 0;
const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,18}[A-Za-z0-9]$/);

interface Case {
  readonly kind: "TrackingField" | "H323Device" | "Meeting";
  /** Valid declarations of the kind; `unique` makes the object's name unique in the account. */
  readonly declaration: fc.Arbitrary<Record<string, unknown>>;
  /** The adopted declaration keeps what must stay (the name Zoom keeps unique), so a clash is not the test. */
  readonly unique: (declared: Record<string, unknown>, n: number) => Record<string, unknown>;
  readonly list: { readonly operation: OperationId; readonly itemsKey: string; readonly pathParams?: Record<string, string> };
  /** The property that names the object, in the declaration and in Zoom's list. */
  readonly nameKey: string;
}

const CASES: readonly Case[] = [
  {
    kind: "TrackingField",
    declaration: fc.record(
      { field: word, recommendedValues: fc.uniqueArray(word, { maxLength: 4 }).map((v) => [...v].sort()), required: fc.boolean(), visible: fc.boolean() },
      { requiredKeys: ["field"] },
    ),
    unique: (d, n) => ({ ...d, field: `${String(d.field)} ${n}` }),
    list: { operation: "trackingfieldList", itemsKey: "tracking_fields" },
    nameKey: "field",
  },
  {
    kind: "H323Device",
    declaration: fc.record({ name: word, ip: fc.ipV4(), protocol: fc.constantFrom("H.323", "SIP"), encryption: fc.constantFrom("auto", "yes", "no") }),
    unique: (d, n) => ({ ...d, name: `${String(d.name)} ${n}` }),
    list: { operation: "deviceList", itemsKey: "devices" },
    nameKey: "name",
  },
  {
    kind: "Meeting",
    declaration: fc.record(
      {
        topic: word,
        type: fc.constant(2),
        startTime: fc.date({ min: new Date("2031-01-01T00:00:00Z"), max: new Date("2032-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => `${d.toISOString().slice(0, 19)}Z`),
        duration: fc.integer({ min: 1, max: 1440 }),
        agenda: word,
        settings: fc.record({ waitingRoom: fc.boolean(), muteUponEntry: fc.boolean(), hostVideo: fc.boolean() }, { requiredKeys: [] }),
      },
      { requiredKeys: ["topic", "type", "startTime"] },
    ),
    unique: (d, n) => ({ ...d, topic: `${String(d.topic)} ${n}` }),
    list: { operation: "meetings", itemsKey: "meetings", pathParams: { userId: "me" } },
    nameKey: "topic",
  },
];

function plain(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/** Only what the resource's zod schema accepts as it is: the generator must not hide invalid declarations. */
function valid(kind: string, declared: Record<string, unknown>): boolean {
  return (definitionOf(kind).schema as z.ZodObject).safeParse(declared).success;
}

describe.each(CASES)("$kind", ({ kind, declaration, unique, list, nameKey }) => {
  test("a portal-made object adopted with any valid declaration: no duplicate, state holds the declaration, the second up plans nothing", async () => {
    const portal = portalClient(emu.emulator);
    const stack = new Deployment({ project: `adopt-gen-${kind}`, stack: "dev", cwd: ROOT, config: zoomConfig(emu.emulator), secretConfigKeys: ["zoom:clientSecret"] });
    /** Ids of the objects in Zoom named `name`. */
    const named = async (name: unknown) => {
      const items = (await portal.request<Record<string, Record<string, unknown>[]>>({ operation: list.operation, pathParams: list.pathParams, query: { page_size: 300 } })).data?.[list.itemsKey] ?? [];
      return items.filter((item) => item[nameKey] === name).map((item) => String(item.id));
    };
    const Resource = (zoom as unknown as Record<string, new (name: string, args: object) => unknown>)[kind]!;
    try {
      await fc.assert(
        fc.asyncProperty(declaration.filter((d) => valid(kind, d)), declaration.filter((d) => valid(kind, d)), async (drawnMade, drawnDeclared) => {
          // fast-check's records have no prototype; a program's object literals do (the SDK stringifies them).
          const [made, declared] = [plain(drawnMade), plain(drawnDeclared)];
          const n = ++counter;
          const existing = unique(made, n);
          const create = definitionOf(kind).create;
          const answer = await portal.request<{ id: string | number }>({ operation: create.operation, pathParams: kind === "Meeting" ? { userId: "me" } : undefined, body: toZoom(existing) });
          const id = String(answer.data!.id);
          const adopted = unique(declared, n);
          const name = `adopted-${n}`;
          const program = () => void new Resource(name, { adoptId: id, ...adopted });
          const first = await stack.up(program);
          if (process.env.ADOPT_DEBUG) console.log(JSON.stringify(first.steps.map((s) => [s.op, s.custom, s.id, s.urn])));
          expect(first.steps.filter((s) => s.custom && s.op === "create").map((s) => s.id)).toEqual([id]);
          // No duplicate: the one object with the declared name is the adopted one.
          expect(await named(adopted[nameKey])).toEqual([id]);
          const state = stack.exportState().deployment.resources!.find((r) => r.urn.endsWith(`::${name}`))!;
          expect(state.id).toBe(id);
          expect(state.outputs).toMatchObject(adopted);
          expect((await stack.up(program)).changes).toBe(0);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    } finally {
      await stack.destroy().catch(() => undefined);
      await stack.close();
    }
  }, 60_000 + RUNS * 30_000);
});
