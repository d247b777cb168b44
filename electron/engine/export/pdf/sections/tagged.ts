// Tagged evidence: every event an examiner tagged or annotated, with its labels, its notes
// (who wrote them, when, how many revisions) and where the record came from.
import { eventSummary } from '../../event-summary';
import type { ReportData } from '../../report-data';
import { MONO, type ReportWriter } from '../writer';
import { pdfText } from '../text';

export function writeTagged(w: ReportWriter, data: ReportData): void {
  const { doc, m } = w;
  w.heading(m.sections.tagged);
  if (!data.tagged.length) {
    w.para(m.tagged.none);
    return;
  }
  for (const b of data.tagged) {
    const r = b.row;
    w.ensure(70);
    w.para(`#${r.id}  ${r.time}  ${[r.host, r.user].filter(Boolean).join(' / ')}`, { size: 10 });
    w.para(eventSummary(r), { size: 9 });
    if (b.tags.length) w.para(`${m.tagged.labels}: ${b.tags.map((t) => `${t.label} (${t.examiner})`).join(', ')}`, { size: 9, color: '#444444' });
    for (const n of b.notes) {
      w.ensure(30);
      doc.font(MONO).fontSize(8);
      w.para(`${m.tagged.note} — ${m.tagged.by(n.edited_by, n.edited_at)}${n.revisions > 1 ? ` ${m.tagged.revisions(n.revisions)}` : ''}`, {
        size: 8,
        color: '#444444',
      });
      w.para(pdfText(n.text, m, 4000), { size: 10 });
    }
    w.para(`${m.tagged.source}: ${r.source_file}:${r.source_line} (${r.source_format})`, { size: 8, color: '#666666' });
    doc.moveDown(0.4);
  }
}
