// Reading the timeline: counts (pages: event-pages.ts). One event with its original record, read
// back from the evidence, is ingest/original-record.ts.
import type { EventFilter } from '../../common/protocol';
import type { CaseStore } from './case-store';
import { searchOptions } from './fts/fts-state';
import { whereClause, type WhereClause } from './query';
import { ftsMatchCount } from './fts/fts-plan';

export { whereClause } from './query';

/**
 * The WHERE clause of a filter on this case: bare words go through the full-text index when
 * it covers every event. Everything that lists events (grid, count, facets, exports) uses
 * this, so they agree on what a query matches.
 */
export function whereFor(store: CaseStore, filter: EventFilter | undefined): WhereClause {
  return whereClause(filter, searchOptions(store));
}

export function countEvents(store: CaseStore, filter?: EventFilter): number {
  const where = whereFor(store, filter);
  // Only bare words: the index's documents are the matching events, no row need be read
  // (a common word's 50k rows fetched one by one took ~100 ms from disk).
  if (where.ftsOnly !== null) return ftsMatchCount(store, where.ftsOnly);
  // Every condition names event_row's own columns, so the view's join is not needed.
  return Number(store.scalar(`SELECT count(*) FROM event_row ${where.sql}`, where.params));
}
