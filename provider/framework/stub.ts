/**
 * The provider object Pulumi serializes into every resource's state (`__provider`).
 *
 * Pulumi runs the serialized copy FROM STATE for refresh and delete, so a provider whose code is serialized
 * whole would keep running old code after an upgrade, and bloat every resource's state. This stub carries
 * nothing but the resource kind: each method loads the installed `pulumi-zoom` at call time and forwards to the
 * current implementation. It captures no credential, client or socket.
 *
 * Which `pulumi-zoom`: the Pulumi project's own, `<project>/node_modules/pulumi-zoom`, where `<project>` is the
 * host's working directory (the program's directory), or, when that directory has neither a package.json nor
 * a node_modules (a program in a subfolder of its package), the nearest folder above it that has one. Never a
 * copy further up, on NODE_PATH or in a global folder, as `require("pulumi-zoom")` would find: state must run
 * the code the project installed. When it is missing, the error names the kind and the fix.
 *
 * Compatibility contract: `dynamicProvider(kind, abi)` is exported by every version of the package; `abi`
 * is bumped only if the stub's calling convention ever changes, so states written by older versions keep
 * working with newer packages.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the stub must resolve at call time, in the host */
import type * as pulumi from "@pulumi/pulumi";

export const STUB_ABI = 1;

export function providerStub(kind: string): pulumi.dynamic.ResourceProvider {
  // Everything below is serialized by value into every resource's state, and Pulumi wraps each function in
  // ~170 bytes of scaffolding, so it is written for size: one-letter names for the two captured values
  // (`k`, the kind; `l`, the loader), seven one-line forwarders. Measured by tests/framework/stub.test.ts.
  const k = kind;
  // The host runs this code with its working directory at the Pulumi program's directory.
  // Written for size too: the walk stops at the first folder with a package.json or a node_modules.
  // Found once per host process and kind (on `process`: the serialized closure has no module scope to keep it
  // in), not on every call: the folder walk's existsSync calls cost ~30 µs, a tenth of a loopback request.
  const l = () => {
    const c = ((process as unknown as { $pz?: Record<string, pulumi.dynamic.ResourceProvider> }).$pz ||= {});
    if (c[k]) return c[k];
    const f = require("fs");
    let d = process.cwd(), u;
    while (!f.existsSync(d + "/package.json") && !f.existsSync(d + "/node_modules") && d !== (u = require("path").dirname(d))) d = u;
    if (!f.existsSync((d += "/node_modules/pulumi-zoom"))) throw Error(`zoom:${k}: ${d} is missing: run \`npm install pulumi-zoom\` in the Pulumi project`);
    return (c[k] = require(d).dynamicProvider(k, 1));
  };
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
