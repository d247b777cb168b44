// What a .zip's ingest amounted to, for its progress row: the entries' events, and a line
// naming every entry that was left out (skipped or failed) so none goes unnoticed. The line is
// in English with a code beside it (common/coded-text.ts), rendered in the UI's language.
import type { CodedText, ZipEntryOutcome } from '../../contracts';

export function zipTotals(entries: ZipEntryOutcome[]): { events: number; rejected: number; problems: string | null; problemsCode?: CodedText } {
  const left = entries.filter((e) => e.status !== 'ingested' && !e.entry.endsWith('/'));
  const ingested = entries.filter((e) => e.status === 'ingested').length;
  const totals = {
    events: entries.reduce((n, e) => n + (e.events ?? 0), 0),
    rejected: entries.reduce((n, e) => n + (e.rejected ?? 0), 0),
  };
  if (!left.length) return { ...totals, problems: null };
  const list: CodedText = {
    code: 'listSemi',
    params: Object.fromEntries(
      left.map((e, i) => [String(i), { code: 'zip.entry', params: { entry: e.entry, status: { code: `zip.status.${e.status}` }, reason: e.reason_code ?? e.reason ?? '' } }]),
    ),
  };
  return {
    ...totals,
    problems: `${ingested} of ${ingested + left.length} entries ingested; ${left.map((e) => `${e.entry}: ${e.status} (${e.reason ?? ''})`).join('; ')}`,
    problemsCode: { code: 'zip.problems', params: { ingested, total: ingested + left.length, list } },
  };
}
