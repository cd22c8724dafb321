/**
 * The provider serialized into each resource's state is a small stub that loads the installed package:
 * measured here with Pulumi's own closure serializer, in a child process (jest's module registry interferes
 * with closure serialization, pulumi#3738) on the compiled package (`npm test` builds first).
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";

const root = path.resolve(__dirname, "../..");

function serializedStub(kind: string): string {
  const script = `
    const sc = require("@pulumi/pulumi/runtime/closure/serializeClosure");
    const { providerStub } = require("./dist/provider/framework/stub");
    const provider = providerStub(${JSON.stringify(kind)});
    sc.serializeFunction(() => provider, { allowSecrets: true }).then((sf) => process.stdout.write(sf.text));`;
  return execFileSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" });
}

test.each(["Meeting", "MeetingTemplate", "InternalNumber"])("the %s stub is at most 2 KB and captures only its kind", (kind) => {
  const text = serializedStub(kind);
  expect(Buffer.byteLength(text)).toBeLessThanOrEqual(2048);
  expect(text).toContain(`k: ${JSON.stringify(kind)}`);
  expect(text).toContain('require("pulumi-zoom").dynamicProvider(k, 1)');
  // Nothing else is captured: no settings, client, token or secret.
  expect(text).not.toMatch(/secret|token|apiUrl|clientId/i);
});
