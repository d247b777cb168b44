// Times the rollup read API inside one process, as the workspace calls it with the case
// already open: facetCounts for every facet field (top 50) and the minute and hour histograms.
// Bundled by scale-curve.mjs with esbuild; prints one JSON object. Usage: node timer.mjs CASE
import { CaseStore } from '../../electron/engine/store/case-store';
import { facetCounts, facetSource, FACET_FIELDS, histogram } from '../../electron/engine/store/rollups';

const store = await CaseStore.open(process.argv[2]!);
const ms = (f: () => unknown): number => {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const out: Record<string, string> = {};
for (const field of FACET_FIELDS) out[field] = `${ms(() => facetCounts(store, field, 50)).toFixed(0)} ms (${facetSource(store, field)})`;
out.histogram_minute = `${ms(() => histogram(store, 'minute')).toFixed(0)} ms`;
out.histogram_hour = `${ms(() => histogram(store, 'hour')).toFixed(0)} ms`;
store.close();
process.stdout.write(`${JSON.stringify(out)}\n`);
