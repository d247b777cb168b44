// Events over time for the workspace histogram: one GROUP BY over a time bucket (a prefix of
// the ISO-8601 UTC time: minute, hour or day), by category and evidence file, following the
// active filter (whereFor: bare words through the full-text index, as the grid). Wider buckets (several minutes, hours or days) are summed here
// from the unit's groups, so the SQL stays one cheap string-prefix grouping.
import type { BucketUnit, HistogramBucket, HistogramResult, HistogramStack } from '../../common/investigate';
import type { EventFilter } from '../../common/protocol';
import type { CaseStore } from '../store/case-store';
import { whereFor } from '../store/event-queries';

const UNIT_MS: Record<BucketUnit, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };
const PREFIX: Record<BucketUnit, number> = { minute: 16, hour: 13, day: 10 };
const SUFFIX: Record<BucketUnit, string> = { minute: ':00.000Z', hour: ':00:00.000Z', day: 'T00:00:00.000Z' };
/** Bars the chart can show side by side at ~120 px height and 600+ px width. */
const MAX_BUCKETS = 240;

export function chooseUnit(spanMs: number): { unit: BucketUnit; bucketMs: number } {
  const unit: BucketUnit = spanMs <= 4 * UNIT_MS.hour ? 'minute' : spanMs <= 10 * UNIT_MS.day ? 'hour' : 'day';
  const step = Math.max(1, Math.ceil(spanMs / UNIT_MS[unit] / MAX_BUCKETS));
  return { unit, bucketMs: step * UNIT_MS[unit] };
}

function floorTo(ms: number, unit: BucketUnit): number {
  return Math.floor(ms / UNIT_MS[unit]) * UNIT_MS[unit];
}

type Group = { b: string; category: string; evidence_id: number; n: number };

export function histogram(store: CaseStore, filter: EventFilter | undefined, stack: HistogramStack): HistogramResult {
  const where = whereFor(store, filter);
  const summary = summarizable(filter);
  const bounds = summary
    ? store.all<{ lo: string | null; hi: string | null }>('SELECT (SELECT min(time) FROM event_row) AS lo, (SELECT max(time) FROM event_row) AS hi')[0]!
    : store.all<{ lo: string | null; hi: string | null }>(`SELECT min(time) AS lo, max(time) AS hi FROM events ${where.sql}`, where.params)[0]!;
  const names = new Map(store.all<{ id: number; name: string }>('SELECT id, name FROM evidence').map((r) => [r.id, r.name]));
  const empty: HistogramResult = { unit: 'minute', bucketMs: UNIT_MS.minute, from: null, to: null, stack, keys: [], keyLabels: {}, buckets: [], gaps: [], strips: [], total: 0 };
  if (bounds.lo === null || bounds.hi === null) return empty;
  // A chosen range is shown whole (a zoom shows the empty edges too); else the data's extent.
  const loMs = Date.parse(filter?.from ?? bounds.lo);
  const hiMs = filter?.to ? Date.parse(filter.to) - 1 : Date.parse(bounds.hi);
  const { unit, bucketMs } = chooseUnit(Math.max(1, hiMs - loMs));
  const origin = floorTo(loMs, unit);
  const count = Math.max(1, Math.floor((hiMs - origin) / bucketMs) + 1);

  const groups: Group[] = summary
    ? minuteSummary(store, unit, filter?.from, filter?.to)
    : store.all<Group>(
        `SELECT substr(time, 1, ${PREFIX[unit]}) AS b, category, evidence_id, count(*) AS n FROM events ${where.sql} GROUP BY b, category, evidence_id`,
        where.params,
      );
  const buckets: HistogramBucket[] = Array.from({ length: count }, (_, i) => ({ start: new Date(origin + i * bucketMs).toISOString(), total: 0, counts: {}, burst: false }));
  const strips = new Map<number, Set<number>>();
  const keys = new Set<string>();
  let total = 0;
  for (const g of groups) {
    const ms = Date.parse(g.b + SUFFIX[unit]);
    const i = Math.floor((ms - origin) / bucketMs);
    if (i < 0 || i >= count) continue;
    const key = stack === 'category' ? g.category : String(g.evidence_id);
    keys.add(key);
    const b = buckets[i]!;
    const n = Number(g.n);
    b.total += n;
    b.counts[key] = (b.counts[key] ?? 0) + n;
    total += n;
    let strip = strips.get(g.evidence_id);
    if (!strip) strips.set(g.evidence_id, (strip = new Set()));
    strip.add(i);
  }
  markBursts(buckets);
  const keyLabels: Record<string, string> = {};
  if (stack === 'source') for (const k of keys) keyLabels[k] = names.get(Number(k)) ?? `#${k}`;
  return {
    unit,
    bucketMs,
    from: new Date(origin).toISOString(),
    to: new Date(origin + count * bucketMs).toISOString(),
    stack,
    keys: Array.from(keys).sort(),
    keyLabels,
    buckets,
    gaps: findGaps(buckets),
    strips: Array.from(strips, ([evidenceId, set]) => ({ evidenceId, name: names.get(evidenceId) ?? `#${evidenceId}`, buckets: Array.from(set).sort((a, b) => a - b) })).sort(
      (a, b) => a.evidenceId - b.evidenceId,
    ),
    total,
  };
}

/**
 * Whether the filter is only a time range on whole minutes (the whole case, a drag on the
 * chart, a zoom): then the counts come from the per-minute rollup instead of a GROUP BY over
 * every event. Anything else (a query, a category, a pivot's exact window)
 * is counted by SQL.
 */
function summarizable(filter: EventFilter | undefined): boolean {
  if (!filter) return true;
  for (const [k, v] of Object.entries(filter)) {
    if (v === undefined || v === '') continue;
    if (k !== 'from' && k !== 'to') return false;
  }
  const whole = (t: string | undefined) => t === undefined || t === '' || Date.parse(t) % 60_000 === 0;
  return whole(filter.from) && whole(filter.to) && !!filter.from === !!filter.to;
}

/**
 * The case's events per bucket of `unit`, category and file, from the per-minute rollup
 * (migration 014: a row per minute, category and file, kept at ingest, skew and removal)
 * within [from, to) on whole minutes: no event is read.
 */
function minuteSummary(store: CaseStore, unit: BucketUnit, from: string | undefined, to: string | undefined): Group[] {
  const where: string[] = [];
  const params: string[] = [];
  if (from) {
    where.push('start >= ?');
    params.push(from.slice(0, PREFIX.minute));
  }
  if (to) {
    where.push('start < ?');
    params.push(to.slice(0, PREFIX.minute));
  }
  return store.all<Group>(
    `SELECT substr(start, 1, ${PREFIX[unit]}) AS b, category, evidence_id, sum(n) AS n FROM rollup_minute_category
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY b, category, evidence_id`,
    params,
  );
}

/**
 * Runs of empty buckets between buckets with data (a logging gap, or a quiet spell), long
 * enough to matter: at least a tenth of the chart and two buckets, so the spacing between
 * five-minute beacons on a minute scale is not called a gap.
 */
export function findGaps(buckets: readonly HistogramBucket[], minRun = Math.max(2, Math.ceil(buckets.length / 10))): [number, number][] {
  const gaps: [number, number][] = [];
  const first = buckets.findIndex((b) => b.total > 0);
  let last = -1;
  for (let i = buckets.length - 1; i >= 0; i--) if (buckets[i]!.total > 0) { last = i; break; }
  let start = -1;
  for (let i = first + 1; first >= 0 && i <= last; i++) {
    if (buckets[i]!.total === 0) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start >= minRun) gaps.push([start, i - 1]);
      start = -1;
    }
  }
  return gaps;
}

/**
 * Bursts: buckets far above the usual, by a robust rule (more than the median plus three
 * scaled median absolute deviations of non-empty buckets, and at least twice the median),
 * so one busy hour stands out without a mean dragged up by it.
 */
export function markBursts(buckets: HistogramBucket[]): void {
  const values = buckets.map((b) => b.total).filter((n) => n > 0).sort((a, b) => a - b);
  if (values.length < 5) return;
  const median = quantile(values);
  const mad = quantile(values.map((v) => Math.abs(v - median)).sort((a, b) => a - b)) * 1.4826;
  const threshold = Math.max(median * 2, median + 3 * Math.max(mad, 1));
  for (const b of buckets) b.burst = b.total > threshold;
}

function quantile(sorted: number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
