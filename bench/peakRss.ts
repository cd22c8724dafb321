/**
 * Preloaded into the CLI runs the benchmark measures (`node --require dist/bench/peakRss.js`): at exit, writes
 * the process's peak resident memory in KB (the kernel's high-water mark, so no polling) to the file
 * `ZOOM_BENCH_PEAK_RSS_FILE` names. Nothing else: the command runs exactly as a user's would.
 */
import * as fs from "node:fs";

const file = process.env.ZOOM_BENCH_PEAK_RSS_FILE;
if (file) process.on("exit", () => fs.writeFileSync(file, String(process.resourceUsage().maxRSS)));
