/**
 * The provider object Pulumi serializes into every resource's state (`__provider`).
 *
 * Pulumi runs the serialized copy FROM STATE for refresh and delete, so a provider whose code is serialized
 * whole would keep running old code after an upgrade, and bloat every resource's state. This stub carries
 * nothing but the resource kind: each method loads the installed `pulumi-zoom` at call time, from the
 * Pulumi program's directory (the host's working directory), and forwards to the current implementation.
 * It captures no credential, client or socket.
 *
 * Compatibility contract: `dynamicProvider(kind, abi)` is exported by every version of the package; `abi`
 * is bumped only if the stub's calling convention ever changes, so states written by older versions keep
 * working with newer packages.
 */
import type * as pulumi from "@pulumi/pulumi";

export const STUB_ABI = 1;

export function providerStub(kind: string): pulumi.dynamic.ResourceProvider {
  // Everything below is serialized by value into every resource's state, and Pulumi wraps each function in
  // ~170 bytes of scaffolding, so it is written for size: one-letter names for the two captured values
  // (`k`, the kind; `l`, the loader), seven one-line forwarders. Measured by tests/framework/stub.test.ts.
  const k = kind;
  // The host compiles this code as a module rooted at its working directory, the Pulumi program's directory,
  // so this `require` finds the program's installed pulumi-zoom.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- must resolve at call time, in the host
  const l = () => require("pulumi-zoom").dynamicProvider(k, 1);
  return {
    configure: (...a) => l().configure(...a),
    check: (...a) => l().check(...a),
    diff: (...a) => l().diff(...a),
    create: (...a) => l().create(...a),
    read: (...a) => l().read(...a),
    update: (...a) => l().update(...a),
    delete: (...a) => l().delete(...a),
  };
}
