// How far the full-text index has got, and what that means for a query: bare words use the
// index only when it covers every event (otherwise a scan, which is slower but complete).
import type { FtsState } from '../../../common/workspace';
import type { CaseStore } from '../case-store';
import type { CompileOptions } from '../query';
import { missingIndexes } from './workspace-indexes';

export function indexedThrough(store: CaseStore): number {
  return Number(store.scalar('SELECT indexed_through FROM fts_state WHERE id = 1') ?? 0);
}

export function maxEventId(store: CaseStore): number {
  return Number(store.scalar('SELECT coalesce(max(id), 0) FROM event_row') ?? 0);
}

/** Both are one index seek, so every query can afford to ask. */
export function ftsComplete(store: CaseStore): boolean {
  return indexedThrough(store) >= maxEventId(store);
}

export function searchOptions(store: CaseStore): CompileOptions {
  return { ftsReady: ftsComplete(store) };
}

export function ftsState(store: CaseStore, writable: boolean): FtsState {
  const indexed = indexedThrough(store);
  const total = maxEventId(store);
  const pendingIndexes = missingIndexes(store);
  if (indexed >= total) return { state: 'ready', indexed: total, pendingIndexes };
  return { state: writable ? 'building' : 'unavailable', indexed, total, pendingIndexes };
}
