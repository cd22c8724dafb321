/**
 * For tests that run the example programs (`examples/<family>/index.ts`, `examples/yaml/<family>/index.ts`)
 * through the engine harness, as a user's `pulumi up` would.
 */
import * as pulumi from "@pulumi/pulumi";
import type { EmulatorStateSummary } from "../../emulator";
import type { Program } from "../../harness";

// The package as the examples resolve it (node_modules/pulumi-zoom, linked to this checkout: dist/), loaded once.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const installedPackage: unknown = require("pulumi-zoom");

/** The property each resource is named by in Zoom's portal (and found by, in a sweep of leftovers). */
export const NAME_PROPERTIES: Readonly<Record<string, string>> = {
  Meeting: "topic",
  TrackingField: "field",
  H323Device: "name",
  MeetingTemplate: "name",
};

/**
 * The package with every object's name (see NAME_PROPERTIES) starting with `prefix`: a run on a real account
 * marks what it makes, so it can tell its objects from anyone else's and sweep them up after a failure.
 */
function prefixedPackage(prefix: string): unknown {
  const zoom = installedPackage as Record<string, unknown>;
  const prefixed: Record<string, unknown> = { ...zoom };
  for (const [kind, property] of Object.entries(NAME_PROPERTIES)) {
    const Resource = zoom[kind] as new (name: string, args: Record<string, unknown>, opts?: unknown) => object;
    prefixed[kind] = function (name: string, args: Record<string, unknown>, opts?: unknown) {
      const value = args[property];
      const named =
        value === undefined || typeof value === "string"
          ? value && `${prefix}${value}`
          : pulumi.output(value as pulumi.Input<string>).apply((v) => `${prefix}${v}`);
      return new Resource(name, { ...args, [property]: named }, opts);
    };
  }
  return prefixed;
}

/**
 * An example's program: the module at `modulePath`, loaded afresh on every run. Jest's module registry ignores
 * require.cache, so each run loads the module in an isolated registry; @pulumi/pulumi and pulumi-zoom stay the
 * instances already loaded here, because the harness's mocks live in that @pulumi/pulumi and reloading the
 * package per run is slow. Its exports (without `__esModule`) are the stack outputs. With `namePrefix`, every
 * object's name starts with it (see `prefixedPackage`).
 */
export function exampleProgram(modulePath: string, namePrefix?: string): Program {
  const zoom = namePrefix === undefined ? installedPackage : prefixedPackage(namePrefix);
  return () => {
    let exported: unknown;
    jest.isolateModules(() => {
      jest.doMock("@pulumi/pulumi", () => pulumi);
      jest.doMock("pulumi-zoom", () => zoom);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      exported = require(modulePath);
    });
    if (typeof exported !== "object" || exported === null) return {};
    const { __esModule: _esm, ...outputs } = exported as Record<string, unknown>;
    return outputs;
  };
}

/**
 * The SIP examples' stack config: a sub-account, one of the master's trunks, and a DNIS with that trunk's prefix;
 * by id (the org example) and by name (the sip-trunk examples look the ids up).
 */
export function sipConfig(accounts: EmulatorStateSummary): Record<string, string> {
  const subAccount = accounts.subAccounts[0];
  const trunk = accounts.master.sipTrunks[0];
  if (!subAccount || !trunk) throw new Error("the emulator has no sub-account or no master SIP trunk");
  return {
    subAccountId: subAccount.id,
    trunkId: trunk.id,
    dnis: `${trunk.dnis.slice(0, 5)}001`,
    subAccountName: subAccount.name,
    trunkName: trunk.name,
  };
}
