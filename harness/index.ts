/**
 * Engine contract harness: a small stand-in for the Pulumi engine that drives the real dynamic-provider host from
 * @pulumi/pulumi. Used by tests, the demo and the benchmarks, so it must not import jest.
 */
export { ProviderHost, parseUrn, toProviderError } from "./host";
export type {
  CheckFailure,
  CheckResult,
  ConfigureOptions,
  CreateResult,
  DiffChanges,
  DiffResult,
  EngineHost,
  HostExit,
  HostOutput,
  ReadResult,
  UpdateResult,
} from "./engineHost";
export type { ProviderHostOptions } from "./host";
export { CheckFailedError, HostCrashedError, ProviderError, ResourceInitError } from "./errors";
export { echoEngine, makeUrn, ProgramError, ROOT_STACK_TYPE, runProgram } from "./program";
export type {
  Program,
  ProgramEngine,
  ProgramRun,
  ProgramRunError,
  RegistrationOutcome,
  ResourceRegistration,
  RunProgramOptions,
} from "./program";
export { DEFAULT_PARALLEL, Deployment, DeploymentError, plainValue } from "./engine";
export { deleteAntichains, runDeletes, Slots } from "./slots";
export type { DeleteOutcome } from "./slots";
export type { DeploymentOptions, PlanSummary, StepOp, StepRecord } from "./engine";
export { DEFAULT_NODEJS_PROVIDER_TYPE, exportStack, importStack, SecretsCrypter, topoSort } from "./state";
export type { DeploymentState, ExportedResource, StackExport, StateResource } from "./state";
export { defaultProviderUrn, PluginHost, providerInputs, type PluginHostOptions } from "./plugin";
export { serializeProvider } from "./serialize";
export {
  annotateSecrets,
  containsSecret,
  containsUnknown,
  isSecret,
  PROVIDER_KEY,
  reveal,
  rpcSecret,
  SECRET_SIG,
  SIG_KEY,
  stateSecret,
  UNKNOWN,
} from "./values";
export type { PropertyMap } from "./values";
