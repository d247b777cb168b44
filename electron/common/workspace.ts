// Protocol types of the investigation workspace's search, paging and facets (issue 11).
// Pure types; referenced from protocol.ts's Handlers map.
import type { EventFilter } from './protocol';
import type { EventRow } from './schema';

/** Columns the grid can sort by (keyset on (column, id); each has an index). */
export const SORTABLE_COLUMNS = ['time', 'host', 'user', 'category', 'action', 'process_name', 'src_ip', 'dst_ip', 'dst_port', 'domain'] as const;
export type SortColumn = (typeof SORTABLE_COLUMNS)[number];

export interface EventSort {
  column: SortColumn;
  descending?: boolean;
}

/** Where a keyset page sits: the sort column's value and the id of a row. */
export interface PageCursor {
  value: string | number | null;
  id: number;
}

export type PageAt =
  | { kind: 'first' }
  | { kind: 'last' }
  /** The rows after this one, in sort order. */
  | { kind: 'after'; cursor: PageCursor }
  /** The rows before this one (returned in sort order). */
  | { kind: 'before'; cursor: PageCursor }
  /** The first row at or after this time (time sort only); ISO-8601, partial allowed. */
  | { kind: 'time'; time: string };

export interface EventPageRequest {
  filter?: EventFilter;
  sort?: EventSort;
  at: PageAt;
  limit: number;
}

export interface EventPage {
  rows: EventRow[];
  /**
   * Position of rows[0] in the whole result, when the engine knows it without counting
   * (first: 0) or counted it (time: the rows before). null for after/before: the caller
   * knows where its cursor was; last: count - rows.length, the caller has the count.
   */
  startIndex: number | null;
}

/** The query bar's text split into chips, or where it cannot be read. */
export type QueryParse =
  | { ok: true; clauses: { text: string; start: number; end: number; negated: boolean }[] }
  /** code and vars name the mistake for the UI's own words (search.err.<code>); message is English. */
  | { ok: false; message: string; column: number; offset: number; code: string; vars: Record<string, string> };

export type FtsState = (
  /** Every event is in the full-text index: bare words use it. */
  | { state: 'ready'; indexed: number }
  /** Being built after an ingest; bare words scan meanwhile. */
  | { state: 'building'; indexed: number; total: number }
  /** A read-only case that was never indexed: bare words scan. */
  | { state: 'unavailable'; indexed: number; total: number }
) & {
  /** Workspace indexes (facets, sorts) still to build after the full-text index. */
  pendingIndexes: number;
};

export const FACET_FIELDS = ['host', 'user', 'category', 'action', 'src_ip', 'dst_ip', 'domain', 'dst_port'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

export interface FacetRequest {
  filter?: EventFilter;
  fields?: FacetField[];
  /** Values per field, most frequent (top) and least frequent (rare). */
  limit?: number;
}

export interface FacetValue {
  /** null: events with no value for the field. */
  value: string | number | null;
  count: number;
}

export interface Facet {
  field: FacetField;
  top: FacetValue[];
  rare: FacetValue[];
  /** Distinct values (NULL counted as one). */
  distinct: number;
}

export interface FacetResult {
  facets: Facet[];
  elapsedMs: number;
}

export interface SavedSearch {
  id: number;
  name: string;
  query: string;
  examiner: string;
  createdAt: string;
}

export interface WorkspaceHandlers {
  /** A keyset page of the timeline (never OFFSET: as fast at the end as at the start). */
  'events.keyset': (args: EventPageRequest) => EventPage;
  'search.parse': (args: { query: string }) => QueryParse;
  'search.fts': (args: Record<string, never>) => FtsState;
  'search.saved': (args: Record<string, never>) => SavedSearch[];
  /** Saves a search in the case (a search.saved custody entry). */
  'search.save': (args: { name: string; query: string }) => SavedSearch;
  'search.deleteSaved': (args: { id: number }) => { removed: number };
  'facets.counts': (args: FacetRequest) => FacetResult;
}
