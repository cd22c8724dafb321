/** The set-up the resource suites share. */
import type { EmulatorExchange } from "../../emulator";
import { startResourceTestbed, type ResourceTestbed } from "../support/resources";

export interface RecordingSuite {
  /** Every exchange the emulator answered, in order. */
  readonly exchanges: EmulatorExchange[];
  /** `base` with a number no other call of this suite gets: for names Zoom keeps unique. */
  unique(base: string): string;
}

/**
 * A testbed for the whole suite, recording every exchange: started before its tests (then `started` runs, to
 * read or seed the accounts) and closed after them.
 */
export function useRecordingTestbed(started: (bed: ResourceTestbed) => void | Promise<void>): RecordingSuite {
  const exchanges: EmulatorExchange[] = [];
  let bed: ResourceTestbed | undefined;
  let counter = 0;
  beforeAll(async () => {
    bed = await startResourceTestbed({ onExchange: (e) => exchanges.push(e) });
    await started(bed);
  });
  afterAll(async () => bed?.close());
  return { exchanges, unique: (base) => `${base} ${++counter}` };
}
