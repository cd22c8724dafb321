#!/usr/bin/env node
/**
 * `pulumi-resource-zoom`: the Zoom provider plugin. The Pulumi engine starts it (from the `plugin/` folder's
 * PulumiPlugin.yaml, or as `pulumi-resource-zoom` on the PATH) with its own address as the argument, reads the
 * port it prints, and talks gRPC to it.
 */
import { zoomPluginProvider } from "./provider";
import { servePlugin } from "./serve";

servePlugin(zoomPluginProvider(), process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
