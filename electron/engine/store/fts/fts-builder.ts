// Fills the full-text index after an ingest, a chunk of events at a time. Each chunk is its
// own short write job (the caller queues it with the other writes), so a tag or a note waits
// at most one chunk, and reads, which never queue, run between chunks.
import type { CaseStore } from '../case-store';
import { FTS_COLUMNS } from '../migrations/008_search';
import { indexedThrough, maxEventId } from './fts-state';

/**
 * Events per chunk. Measured on a 1M-event case: 5,000 took ~200 ms, long enough for a read
 * waiting behind it to be felt; 2,000 keeps each pause under ~100 ms.
 */
export const FTS_CHUNK = 2000;

const COLS = FTS_COLUMNS.join(', ');

/**
 * Indexes the next chunk of events above the mark, in id order, and moves the mark.
 * Returns true when events remain above the mark.
 */
export function indexNextChunk(store: CaseStore, chunk = FTS_CHUNK): boolean {
  const from = indexedThrough(store);
  const top = maxEventId(store);
  if (from >= top) return false;
  const through = Number(
    store.scalar('SELECT max(id) FROM (SELECT id FROM event_row WHERE id > ? ORDER BY id LIMIT ?)', [from, chunk]) ?? top,
  );
  const db = store.db;
  db.exec('BEGIN');
  try {
    db.run(`INSERT INTO event_fts (docid, ${COLS}) SELECT id, ${COLS} FROM event_row WHERE id > ? AND id <= ?`, [from, through]);
    db.run('UPDATE fts_state SET indexed_through = ? WHERE id = 1', [through]);
    db.exec('COMMIT');
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
  return through < maxEventId(store);
}
