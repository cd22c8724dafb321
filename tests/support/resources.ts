/**
 * A testbed for resource tests: the emulator (every answer validated against Zoom's spec), the providers of
 * the real package configured against it exactly as the dynamic-provider host does (`configure` with the
 * stack config), and a separate "portal" client for out-of-band edits, as a person in Zoom's web portal
 * would make them. Real HTTP throughout.
 */
import type { EmulatorControl, RunningEmulator } from "../../emulator";
import { dynamicProvider } from "../../provider";
import { createClient, type HttpZoomClient } from "../../provider/client";
import type { ZoomDynamicProvider } from "../../provider/framework/provider";
import { startTestEmulator } from "./emulator";
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
  close(): Promise<void>;
}

/** `stackConfig`: more `zoom:*` stack config for the providers (e.g. `zoom:requestTimeoutSeconds`). */
export async function startResourceTestbed(options: EmulatorOptions = {}, stackConfig: Record<string, string> = {}): Promise<ResourceTestbed> {
  const { emulator, control, close } = await startTestEmulator({ plan: "unlimited", ...options });
  const config: Record<string, string> = {
    "zoom:apiUrl": emulator.url,
    "zoom:oauthUrl": emulator.oauthUrl,
    "zoom:accountId": emulator.accountId,
    "zoom:clientId": emulator.clientId,
    "zoom:clientSecret": emulator.clientSecret,
    ...stackConfig,
  };
  const configured = new Set<string>();
  const provider = (kind: string) => {
    const p = dynamicProvider(kind, 1);
    if (!configured.has(kind)) {
      configured.add(kind);
      void p.configure({ config: { get: (key: string) => config[key] } });
    }
    return p;
  };
  const portal = createClient(
    {
      apiUrl: emulator.url,
      oauthUrl: emulator.oauthUrl,
      plan: "business",
      credentials: { kind: "clientCredentials", accountId: emulator.accountId, clientId: emulator.clientId, clientSecret: emulator.clientSecret },
    },
    { limiter: "isolated", env: {} },
  );

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

  return {
    emulator,
    control,
    portal,
    provider,
    create,
    refreshAndDiff,
    requestCount: async () => (await control.stats()).requests,
    close,
  };
}
