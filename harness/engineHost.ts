/** EngineHost, the provider interface the harness's Deployment drives, and what its calls answer. */
import type { PropertyMap } from "./values";

export interface ConfigureOptions {
  /** Keys whose values the engine would send as secrets (the host unwraps them). */
  secretKeys?: readonly string[];
}

export interface CheckFailure {
  property: string;
  reason: string;
}

export interface CheckResult {
  /** The inputs to use from now on (the provider's `check` result, always including `__provider`). */
  inputs: PropertyMap;
  failures: CheckFailure[];
}

export type DiffChanges = "unknown" | "none" | "some";

export interface DiffResult {
  /** "unknown" means the provider has no `diff`; the engine then compares inputs itself. */
  changes: DiffChanges;
  replaces: string[];
  deleteBeforeReplace: boolean;
  /** Always empty from the dynamic host (it drops them); kept to show that. */
  stables: string[];
  /**
   * `DiffResponse.diffs`: the keys that changed, which is what the engine matches `replaceOnChanges` against
   * (step_generator.go: applyReplaceOnChanges). The dynamic host never sets it, so for a provider whose `diff`
   * answers true/false, `replaceOnChanges` has nothing to match.
   */
  changedKeys: string[];
  /** `DiffResponse.hasDetailedDiff`: never set by the dynamic host. */
  hasDetailedDiff: boolean;
}

export interface CreateResult {
  id: string;
  properties: PropertyMap;
}

export interface ReadResult {
  /** Empty when the provider says the resource no longer exists. */
  id: string;
  properties: PropertyMap;
  /** Present when the provider returned `inputs` from `read` (3.216+): the engine stores them as the new inputs. */
  inputs?: PropertyMap;
  /**
   * The response carried no `properties` at all: the engine's "resource does not exist" (ReadStep / ImportStep).
   * The dynamic host never does this: it always answers with at least `__provider`.
   */
  noProperties?: true;
}

export interface UpdateResult {
  properties: PropertyMap;
}

export interface HostOutput {
  stdout: string;
  stderr: string;
}

export interface HostExit {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Peak resident set size of the host in KiB (VmHWM), where /proc is available. */
  peakRssKb?: number;
}

/**
 * What the engine calls on a resource provider (pkg/resource/plugin/provider_plugin.go), as the harness's Deployment
 * uses it. ProviderHost is the real dynamic-provider host; tests may pass an in-process stand-in for a provider the
 * dynamic host cannot be (e.g. one whose Read works without `__provider`, as a native plugin's does).
 */
export interface EngineHost {
  configure(config: Record<string, string>, options?: ConfigureOptions): Promise<{ acceptSecrets: boolean }>;
  check(urn: string, olds: PropertyMap, news: PropertyMap): Promise<CheckResult>;
  diff(id: string, urn: string, olds: PropertyMap, news: PropertyMap, oldInputs?: PropertyMap): Promise<DiffResult>;
  create(urn: string, properties: PropertyMap): Promise<CreateResult>;
  read(id: string, urn: string, properties: PropertyMap, inputs?: PropertyMap): Promise<ReadResult>;
  update(id: string, urn: string, olds: PropertyMap, news: PropertyMap, oldInputs?: PropertyMap): Promise<UpdateResult>;
  delete(id: string, urn: string, properties: PropertyMap, oldInputs?: PropertyMap): Promise<void>;
  output(): HostOutput;
  close(): Promise<HostExit>;
}
