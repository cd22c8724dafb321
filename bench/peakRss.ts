/**
 * Preloaded into the CLI runs the benchmark measures (`node --require dist/bench/peakRss.js`): at exit, writes
 * the process's peak resident memory in KB to the file `ZOOM_BENCH_PEAK_RSS_FILE` names. Nothing else: the
 * command runs exactly as a user's would.
 *
 * The kernel's high-water mark of this process's own memory (`VmHWM`), so no polling is needed. Not
 * `process.resourceUsage().maxRSS`: Linux carries that across the exec that started the process, so it never
 * reads below the RSS of the parent it was forked from (the bench, holding a 5,000-object state).
 */
import * as fs from "node:fs";

function peakRssKb(): number {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync("/proc/self/status", "utf8"));
    if (match) return Number(match[1]);
  } catch {
    // Not Linux: the rusage figure is the best there is.
  }
  return process.resourceUsage().maxRSS;
}

const file = process.env.ZOOM_BENCH_PEAK_RSS_FILE;
if (file) process.on("exit", () => fs.writeFileSync(file, String(peakRssKb())));
