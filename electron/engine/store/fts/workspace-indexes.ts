// Indexes for facets, the host filter and the grid's sort on other columns. Not created by
// migration 008: maintained during a bulk insert, they made a 200k-event ingest 2-3 times
// slower and its case half again as large (measured: docs/workspace-performance.md). They are
// built after ingest, one per write job, once the full-text index is complete
// (rpc/fts-scheduler.ts); later ingests keep them up to date. NOCASE, as queries compare text
// case-insensitively (host:ws-tky-014 = WS-TKY-014); each ends in rowid, the keyset tie.
import type { CaseStore } from '../case-store';

export const WORKSPACE_INDEXES: readonly { name: string; sql: string }[] = [
  // The grid's commonest question, one host in time order: 200 rows read, not every row of the host.
  { name: 'event_row_host_time', sql: 'CREATE INDEX IF NOT EXISTS event_row_host_time ON event_row (host COLLATE NOCASE, time)' },
  { name: 'event_row_host', sql: 'CREATE INDEX IF NOT EXISTS event_row_host ON event_row (host COLLATE NOCASE)' },
  { name: 'event_row_category', sql: 'CREATE INDEX IF NOT EXISTS event_row_category ON event_row (category COLLATE NOCASE)' },
  { name: 'event_row_action', sql: 'CREATE INDEX IF NOT EXISTS event_row_action ON event_row (action COLLATE NOCASE)' },
  { name: 'event_row_user', sql: 'CREATE INDEX IF NOT EXISTS event_row_user ON event_row (user COLLATE NOCASE)' },
  { name: 'event_row_process_name', sql: 'CREATE INDEX IF NOT EXISTS event_row_process_name ON event_row (process_name COLLATE NOCASE)' },
  { name: 'event_row_src_ip', sql: 'CREATE INDEX IF NOT EXISTS event_row_src_ip ON event_row (src_ip COLLATE NOCASE)' },
  { name: 'event_row_dst_ip', sql: 'CREATE INDEX IF NOT EXISTS event_row_dst_ip ON event_row (dst_ip COLLATE NOCASE)' },
  { name: 'event_row_domain', sql: 'CREATE INDEX IF NOT EXISTS event_row_domain ON event_row (domain COLLATE NOCASE)' },
  { name: 'event_row_dst_port', sql: 'CREATE INDEX IF NOT EXISTS event_row_dst_port ON event_row (dst_port)' },
];

/** Workspace indexes the case does not have yet. */
export function missingIndexes(store: CaseStore): number {
  const have = new Set(store.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'index'").map((r) => r.name));
  return WORKSPACE_INDEXES.filter((i) => !have.has(i.name)).length;
}

/** Builds the first missing index; true when one was built (others may remain). */
export function buildNextIndex(store: CaseStore): boolean {
  for (const index of WORKSPACE_INDEXES) {
    if (store.scalar("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", [index.name]) !== null) continue;
    store.db.exec(index.sql);
    return true;
  }
  return false;
}
