// Runs the built CLI in this process and records its peak RSS when it exits, so the
// benchmark measures the engine itself (not a wrapper). Usage:
//   node measure.mjs STATS_FILE tracelight-args...
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [statsFile, ...args] = process.argv.slice(2);
const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/cli/tracelight.mjs');
const started = process.hrtime.bigint();
process.on('exit', (code) => {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const usage = process.resourceUsage();
  // CPU seconds too: on a loaded machine the wall time says more about the neighbours.
  writeFileSync(statsFile, JSON.stringify({ code, seconds, maxRssBytes: usage.maxRSS * 1024, userSeconds: usage.userCPUTime / 1e6, systemSeconds: usage.systemCPUTime / 1e6 }));
});
process.argv = [process.argv[0], cli, ...args];
await import(cli);
