/**
 * `npm run test:live`: the examples' end-to-end run against a real Zoom account (see tests/live/README.md).
 * This module decides whether and where it runs, names what it makes, and sweeps up what it made.
 *
 * Every object a run makes is named `pzlive-<run id>-<the example's name>`: the run tells its objects from anyone
 * else's, and `--cleanup` removes every `pzlive-` object earlier runs left behind.
 */
import { randomBytes } from "node:crypto";
import type { ZoomEndpoint } from "../support/emulator";
import type { ZoomObjectEntry } from "../../examples/demo/inventory";
import { DEFAULT_API_URL, DEFAULT_OAUTH_URL, type HttpZoomClient, type OperationId } from "../../provider/client";
import { EXAMPLE_CASES, meetingWrites, type ExampleCase } from "../support/exampleRuns";

type Environment = Readonly<Record<string, string | undefined>>;

/** What every live run's object names start with. */
export const LIVE_PREFIX = "pzlive-";

/**
 * The examples a live run makes by default: those a plain Pro account with H.323 devices can take, and that
 * Zoom lets destroy remove entirely. The others need SIP-connected audio (sip-trunk, org), TSP enabled
 * (tsp-accounts), or leave what Zoom cannot delete (meeting-template, tsp-accounts, org: templates, the last
 * TSP account); `ZOOM_LIVE_EXAMPLES` chooses among the examples that need no emulator-only directory.
 */
export const DEFAULT_LIVE_EXAMPLES = ["tracking-fields", "meetings", "h323-room-systems"] as const;

/** Zoom's limit is 100 meeting creates and updates per user per UTC day; one run may use this much of it. */
export const DEFAULT_MEETING_BUDGET = 20;

/** Why a live run refuses to start, as the sentence the user reads. */
export class LiveRefusal extends Error {}

/** Zoom's URLs (or, for the rehearsal in `npm test`, an emulator's: `ZOOM_API_URL` / `ZOOM_OAUTH_URL`) and the app's credentials. */
export function liveEndpoint(env: Environment): ZoomEndpoint {
  if (env.ZOOM_LIVE_TESTS !== "1") {
    throw new LiveRefusal(
      "Refusing to run against Zoom: set ZOOM_LIVE_TESTS=1 to create and delete real objects in the account of " +
        "ZOOM_ACCOUNT_ID / ZOOM_CLIENT_ID / ZOOM_CLIENT_SECRET.",
    );
  }
  const missing = ["ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET"].filter((key) => !env[key]);
  if (missing.length > 0) {
    throw new LiveRefusal(`Refusing to run against Zoom: ${missing.join(", ")} not set (a Server-to-Server OAuth app's credentials).`);
  }
  return {
    url: env.ZOOM_API_URL || DEFAULT_API_URL,
    oauthUrl: env.ZOOM_OAUTH_URL || DEFAULT_OAUTH_URL,
    accountId: env.ZOOM_ACCOUNT_ID as string,
    clientId: env.ZOOM_CLIENT_ID as string,
    clientSecret: env.ZOOM_CLIENT_SECRET as string,
  };
}

/** The examples to run (`ZOOM_LIVE_EXAMPLES`, comma-separated), within the day's meeting budget. */
export function liveExamples(env: Environment): ExampleCase[] {
  const names = env.ZOOM_LIVE_EXAMPLES ? env.ZOOM_LIVE_EXAMPLES.split(",").map((n) => n.trim()).filter(Boolean) : [...DEFAULT_LIVE_EXAMPLES];
  const chosen = names.map((name) => {
    const example = EXAMPLE_CASES.find((c) => c.dir === name);
    if (!example) throw new LiveRefusal(`ZOOM_LIVE_EXAMPLES: no example ${name} (examples: ${EXAMPLE_CASES.map((c) => c.dir).join(", ")})`);
    if (example.config) throw new LiveRefusal(`ZOOM_LIVE_EXAMPLES: ${name} needs the emulator's sub-accounts and SIP trunks; it cannot run live`);
    return example;
  });
  const budget = Number(env.ZOOM_LIVE_MEETING_BUDGET ?? DEFAULT_MEETING_BUDGET);
  const writes = chosen.reduce((sum, example) => sum + meetingWrites(example), 0);
  if (!(writes <= budget)) {
    throw new LiveRefusal(
      `Refusing to run: these examples make ${writes} meeting creates/updates, over ZOOM_LIVE_MEETING_BUDGET=${budget} ` +
        "(Zoom allows 100 a day per user).",
    );
  }
  return chosen;
}

/** A fresh run's prefix: `pzlive-<UTC date and time>-<random>-`. */
export function runPrefix(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").slice(0, 13); // 20261206T0105
  return `${LIVE_PREFIX}${stamp.toLowerCase()}-${randomBytes(2).toString("hex")}-`;
}

/** A named object of the account: what the sweep finds and deletes. */
export interface NamedObject extends ZoomObjectEntry {
  name: string;
}

type Item = Record<string, unknown>;

interface Family {
  kind: string;
  list: OperationId;
  /** The list's property with the object's name (see NAME_PROPERTIES in tests/support/examples.ts). */
  nameKey: string;
  paged: boolean;
  userId?: string;
  delete(client: HttpZoomClient, id: string): Promise<unknown>;
}

/** The families the live examples make, in the order a sweep deletes them (meetings first: they reference fields). */
const FAMILIES: readonly Family[] = [
  {
    kind: "meetings",
    list: "meetings",
    nameKey: "topic",
    paged: true,
    userId: "me",
    // Quietly, as the provider deletes: no cancellation emails.
    delete: (client, id) =>
      client.request({ operation: "meetingDelete", pathParams: { meetingId: id }, query: { schedule_for_reminder: false, cancel_meeting_reminder: false } }),
  },
  {
    kind: "tracking_fields",
    list: "trackingfieldList",
    nameKey: "field",
    paged: false,
    delete: (client, id) => client.request({ operation: "trackingfieldDelete", pathParams: { fieldId: id } }),
  },
  {
    kind: "devices",
    list: "deviceList",
    nameKey: "name",
    paged: true,
    delete: (client, id) => client.request({ operation: "deviceDelete", pathParams: { deviceId: id } }),
  },
];

/** The account's objects whose name starts with `prefix`. */
export async function prefixedObjects(client: HttpZoomClient, prefix: string): Promise<NamedObject[]> {
  const found: NamedObject[] = [];
  for (const family of FAMILIES) {
    const pathParams = family.userId === undefined ? {} : { pathParams: { userId: family.userId } };
    const items: Item[] = [];
    if (family.paged) {
      for await (const item of client.paginate<Item>({ operation: family.list, itemsKey: family.kind, ...pathParams })) items.push(item);
    } else {
      const response = await client.request<Record<string, Item[] | undefined>>({ operation: family.list, ...pathParams });
      items.push(...(response.data?.[family.kind] ?? []));
    }
    for (const item of items) {
      const name = item[family.nameKey];
      if (typeof name !== "string" || !name.startsWith(prefix)) continue;
      found.push({ kind: family.kind, accountId: "me", ...(family.userId ? { userId: family.userId } : {}), id: String(item.id), name });
    }
  }
  return found;
}

/** Deletes every object whose name starts with `prefix`; what it deleted. An object already gone is not an error. */
export async function sweep(client: HttpZoomClient, prefix: string): Promise<NamedObject[]> {
  if (!prefix.startsWith(LIVE_PREFIX)) throw new Error(`sweep: ${prefix} is not a live run's prefix`);
  const found = await prefixedObjects(client, prefix);
  const deleted: NamedObject[] = [];
  for (const family of FAMILIES) {
    for (const object of found.filter((o) => o.kind === family.kind)) {
      try {
        await family.delete(client, object.id);
        deleted.push(object);
      } catch (error) {
        if ((error as { status?: number }).status !== 404) throw error;
      }
    }
  }
  return deleted;
}
