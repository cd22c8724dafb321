/**
 * Where the installed pulumi-zoom is: its root (the nearest folder above this module with pulumi-zoom's
 * package.json, from the sources and from dist/ alike) and the plugin folder Pulumi runs (`plugin/`).
 */
import { readFileSync } from "fs";
import * as path from "path";

interface Manifest {
  readonly name?: string;
  readonly version?: string;
}

function manifestAt(dir: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as Manifest;
  } catch {
    return undefined;
  }
}

export function packageRoot(): string {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (manifestAt(dir)?.name === "pulumi-zoom") return dir;
  }
  throw new Error(`cannot find pulumi-zoom's package.json above ${__dirname}`);
}

/** The version in pulumi-zoom's package.json: the plugin's version and the schema's. */
export function packageVersion(): string {
  const version = manifestAt(packageRoot())?.version;
  if (typeof version !== "string") throw new Error(`pulumi-zoom's package.json in ${packageRoot()} has no version`);
  return version;
}

/** The folder with PulumiPlugin.yaml: what `pulumi package add` and a Pulumi.yaml `plugins:` entry point at. */
export function pluginFolder(): string {
  return path.join(packageRoot(), "plugin");
}
