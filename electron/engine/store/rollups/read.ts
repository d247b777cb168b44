// The read side of the rollups: what the workspace's facets and histogram call for a query
// with no filter, instead of a GROUP BY over every event. Sums over evidence files, whose
// rows are a few per value: at 20M events the cost follows the number of distinct values,
// not the number of events.
import type { SqlValue } from 'sql.js';
import type { CaseStore } from '../case-store';
import { BUCKET_PREFIX, isRollupField, type RollupField, type TimeBucket } from './fields';

export interface FacetCount {
  /** As event_row holds it (dst_port is a number). */
  value: string | number;
  count: number;
}

/**
 * The `limit` most frequent values of a field over the whole case, most frequent first (ties
 * by value), NULLs not counted. `tag` counts events carrying an active tag of each label.
 */
export function facetCounts(store: CaseStore, field: RollupField, limit = 50): FacetCount[] {
  if (!isRollupField(field)) throw new Error(`no rollup for field "${String(field)}"`);
  const n = Math.max(0, Math.trunc(limit));
  if (facetSource(store, field) === 'scan') {
    // field is one of FACET_FIELDS (checked above; tags are never gaps), never text from outside.
    return store
      .all<{ value: SqlValue; n: number }>(
        `SELECT ${field} AS value, count(*) AS n FROM event_row WHERE ${field} IS NOT NULL GROUP BY ${field} ORDER BY n DESC, value LIMIT ?`,
        [n],
      )
      .map((r) => ({ value: r.value as string | number, count: Number(r.n) }));
  }
  return store
    .all<{ value: SqlValue; n: number }>(
      'SELECT value, sum(n) AS n FROM rollup_count WHERE field = ? GROUP BY value ORDER BY n DESC, value LIMIT ?',
      [field, n],
    )
    .map((r) => ({ value: r.value as string | number, count: Number(r.n) }));
}

/**
 * Where facetCounts answers from: the rollup, or a scan of the events when some file had too
 * many distinct values of the field to roll up (rollup_gap). A caller can say it is counting.
 */
export function facetSource(store: CaseStore, field: RollupField): 'rollup' | 'scan' {
  return store.scalar('SELECT 1 FROM rollup_gap WHERE field = ? LIMIT 1', [field]) === null ? 'rollup' : 'scan';
}

export interface HistogramBin {
  /** The bucket's first instant as ISO UTC text cut to the bucket: 2026-10-05T00:12 (minute), 2026-10-05T00 (hour). */
  start: string;
  count: number;
}

/**
 * Events per UTC minute or hour, in time order, empty buckets left out. `from`/`to` are ISO
 * UTC times (event_row.time's text or a prefix of it); every bucket holding an instant of
 * [from, to] is returned, whole.
 */
export function histogram(store: CaseStore, bucket: TimeBucket, from?: string, to?: string): HistogramBin[] {
  const width = BUCKET_PREFIX[bucket];
  if (width === undefined) throw new Error(`no histogram bucket "${String(bucket)}"`);
  const where = ['bucket = ?'];
  const params: SqlValue[] = [bucket];
  if (from !== undefined) {
    where.push('start >= ?');
    params.push(from.slice(0, width));
  }
  if (to !== undefined) {
    where.push('start <= ?');
    params.push(to.slice(0, width));
  }
  return store
    .all<{ start: string; n: number }>(`SELECT start, sum(n) AS n FROM rollup_time WHERE ${where.join(' AND ')} GROUP BY start ORDER BY start`, params)
    .map((r) => ({ start: r.start, count: Number(r.n) }));
}
