// Investigation workspace timings on a 1M-event case (engine side, medians of BENCH_RUNS, default 5).
//   node test/bench/investigate.mjs [CASE]   (default: .bench/inv.tlcase, generated and
//   ingested from generate-detect.mjs when missing)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { generateDetect } from './generate-detect.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = path.join(root, '.bench');
mkdirSync(work, { recursive: true });
const casePath = process.argv[2] ?? path.join(work, 'inv.tlcase');
if (!existsSync(casePath)) {
  const edr = path.join(work, 'inv-edr.jsonl');
  const squid = path.join(work, 'inv-squid.log');
  if (!existsSync(edr)) await generateDetect(edr, squid, 1_000_000);
  const r = spawnSync(process.execPath, [path.join(root, 'dist/cli/tracelight.mjs'), 'ingest', casePath, edr, squid], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const bundle = path.join(work, 'investigate-measure.mjs');
await build({
  entryPoints: [path.join(root, 'test/bench/investigate-measure.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: bundle,
  banner: { js: "import { createRequire as __tlRequire } from 'node:module'; const require = __tlRequire(import.meta.url);" },
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, [bundle, casePath, process.env.BENCH_RUNS ?? '5'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
