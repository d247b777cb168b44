// What the custody log says of a scoped ingest, in its evidence.parsed entry: the scope as
// given (times, hosts, addresses, the indicator file's path, SHA-256 and indicators) and how
// many parsed events it left out. `events` in the same entry is what was kept; the hashes in
// evidence.added are of the whole file.
import type { CaseStore } from '../../store/case-store';
import type { ImportScope } from './types';

export function scopeDetails(store: CaseStore, evidenceId: number): { scope?: ImportScope; scopedOut?: number } {
  const row = store.all<{ scope: string | null; scoped_out: number }>('SELECT scope, scoped_out FROM evidence WHERE id = ?', [evidenceId])[0];
  if (!row || row.scope === null) return {};
  return { scope: JSON.parse(row.scope) as ImportScope, scopedOut: Number(row.scoped_out) };
}
