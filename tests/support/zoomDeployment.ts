/** A Deployment of the Zoom provider against an emulator, the way the end-to-end and reliability suites run one. */
import * as path from "node:path";
import { Deployment } from "../../harness";
import { zoomConfig, type ZoomEndpoint } from "./emulator";

const repoRoot = path.resolve(__dirname, "../..");

export interface ZoomDeploymentOptions {
  /** The host's cwd, where "pulumi-zoom" resolves from. Default: the repository (its node_modules link). */
  cwd?: string;
  /** Stack config over `zoomConfig(emulator)`, e.g. another API URL or wrong credentials. */
  config?: Record<string, string>;
}

/** Stack "dev" of `project`, configured for `emulator` (the client secret as a secret, as a user sets it). */
export function zoomDeployment(project: string, emulator: ZoomEndpoint, options: ZoomDeploymentOptions = {}): Deployment {
  return new Deployment({
    project,
    stack: "dev",
    cwd: options.cwd ?? repoRoot,
    config: { ...zoomConfig(emulator), ...options.config },
    secretConfigKeys: ["zoom:clientSecret"],
  });
}
