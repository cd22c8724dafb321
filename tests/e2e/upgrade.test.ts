/**
 * Pulumi runs the provider stored in STATE for refresh and destroy (pulumi#6490). Ours is a stub that loads
 * whatever pulumi-zoom is installed where the program lives, so upgrading the package upgrades the code that
 * refreshes and destroys existing stacks. Here the program's directory holds a `node_modules/pulumi-zoom`
 * shim around the real package, swapped from "v1" to "v2" between operations, as `npm install` would.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { TrackingField } from "../../provider";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import { zoomDeployment } from "../support/zoomDeployment";

const realPackage = path.resolve(__dirname, "../../dist/provider/index.js");
let emu: TestEmulator;
let programDir: string;

/** Installs a pulumi-zoom "version" that stamps what it read and logs what it deleted. */
function install(version: string): void {
  const dir = path.join(programDir, "node_modules", "pulumi-zoom");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "pulumi-zoom", version, main: "index.js" }));
  fs.writeFileSync(
    path.join(dir, "index.js"),
    `const real = require(${JSON.stringify(realPackage)});
     const fs = require("fs");
     module.exports = { ...real, dynamicProvider(kind, abi) {
       const p = real.dynamicProvider(kind, abi);
       return { ...p,
         async read(id, props) { const r = await p.read(id, props); if (r.props) r.props.servedBy = ${JSON.stringify(version)}; return r; },
         async delete(id, props) { await p.delete(id, props); fs.appendFileSync(${JSON.stringify(path.join(programDir, "deletes.log"))}, ${JSON.stringify(version)} + " " + id + "\\n"); },
       };
     } };`,
  );
}

beforeAll(async () => {
  emu = await startTestEmulator({ plan: "unlimited" });
  programDir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-zoom-upgrade-"));
});
afterAll(async () => {
  fs.rmSync(programDir, { recursive: true, force: true });
  await emu.close();
});

test("a stack made with v1 is refreshed and destroyed by v2 once v2 is installed", async () => {
  const e = emu.emulator;
  const deployment = zoomDeployment("upgrade", e, { cwd: programDir });
  try {
    install("1.0.0");
    await deployment.up(() => {
      new TrackingField("field", { field: "Made by v1" });
    });
    const stubInState = deployment.state.resources.find((r) => r.type.endsWith("zoom:TrackingField"))!;
    expect(Buffer.byteLength(String(stubInState.inputs.__provider))).toBeLessThanOrEqual(2560);

    await deployment.refresh();
    const servedBy = () => deployment.state.resources.find((r) => r.type.endsWith("zoom:TrackingField"))!.outputs.servedBy;
    expect(servedBy()).toBe("1.0.0");

    install("2.0.0");
    await deployment.refresh();
    expect(servedBy()).toBe("2.0.0");

    await deployment.destroy();
    expect(fs.readFileSync(path.join(programDir, "deletes.log"), "utf8")).toMatch(/^2\.0\.0 \S+\n$/);
  } finally {
    await deployment.close();
  }
});
