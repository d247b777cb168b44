// Streams the timeline out of the case for the row exports (XLSX, CSV, Timesketch): one
// prepared statement stepped row by row, so a million events never sit in memory at once.
import type { SqlValue } from 'sql.js';
import type { EventFilter } from '../../common/protocol';
import { EVENT_COLUMNS, type EventColumn } from '../../common/schema';
import type { CaseStore } from '../store/case-store';
import { whereFor } from '../store/event-queries';

/** Columns a row export adds to the events view: the tags and the evidence file's name and hash. */
type AddedColumn = 'tags' | 'evidence_name' | 'evidence_sha256';
export type TimelineColumn = EventColumn | AddedColumn;

// Each added column sits next to the view column it belongs with, so a new view column reaches
// every export without a second list to keep in step.
const ADDED_AFTER: Partial<Record<EventColumn, readonly AddedColumn[]>> = {
  extra: ['tags'],
  evidence_id: ['evidence_name', 'evidence_sha256'],
};

/** Columns every row export carries, in order: the events view plus provenance and tags. */
export const TIMELINE_COLUMNS: readonly TimelineColumn[] = EVENT_COLUMNS.flatMap((c): TimelineColumn[] => [c, ...(ADDED_AFTER[c] ?? [])]);

// The evidence name and hash are filled in from a map of the (few) evidence rows rather than
// looked up per event in SQL.
const SELECT_LIST = TIMELINE_COLUMNS.map((c) => {
  if (c === 'tags') return "(SELECT group_concat(label, ', ') FROM tag t WHERE t.event_id = events.id AND t.removed_at IS NULL) AS tags";
  if (c === 'evidence_name' || c === 'evidence_sha256') return `NULL AS ${c}`;
  return `events.${c}`;
}).join(', ');

/** Column index by name, for writers that pick a few columns out of each row. */
export const COL: { [K in TimelineColumn]: number } = Object.fromEntries(TIMELINE_COLUMNS.map((c, i) => [c, i])) as {
  [K in TimelineColumn]: number;
};

// Let the event loop run (output streams drain, a serve connection stays answered) every so often.
const YIELD_EVERY = 2000;

/**
 * Calls `onRow` with each event's values (in TIMELINE_COLUMNS order) in time order; waits when
 * it returns a promise (a stream asking for backpressure). Returns the number of rows.
 */
export async function forEachTimelineRow(
  store: CaseStore,
  filter: EventFilter | undefined,
  onRow: (values: SqlValue[]) => void | Promise<void>,
): Promise<number> {
  const where = whereFor(store, filter);
  const evidence = new Map(store.all<{ id: number; name: string; sha256: string | null }>('SELECT id, name, sha256 FROM evidence').map((e) => [e.id, e]));
  const stmt = store.db.prepare(`SELECT ${SELECT_LIST} FROM events ${where.sql} ORDER BY events.time, events.id`);
  let n = 0;
  try {
    stmt.bind(where.params);
    while (stmt.step()) {
      const values = stmt.get();
      const ev = evidence.get(values[COL.evidence_id] as number);
      values[COL.evidence_name] = ev?.name ?? null;
      values[COL.evidence_sha256] = ev?.sha256 ?? null;
      const pending = onRow(values);
      if (pending) await pending;
      if (++n % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    stmt.free();
  }
  return n;
}
