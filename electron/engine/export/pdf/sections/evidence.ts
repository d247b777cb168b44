// The evidence table: one block per file, its full hashes each on a line of its own in a
// monospaced font so they can be read and compared unambiguously.
import type { ReportData } from '../../report-data';
import type { ReportWriter } from '../writer';

export function writeEvidence(w: ReportWriter, data: ReportData): void {
  const { m } = w;
  const c = m.col;
  w.heading(m.sections.evidence);
  if (!data.evidence.length) return w.para(m.evidence.none);
  for (const e of data.evidence) {
    w.ensure(150);
    w.para(`${e.exhibit ?? `#${e.id}`}  ${e.name}`, { size: 11 });
    const rows: [string, string, boolean?][] = [
      [c.path, e.entry_name ? `${e.path} :: ${e.entry_name}` : e.path],
      [c.size, e.size.toLocaleString('en')],
      ['SHA-256', e.sha256 ?? '', true],
      ['SHA-1', e.sha1 ?? '', true],
      ['MD5', e.md5 ?? '', true],
      [c.format, `${e.format}${e.container ? ` (${e.container})` : ''}`],
      [c.events, `${e.events.toLocaleString('en')} (${c.rejected}: ${e.rejected})`],
      [c.status, e.status],
      [c.mtime, e.mtime],
      [c.addedAt, e.added_at],
    ];
    if (e.provided_by) rows.push([c.providedBy, e.provided_by]);
    if (e.acquired_at) rows.push([c.acquiredAt, e.acquired_at]);
    if (e.acquired_how) rows.push([c.acquiredHow, e.acquired_how]);
    if (e.source_host) rows.push([c.sourceHost, e.source_host]);
    w.fields(rows);
  }
}
