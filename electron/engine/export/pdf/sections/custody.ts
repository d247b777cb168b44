// The custody log as it stood when the report was made: one block per entry (who, when, where,
// what, the details as recorded) with its entry hash in full on a line of its own.
import type { ReportData } from '../../report-data';
import { pdfText } from '../text';
import { FONT, MONO, type ReportWriter } from '../writer';

export function writeCustody(w: ReportWriter, data: ReportData): void {
  const { doc, m } = w;
  w.heading(m.sections.custody);
  w.fields([
    [m.cover.custody, m.cover.custodyState(data.chain.count, data.chain.ok)],
    [m.cover.custodyHead, data.chain.head, true],
  ]);
  for (const e of data.custody) {
    const details = pdfText(e.details, m, 800);
    doc.font(FONT).fontSize(7);
    const h = doc.heightOfString(details, { width: w.width - 12 }) + 34;
    w.ensure(h);
    const y = doc.y;
    doc.moveTo(w.left, y).lineTo(w.left + w.width, y).lineWidth(0.3).strokeColor('#cccccc').stroke();
    doc.font(FONT).fontSize(8).fillColor('black').text(`#${e.id}  ${e.time}  ${e.action}  —  ${e.examiner} @ ${e.workstation} (Tracelight ${e.version})`, w.left, y + 3, {
      width: w.width,
    });
    doc.font(FONT).fontSize(7).fillColor('#333333').text(details, w.left + 12, doc.y + 1, { width: w.width - 12 });
    // The label may be Japanese (the report font); the hash is set in Courier, on the same line.
    doc.font(FONT).fontSize(7).fillColor('#333333').text(`${m.col.entryHash}: `, w.left + 12, doc.y + 1, { continued: true });
    doc.font(MONO).text(e.entry_hash, { continued: false });
    doc.moveDown(0.3);
  }
  doc.font(FONT).fontSize(10).fillColor('black');
}
