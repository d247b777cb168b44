// How a query with bare words should be read, decided by how many events the words match.
// SQLite plans `id IN (SELECT docid FROM event_fts ...)` the same way whatever the word: fetch
// every matching row by id, sort them all by time, keep one page. For a rare word that is
// right (87 rows: ~1 ms). For a common one it reads every match to show 200 (50k matches of
// 1M: 42 ms warm, ~100 ms from disk), where walking the time index and keeping the rows in the
// word's set stops after a few thousand rows (12 ms). The reverse choice for a rare word walks
// the whole case (72 ms). Counting a word's documents in the index is cheap (a doclist read,
// 4-6 ms for 50k), so the choice is made on the count, not guessed.
import type { CaseStore } from '../case-store';
import { FTS_MEMBERSHIP } from '../query/compile';
import type { WhereClause } from '../query';
import { maxEventId } from './fts-state';

/** Events whose indexed text matches an FTS4 MATCH expression. */
export function ftsMatchCount(store: CaseStore, match: string): number {
  return Number(store.scalar('SELECT count(*) FROM event_fts WHERE event_fts MATCH ?', [match]) ?? 0);
}

/**
 * Walking the time index costs ~one row per (events / matches) rows read per row shown; fetching
 * every match costs ~10x a walked row each (measured, see above). Walk when the matches exceed
 * sqrt(page * events / 10): for a 200-row page of 1M events, above ~4,500 matches.
 */
export function walkTimeIndex(store: CaseStore, where: WhereClause, pageRows: number): boolean {
  if (where.ftsRequired.length === 0) return false;
  const fewest = Math.min(...where.ftsRequired.map((m) => ftsMatchCount(store, m)));
  return fewest * fewest * 10 > pageRows * maxEventId(store);
}

/** The condition with its bare words kept out of the plan's choice of index (unary +). */
export function withoutFtsDriving(sql: string): string {
  return sql.split(FTS_MEMBERSHIP).join(`+${FTS_MEMBERSHIP}`);
}
