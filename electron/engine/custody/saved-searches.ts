// Searches saved in the case. A saved search is examiner work product ("the query that shows
// the beaconing"), so it is a custody entry like a tag: who saved which query when, replayed
// from the journal after a crash, listed in the custody log a reviewer reads, and carried
// inside evidence packages with the case. A table of its own would be none of these.
import type { SavedSearch } from '../../common/workspace';
import { splitClauses } from '../store/query';
import type { CaseStore } from '../store/case-store';
import { ActionError } from './actions';
import type { CustodyEntry } from './chain';
import type { CaseSession } from './session';
import { registerReplayEffect } from './effects';

const MAX_NAME = 200;
const MAX_QUERY = 10_000;

export function listSavedSearches(store: CaseStore): SavedSearch[] {
  return store
    .all<{ id: number; name: string; query: string; examiner: string; created_at: string }>(
      'SELECT id, name, query, examiner, created_at FROM saved_search WHERE removed_at IS NULL ORDER BY name COLLATE NOCASE, id',
    )
    .map((r) => ({ id: r.id, name: r.name, query: r.query, examiner: r.examiner, createdAt: r.created_at }));
}

export function saveSearch(session: CaseSession, name: string, query: string): SavedSearch {
  session.requireWritable();
  const n = name.normalize('NFC').trim();
  const q = query.trim();
  if (!n) throw new ActionError('a saved search needs a name');
  if (n.length > MAX_NAME) throw new ActionError(`a saved search name is at most ${MAX_NAME} characters`);
  if (!q) throw new ActionError('there is no query to save');
  if (q.length > MAX_QUERY) throw new ActionError(`a saved query is at most ${MAX_QUERY} characters`);
  const parsed = splitClauses(q);
  if (!parsed.ok) throw new ActionError(`the query cannot be read (column ${parsed.column}: ${parsed.message})`);
  const entry = session.record('search.saved', { name: n, query: q });
  return listSavedSearches(session.store).find((s) => s.id === entry.id)!;
}

export function deleteSavedSearch(session: CaseSession, id: number): void {
  session.requireWritable();
  const row = session.store.all<{ name: string; query: string }>('SELECT name, query FROM saved_search WHERE id = ? AND removed_at IS NULL', [id])[0];
  if (!row) throw new ActionError(`no saved search #${id}`);
  session.record('search.deleted', { searchId: id, name: row.name, query: row.query });
}

/** custody/apply.ts: the effect of search.saved and search.deleted entries. */
export function applySavedSearch(store: CaseStore, e: CustodyEntry, d: Record<string, unknown>): void {
  if (e.action === 'search.saved') {
    store.db.run('INSERT OR IGNORE INTO saved_search (id, name, query, examiner, created_at) VALUES (?, ?, ?, ?, ?)', [
      e.id,
      String(d.name),
      String(d.query),
      e.examiner,
      e.time,
    ]);
  } else {
    store.db.run('UPDATE saved_search SET removed_at = ? WHERE id = ? AND removed_at IS NULL', [e.time, Number(d.searchId)]);
  }
}

registerReplayEffect('search.saved', (store, e) => applySavedSearch(store, e as unknown as CustodyEntry, e.details));
registerReplayEffect('search.deleted', (store, e) => applySavedSearch(store, e as unknown as CustodyEntry, e.details));
