/**
 * A testbed for resource tests: the emulator (every answer validated against Zoom's spec), the providers of
 * the real package configured against it exactly as the dynamic-provider host does (`configure` with the
 * stack config), and a separate "portal" client for out-of-band edits, as a person in Zoom's web portal
 * would make them. Real HTTP throughout.
 */
import type { EmulatorControl, RunningEmulator } from "../../emulator";
import { dynamicProvider } from "../../provider";
import { createClient, type HttpZoomClient } from "../../provider/client";
import type { OperationId } from "../../catalogue/operations";
import type { ZoomDynamicProvider } from "../../provider/framework/provider";
import { startTestEmulator, zoomConfig, type ZoomEndpoint } from "./emulator";
import type { EmulatorOptions } from "../../emulator";

export type Props = Record<string, unknown>;

export interface Created {
  readonly id: string;
  readonly inputs: Props;
  readonly outs: Props;
}

export interface ResourceTestbed {
  readonly emulator: RunningEmulator;
  readonly control: EmulatorControl;
  readonly portal: HttpZoomClient;
  provider(kind: string): ZoomDynamicProvider;
  /** check (must pass) then create, as `pulumi up` does for a new resource. */
  create(kind: string, name: string, declared: Props): Promise<Created>;
  /** read (refresh) then diff against the same declaration: what a second `pulumi up` would plan. */
  refreshAndDiff(kind: string, created: Created, declared: Props): Promise<{ read: Props; changes: boolean | undefined; replaces: string[] }>;
  /** API requests the emulator has answered so far. */
  requestCount(): Promise<number>;
  /** The new inputs `pulumi up` would pass after check for a changed declaration (check must pass). */
  checked(kind: string, created: Created, declared: Props): Promise<Props>;
  /** refreshAndDiff, expecting a clean plan: no change, and the read inputs carry the declaration. Returns the read. */
  expectCleanPlan(kind: string, created: Created, declared: Props): Promise<Props>;
  /** After an out-of-band delete: a read drops the resource (id ""), and deleting it twice is fine. */
  expectGone(kind: string, created: Created): Promise<void>;
  /**
   * Reads every created resource at once (the stats reset first), expecting each found and `listOperation`
   * requested `sweeps` times: concurrent reads share the list sweeps.
   */
  expectSharedSweeps(kind: string, created: readonly Created[], listOperation: OperationId, sweeps: number): Promise<void>;
  /**
   * refreshAndDiff (the stats reset first), expecting the resource found with no change and `listOperation`
   * requested `pages` times: every page of a large list read once.
   */
  expectFoundInList(kind: string, created: Created, declared: Props, listOperation: OperationId, pages: number): Promise<void>;
  /** Runs `work` while Zoom applies the next `operationId` request and drops its answer (once). */
  withLostAnswer(operationId: OperationId, work: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/** A client of the emulator's API of its own, for edits out of band: a person in Zoom's web portal. */
export function portalClient(emulator: ZoomEndpoint): HttpZoomClient {
  return createClient(
    {
      apiUrl: emulator.url,
      oauthUrl: emulator.oauthUrl,
      plan: "business",
      credentials: { kind: "clientCredentials", accountId: emulator.accountId, clientId: emulator.clientId, clientSecret: emulator.clientSecret },
    },
    { limiter: "isolated", env: {} },
  );
}

/**
 * One testbed for the enclosing file or `describe` (`startResourceTestbed(options, stackConfig)` in `beforeAll`,
 * closed in `afterAll`). The returned testbed forwards to it, so it can be used from `beforeAll` on.
 */
export function useResourceTestbed(options: EmulatorOptions = {}, stackConfig: Record<string, string> = {}): ResourceTestbed {
  let bed: ResourceTestbed | undefined;
  beforeAll(async () => {
    bed = await startResourceTestbed(options, stackConfig);
  });
  afterAll(async () => bed?.close());
  return new Proxy({} as ResourceTestbed, {
    get(_target, key: keyof ResourceTestbed) {
      if (!bed) throw new Error("useResourceTestbed: the testbed is there from beforeAll on");
      return bed[key];
    },
  });
}

/** `stackConfig`: more `zoom:*` stack config for the providers (e.g. `zoom:requestTimeoutSeconds`). */
export async function startResourceTestbed(options: EmulatorOptions = {}, stackConfig: Record<string, string> = {}): Promise<ResourceTestbed> {
  const { emulator, control, close } = await startTestEmulator({ plan: "unlimited", ...options });
  const config: Record<string, string> = { ...zoomConfig(emulator), ...stackConfig };
  const configured = new Set<string>();
  const provider = (kind: string) => {
    const p = dynamicProvider(kind, 1);
    if (!configured.has(kind)) {
      configured.add(kind);
      void p.configure({ config: { get: (key: string) => config[key] } });
    }
    return p;
  };
  const portal = portalClient(emulator);

  async function create(kind: string, name: string, declared: Props): Promise<Created> {
    const checked = await provider(kind).check!({}, { __logicalName: name, ...declared });
    if (checked.failures?.length) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
    const inputs = checked.inputs as Props;
    const { id, outs } = await provider(kind).create(inputs);
    return { id, inputs, outs: outs as Props };
  }

  async function refreshAndDiff(kind: string, created: Created, declared: Props) {
    const read = await provider(kind).read!(created.id, created.outs);
    const checked = await provider(kind).check!(created.inputs, { __logicalName: created.inputs.__logicalName, ...declared });
    const diff = await provider(kind).diff!(created.id, (read.props ?? {}) as Props, checked.inputs as Props);
    return { read: read as Props, changes: diff.changes, replaces: diff.replaces ?? [] };
  }

  async function checked(kind: string, created: Created, declared: Props): Promise<Props> {
    const frameworkKeys = Object.fromEntries(Object.entries(created.inputs).filter(([key]) => key.startsWith("__")));
    const result = await provider(kind).check!(created.inputs, { ...frameworkKeys, ...declared });
    expect(result.failures ?? []).toEqual([]);
    return result.inputs as Props;
  }

  async function expectCleanPlan(kind: string, created: Created, declared: Props): Promise<Props> {
    const { changes, read } = await refreshAndDiff(kind, created, declared);
    expect(changes).toBe(false);
    expect(read.inputs).toMatchObject(declared);
    return read;
  }

  async function expectGone(kind: string, created: Created): Promise<void> {
    expect((await provider(kind).read!(created.id, created.outs)).id).toBe("");
    await expect(provider(kind).delete!(created.id, created.outs)).resolves.toBeUndefined();
    await expect(provider(kind).delete!(created.id, created.outs)).resolves.toBeUndefined();
  }

  async function expectSharedSweeps(kind: string, created: readonly Created[], listOperation: OperationId, sweeps: number): Promise<void> {
    await control.resetStats();
    const reads = await Promise.all(created.map((c) => provider(kind).read!(c.id, c.outs)));
    expect(reads.map((r) => r.id)).toEqual(created.map((c) => c.id));
    expect((await control.stats()).byOperation[listOperation]).toBe(sweeps);
  }

  async function expectFoundInList(kind: string, created: Created, declared: Props, listOperation: OperationId, pages: number): Promise<void> {
    await control.resetStats();
    const { changes, read } = await refreshAndDiff(kind, created, declared);
    expect(read.id).toBe(created.id);
    expect(changes).toBe(false);
    expect((await control.stats()).byOperation[listOperation]).toBe(pages);
  }

  async function withLostAnswer(operationId: OperationId, work: () => Promise<void>): Promise<void> {
    await control.setFaults({ rules: [{ match: { operationId }, fault: { kind: "applyThenDrop" }, times: 1 }] });
    try {
      await work();
    } finally {
      await control.clearFaults();
    }
  }

  return {
    emulator,
    control,
    portal,
    provider,
    create,
    refreshAndDiff,
    requestCount: async () => (await control.stats()).requests,
    checked,
    expectCleanPlan,
    expectGone,
    expectSharedSweeps,
    expectFoundInList,
    withLostAnswer,
    close,
  };
}
