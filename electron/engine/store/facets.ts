// Counts per value of a few fields for the events a query matches ("stacking"): the most
// frequent values, and the least frequent, which is where one odd host or one beacon port
// stands out among thousands of ordinary ones.
import { FACET_FIELDS, type Facet, type FacetField, type FacetRequest, type FacetResult, type FacetValue } from '../../common/workspace';
import type { CaseStore } from './case-store';
import { whereFor } from './event-queries';
import type { WhereClause } from './query';
import { QueryError } from './query/errors';

const MAX_VALUES = 50;

/**
 * One pass over the groups, in index order (each field has a NOCASE index, migration 008),
 * keeping the top and bottom `limit` in small sorted arrays: no sort of all groups, which
 * for addresses can be as many as the events.
 */
function facet(store: CaseStore, field: FacetField, where: WhereClause, limit: number): Facet {
  const key = field === 'dst_port' ? field : `${field} COLLATE NOCASE`;
  const stmt = store.db.prepare(`SELECT ${field} AS value, count(*) AS n FROM event_row ${where.sql} GROUP BY ${key}`);
  const top: FacetValue[] = [];
  const rare: FacetValue[] = [];
  let distinct = 0;
  try {
    stmt.bind(where.params);
    while (stmt.step()) {
      const [value, n] = stmt.get() as [string | number | null, number];
      distinct++;
      keep(top, { value, count: n }, limit, (a, b) => b.count - a.count);
      keep(rare, { value, count: n }, limit, (a, b) => a.count - b.count);
    }
  } finally {
    stmt.free();
  }
  return { field, top, rare, distinct };
}

/** Inserts v into the sorted array `list` if it belongs in the first `limit` (stable for ties). */
function keep(list: FacetValue[], v: FacetValue, limit: number, cmp: (a: FacetValue, b: FacetValue) => number): void {
  if (list.length === limit && cmp(v, list[limit - 1]!) >= 0) return;
  let i = list.length;
  while (i > 0 && cmp(v, list[i - 1]!) < 0) i--;
  list.splice(i, 0, v);
  if (list.length > limit) list.pop();
}

export function facetCounts(store: CaseStore, req: FacetRequest): FacetResult {
  const started = performance.now();
  const fields = req.fields?.length ? req.fields : [...FACET_FIELDS];
  for (const f of fields) if (!(FACET_FIELDS as readonly string[]).includes(f)) throw new QueryError(`no facet for "${String(f)}"`, 0);
  const limit = Math.max(1, Math.min(Math.floor(Number(req.limit)) || 10, MAX_VALUES));
  const where = whereFor(store, req.filter);
  const facets = fields.map((f) => facet(store, f, where, limit));
  return { facets, elapsedMs: Math.round(performance.now() - started) };
}
