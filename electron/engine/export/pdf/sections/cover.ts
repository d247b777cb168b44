// The cover: which case, who, what period, when and by what the report was made, and the hashes
// that tie it to the case (custody chain head) and to its own content (content digest).
import type { ReportData } from '../../report-data';
import { FONT, type ReportWriter } from '../writer';

export function writeCover(w: ReportWriter, data: ReportData, contentDigest: string): void {
  const { doc, m } = w;
  doc.moveDown(4);
  doc.font(FONT).fontSize(24).fillColor('black').text(m.reportTitle, w.left, doc.y, { width: w.width });
  doc.moveDown(0.3).fontSize(16).text(data.case.name, { width: w.width });
  doc.moveDown(2).fontSize(10);
  const c = data.case;
  w.fields([
    [m.cover.case, c.name],
    [m.cover.caseNumber, c.caseNumber || m.notSet],
    [m.cover.organization, c.organization || m.notSet],
    [m.cover.examiners, c.examiners || m.notSet],
    [m.cover.period, data.period.first ? `${data.period.first} — ${data.period.last}` : m.none],
    [m.cover.generatedAt, data.generatedAt],
    [m.cover.generatedBy, data.generatedBy],
    [m.cover.version, data.version],
    [m.cover.caseId, c.caseId, true],
    [m.cover.custody, m.cover.custodyState(data.chain.count, data.chain.ok)],
    [m.cover.custodyHead, data.chain.head, true],
    [m.cover.contentDigest, contentDigest, true],
  ]);
  w.para(m.cover.digestNote, { size: 8, color: '#555555' });
}
