// Counts per value of a few fields for the events a query matches ("stacking"): the most
// frequent values, and the least frequent, which is where one odd host or one beacon port
// stands out among thousands of ordinary ones.
//
// Two ways to count (measured on 1M events, docs/workspace-performance.md):
// - the whole case (no query): from the rollups kept at ingest (a row per value and file), or,
//   for a field some file had too many values of to roll up, a GROUP BY along the field's NOCASE
//   index (store/fts/workspace-indexes.ts), which reads the index, not the rows; kept until the
//   case changes (SQLite's total_changes()), since it is what every case opening asks first;
// - a query: each matching row read once for all fields, counted in maps. A GROUP BY per field
//   looks every matching row up once per field: for four hours of a 1M-event case (400k events)
//   15.9 s against 2.5 s.
import { FACET_FIELDS, type Facet, type FacetField, type FacetRequest, type FacetResult, type FacetValue } from '../../common/workspace';
import type { CaseStore } from './case-store';
import { whereFor } from './event-queries';
import type { WhereClause } from './query';
import { QueryError } from './query/errors';

const MAX_VALUES = 50;

interface Tally {
  top: FacetValue[];
  rare: FacetValue[];
  distinct: number;
}

/** One pass over the groups, keeping the top and bottom `limit` in small sorted arrays. */
function tally(groups: Iterable<FacetValue>, limit: number): Tally {
  const top: FacetValue[] = [];
  const rare: FacetValue[] = [];
  let distinct = 0;
  for (const g of groups) {
    distinct++;
    keep(top, g, limit, (a, b) => b.count - a.count);
    keep(rare, g, limit, (a, b) => a.count - b.count);
  }
  return { top, rare, distinct };
}

/** Inserts v into the sorted array `list` if it belongs in the first `limit` (stable for ties). */
function keep(list: FacetValue[], v: FacetValue, limit: number, cmp: (a: FacetValue, b: FacetValue) => number): void {
  if (list.length === limit && cmp(v, list[limit - 1]!) >= 0) return;
  let i = list.length;
  while (i > 0 && cmp(v, list[i - 1]!) < 0) i--;
  list.splice(i, 0, { value: v.value, count: v.count });
  if (list.length > limit) list.pop();
}

function* groupsByIndex(store: CaseStore, field: FacetField, where: WhereClause): Generator<FacetValue> {
  const key = field === 'dst_port' ? field : `${field} COLLATE NOCASE`;
  const stmt = store.db.prepare(`SELECT ${field} AS value, count(*) AS n FROM event_row ${where.sql} GROUP BY ${key}`);
  try {
    stmt.bind(where.params);
    while (stmt.step()) {
      const [value, count] = stmt.get() as [string | number | null, number];
      yield { value, count };
    }
  } finally {
    stmt.free();
  }
}

/** SQLite's NOCASE: ASCII letters folded, everything else as is. */
function nocase(v: string | number | null): string | number | null {
  return typeof v === 'string' ? v.replace(/[A-Z]+/g, (s) => s.toLowerCase()) : v;
}

function byRowPass(store: CaseStore, fields: FacetField[], where: WhereClause, limit: number): Facet[] {
  const maps = fields.map(() => new Map<string | number | null, FacetValue>());
  const stmt = store.db.prepare(`SELECT ${fields.join(', ')} FROM event_row ${where.sql}`);
  try {
    stmt.bind(where.params);
    while (stmt.step()) {
      const row = stmt.get() as (string | number | null)[];
      for (let i = 0; i < fields.length; i++) {
        const v = row[i] ?? null;
        const k = nocase(v);
        const g = maps[i]!.get(k);
        if (g) g.count++;
        else maps[i]!.set(k, { value: v, count: 1 });
      }
    }
  } finally {
    stmt.free();
  }
  // Index order (NOCASE text, NULL first) so ties list as the GROUP BY path lists them.
  return fields.map((field, i) => ({ field, ...tally([...maps[i]!.values()].sort(indexOrder), limit) }));
}

function indexOrder(a: FacetValue, b: FacetValue): number {
  if (a.value === b.value) return 0;
  if (a.value === null) return -1;
  if (b.value === null) return 1;
  const x = nocase(a.value)!;
  const y = nocase(b.value)!;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * A field's groups over the whole case from the rollups (store/rollups/: counts kept per file
 * at ingest, tag, skew and removal), grouped as the index path groups them (NOCASE, each group
 * shown by its most frequent spelling, events without a value as one group); null when some
 * file's values of the field were too many to roll up. Reads a row per value and file, not
 * one per event: a 20M-event case answers as fast as a small one.
 */
function groupsFromRollups(store: CaseStore, field: FacetField): FacetValue[] | null {
  if (store.scalar('SELECT 1 FROM rollup_gap WHERE field = ? LIMIT 1', [field]) !== null) return null;
  const groups = new Map<string | number | null, { value: string | number; count: number; best: number }>();
  let counted = 0;
  const stmt = store.db.prepare('SELECT value, sum(n) AS n FROM rollup_count WHERE field = ? GROUP BY value');
  try {
    stmt.bind([field]);
    while (stmt.step()) {
      const [value, n] = stmt.get() as [string | number, number];
      counted += n;
      const k = nocase(value);
      const g = groups.get(k);
      if (!g) groups.set(k, { value, count: n, best: n });
      else {
        g.count += n;
        if (n > g.best) Object.assign(g, { value, best: n });
      }
    }
  } finally {
    stmt.free();
  }
  // Every event has a time, so the hourly rollup sums to the case's events.
  const total = Number(store.scalar("SELECT coalesce(sum(n), 0) FROM rollup_time WHERE bucket = 'hour'"));
  const out: FacetValue[] = [...groups.values()].map((g) => ({ value: g.value, count: g.count }));
  if (total > counted) out.push({ value: null, count: total - counted });
  return out.sort(indexOrder);
}

const unfiltered = new WeakMap<CaseStore, { key: number; limit: number; facets: Map<FacetField, Facet> }>();

export function facetCounts(store: CaseStore, req: FacetRequest): FacetResult {
  const started = performance.now();
  const fields = req.fields?.length ? req.fields : [...FACET_FIELDS];
  for (const f of fields) if (!(FACET_FIELDS as readonly string[]).includes(f)) throw new QueryError(`no facet for "${String(f)}"`, 0);
  const limit = Math.max(1, Math.min(Math.floor(Number(req.limit)) || 10, MAX_VALUES));
  const where = whereFor(store, req.filter);
  let facets: Facet[];
  if (!where.sql) {
    const key = Number(store.scalar('SELECT total_changes()'));
    let cached = unfiltered.get(store);
    if (!cached || cached.key !== key || cached.limit !== limit) unfiltered.set(store, (cached = { key, limit, facets: new Map() }));
    const cache = cached.facets;
    facets = fields.map((f) => cache.get(f) ?? cache.set(f, { field: f, ...tally(groupsFromRollups(store, f) ?? groupsByIndex(store, f, where), limit) }).get(f)!);
  } else {
    facets = byRowPass(store, fields, where, limit);
  }
  return { facets, elapsedMs: Math.round(performance.now() - started) };
}
