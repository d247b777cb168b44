// Timings of the investigation workspace's engine calls on a big case (bundled and run by
// investigate.mjs): pivot options, the grid's first page and count under a ±5 min pivot, the
// process tree, and the histogram over the whole case, stacked both ways, and zoomed.
import { CaseStore } from '../../electron/engine/store/case-store';
import { countEvents } from '../../electron/engine/store/event-queries';
import { firstEvents } from '../../electron/engine/store/event-pages';
import { histogram } from '../../electron/engine/investigate/histogram';
import { pivotOptions } from '../../electron/engine/investigate/pivots';
import { processTree } from '../../electron/engine/investigate/process-tree';

const [casePath, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function time(label: string, fn: () => unknown, out: Record<string, unknown>): void {
  const ms: number[] = [];
  let last: unknown;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = fn();
    ms.push(performance.now() - t);
  }
  out[label] = { median_ms: Math.round(median(ms) * 10) / 10, runs_ms: ms.map((x) => Math.round(x)) };
  void last;
}

const store = await CaseStore.open(casePath!);
const out: Record<string, unknown> = { events: countEvents(store) };
// A beacon of the planted incident (rundll32 to the C2) and a busy background event.
const beacon = Number(store.scalar("SELECT id FROM events WHERE dst_ip = '198.51.100.23' ORDER BY time LIMIT 1 OFFSET 10"));
const mid = Number(store.scalar('SELECT id FROM event_row ORDER BY time, id LIMIT 1 OFFSET 500000'));
for (const [name, id] of [['beacon', beacon], ['background', mid]] as const) {
  const p = pivotOptions(store, id, 5);
  const around = p.options.find((o) => o.kind === 'host-time')!;
  out[`${name}_pivot_count`] = around.count;
  time(`${name}: pivot options (all counts)`, () => pivotOptions(store, id, 5), out);
  // What the grid runs when the ±5 min pivot is applied: its count and first page.
  time(`${name}: grid under ±5 min pivot (count + first 100 rows)`, () => {
    countEvents(store, around.filter);
    firstEvents(store, around.filter, 100);
  }, out);
  time(`${name}: process tree`, () => processTree(store, id), out);
}
time('histogram: whole case by category', () => histogram(store, undefined, 'category'), out);
time('histogram: whole case by source', () => histogram(store, undefined, 'source'), out);
const h = histogram(store, undefined, 'category');
// A drag over a tenth of the chart, a third of the way in.
const lo = Date.parse(h.from!);
const span = Date.parse(h.to!) - lo;
const from = new Date(lo + span / 3).toISOString();
const to = new Date(lo + span / 3 + span / 10).toISOString();
time('histogram: zoomed range (drag-select)', () => histogram(store, { from, to }, 'category'), out);
out.histogram_unit = h.unit;
out.histogram_buckets = h.buckets.length;
store.close();
console.log(JSON.stringify(out, null, 2));
