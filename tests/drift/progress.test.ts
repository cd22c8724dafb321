/**
 * The scan progress line of `drift` and `import`: what it says, when it is drawn at all (a terminal's stderr,
 * never with --json, never in a pipe), and that a busy scan does not redraw it for every object.
 */
import type { OutputStream } from "../../provider/cli/io";
import { etaSeconds, formatDuration, progressWanted, renderProgress, ScanProgressDisplay, type ScanCounts } from "../../provider/cli/progress";

function stream(isTTY: boolean): OutputStream & { text(): string } {
  let written = "";
  return { isTTY, write: (text: string) => void (written += text), text: () => written };
}

const half: ScanCounts = { done: 50, total: 100, totalKnown: true, kind: "Meeting", listed: 3, lists: 6 };

test("the line names objects done of the total, the kind, the lists and the time left", () => {
  expect(renderProgress(half, 10_000)).toBe("scanning Zoom: 50/100 objects (Meeting), 3/6 lists, ETA 10 s");
});

test("no ETA before anything is done, or while listings may still add objects (total shown as a floor)", () => {
  expect(renderProgress({ ...half, done: 0, kind: undefined }, 5_000)).toBe("scanning Zoom: 0/100 objects, 3/6 lists, ETA --");
  expect(renderProgress({ ...half, totalKnown: false }, 5_000)).toBe("scanning Zoom: 50/100+ objects (Meeting), 3/6 lists, ETA --");
  expect(etaSeconds({ ...half, done: 100 }, 5_000)).toBe(0);
});

test("durations read as seconds, minutes or hours", () => {
  expect([formatDuration(0.4), formatDuration(59), formatDuration(125), formatDuration(3 * 3600 + 7 * 60)]).toEqual(["0 s", "59 s", "2 min 05 s", "3 h 07 min"]);
});

test("wanted only on a terminal's stderr, and never with --json", () => {
  expect(progressWanted(stream(true), {})).toBe(true);
  expect(progressWanted(stream(true), { json: true })).toBe(false);
  expect(progressWanted(stream(false), {})).toBe(false);
  expect(progressWanted(stream(false), { json: true })).toBe(false);
});

test("drawn in place on a terminal, throttled, the last state always drawn, cleared at the end", () => {
  let now = 0;
  const err = stream(true);
  const display = new ScanProgressDisplay(err, { enabled: true, now: () => now, intervalMs: 100 });
  now = 1000;
  display.update({ ...half, done: 1 });
  now = 1050;
  display.update({ ...half, done: 2 }); // within 100 ms of the last draw: skipped
  now = 2000;
  display.update({ ...half, done: 100, listed: 6 }); // finished: drawn
  display.done();
  expect(err.text()).toBe(
    "\r\u001b[2Kscanning Zoom: 1/100 objects (Meeting), 3/6 lists, ETA 1 min 39 s" +
      "\r\u001b[2Kscanning Zoom: 100/100 objects (Meeting), 6/6 lists, ETA 0 s" +
      "\r\u001b[2K",
  );
});

test("nothing at all when not wanted (--json), or when stderr is not a terminal", () => {
  for (const [isTTY, enabled] of [[true, false], [false, true], [false, false]] as const) {
    const err = stream(isTTY);
    const display = new ScanProgressDisplay(err, { enabled, now: () => 0 });
    display.update(half);
    display.update({ ...half, done: 100, listed: 6 });
    display.done();
    expect(err.text()).toBe("");
  }
});
