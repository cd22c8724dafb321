/** The emulator-backed testbed the drift suites share: started once, emptied before each test. */
import { zoomEnv } from "../support/emulator";
import { startResourceTestbed, type ResourceTestbed } from "../support/resources";

/**
 * Starts a testbed before the suite and closes it after; before each test the emulator is reset (same accounts
 * and users again, no objects), so each test starts from an empty account. `started` receives the testbed and
 * the ZOOM_* environment that points the CLI at it.
 */
export function useDriftTestbed(started: (bed: ResourceTestbed, env: Record<string, string>) => void): void {
  let bed: ResourceTestbed | undefined;
  beforeAll(async () => {
    bed = await startResourceTestbed();
    started(bed, zoomEnv(bed.emulator));
  });
  afterAll(async () => bed?.close());
  beforeEach(async () => bed?.control.reset());
}
