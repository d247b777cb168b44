// Counts per value of a few fields for the events a query matches ("stacking"): the most
// frequent values, and the least frequent, which is where one odd host or one beacon port
// stands out among thousands of ordinary ones.
//
// Two ways to count, chosen by how many events match (measured on 1M events, docs/
// workspace-performance.md):
// - few (a host, a rare word): read each matching row once for all fields and count in maps;
//   grouping field by field would look every row up once per field;
// - many (no query, or a broad one): GROUP BY along each field's NOCASE index (built after
//   ingest: store/fts/workspace-indexes.ts), which reads the index, not the rows. Without a query the answer is kept until the case
//   changes (SQLite's total_changes()), since it is what every case opening asks first.
import { FACET_FIELDS, type Facet, type FacetField, type FacetRequest, type FacetResult, type FacetValue } from '../../common/workspace';
import type { CaseStore } from './case-store';
import { countEvents, whereFor } from './event-queries';
import type { WhereClause } from './query';
import { QueryError } from './query/errors';

const MAX_VALUES = 50;
/** Up to this many matches, one pass over the rows beats a GROUP BY per field. */
const ROW_PASS_LIMIT = 100_000;

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
    facets = fields.map((f) => cache.get(f) ?? cache.set(f, { field: f, ...tally(groupsByIndex(store, f, where), limit) }).get(f)!);
  } else if (countEvents(store, req.filter) <= ROW_PASS_LIMIT) {
    facets = byRowPass(store, fields, where, limit);
  } else {
    facets = fields.map((f) => ({ field: f, ...tally(groupsByIndex(store, f, where), limit) }));
  }
  return { facets, elapsedMs: Math.round(performance.now() - started) };
}

/**
 * The same, with the event loop let run between fields when there is no query: counting a
 * field along its index over a million events takes a few hundred milliseconds cold, and
 * the grid's reads must not wait for all eight at once.
 */
export async function facetCountsYielding(store: CaseStore, req: FacetRequest): Promise<FacetResult> {
  if (req.filter && whereFor(store, req.filter).sql) return facetCounts(store, req);
  const started = performance.now();
  const facets: Facet[] = [];
  for (const field of req.fields?.length ? req.fields : [...FACET_FIELDS]) {
    facets.push(...facetCounts(store, { ...req, fields: [field] }).facets);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { facets, elapsedMs: Math.round(performance.now() - started) };
}
