/**
 * The TSP accounts example as YAML. The leader PINs are secret stack config values the file reads with
 * `${config.<key>}`; credentials come from `zoom:*` stack config or `ZOOM_*` variables.
 */
import * as path from "path";
import { ZoomStack } from "pulumi-zoom";

const tsp = new ZoomStack("tsp", { file: path.join(__dirname, "zoom.yaml") });

export const tspIds = {
  primary: tsp.tspAccounts.primaryBridge.tspId,
  backup: tsp.tspAccounts.backupBridge.tspId,
};
