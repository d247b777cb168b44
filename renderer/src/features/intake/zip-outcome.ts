// What a .zip's ingest amounted to, for its progress row: the entries' events, and a line
// naming every entry that was left out (skipped or failed) so none goes unnoticed.
import type { ZipEntryOutcome } from '../../contracts';

export function zipTotals(entries: ZipEntryOutcome[]): { events: number; rejected: number; problems: string | null } {
  const left = entries.filter((e) => e.status !== 'ingested' && !e.entry.endsWith('/'));
  const ingested = entries.filter((e) => e.status === 'ingested').length;
  return {
    events: entries.reduce((n, e) => n + (e.events ?? 0), 0),
    rejected: entries.reduce((n, e) => n + (e.rejected ?? 0), 0),
    problems: left.length
      ? `${ingested} of ${ingested + left.length} entries ingested; ${left.map((e) => `${e.entry}: ${e.status} (${e.reason ?? ''})`).join('; ')}`
      : null,
  };
}
