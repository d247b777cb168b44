// The time column of the report's tables: an ISO-8601 time with milliseconds is drawn on one
// line, never wrapped over the next row, in the English and the Japanese report. The column is
// as wide as its widest time measured in the font that draws it (DejaVu Sans for Latin text).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../electron/engine/custody/session';
import { writePdfReport } from '../../../electron/engine/export/pdf/report';
import { ReportWriter } from '../../../electron/engine/export/pdf/writer';
import { messages } from '../../../electron/engine/export/i18n';
import { tempDir } from '../helpers/tmp';
import { buildExportCase, sampleDetection } from './helpers';

const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function pdfText(file: string): string {
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout;
}

describe('PDF time column', () => {
  for (const language of ['en', 'ja'] as const) {
    it(`(${language}) every ISO time reads whole on one line of the extracted text`, async () => {
      const dir = tempDir();
      const c = await buildExportCase(dir);
      const session = await CaseSession.open(c.casePath, { examiner: 'Reviewer' });
      const file = path.join(dir, `report-${language}.pdf`);
      try {
        await writePdfReport(session, file, { language, detection: sampleDetection(c.taggedId) });
      } finally {
        session.close();
      }
      const text = pdfText(file);
      // Anything that starts like a timestamp must be a whole one: a wrapped cell would leave
      // "2026-10-05T00:12:41.00" on one line and "0Z" on the next.
      const starts = [...text.matchAll(/\d{4}-\d\d-\d\dT[\d:.]*Z?/g)].map((m) => m[0]);
      expect(starts.length).toBeGreaterThan(5);
      for (const s of starts) expect(s).toMatch(ISO_MS);
    });
  }

  it('a nowrap column is as wide as its widest cell in the drawing font, so the row is one line high', () => {
    const w = new ReportWriter(messages('en'), { title: 't', author: 'a', subject: 's', creator: 'c', lang: 'en' });
    const time = '2026-10-05T00:12:41.000Z';
    const oneLine = w.doc.font('dejavu').fontSize(8).currentLineHeight(true);
    const y0 = w.doc.y;
    w.table([{ header: 'Time (UTC)', share: 0, width: 106, nowrap: true }, { header: 'What', share: 1 }], [[time, 'x']]);
    const widthNeeded = w.mixedWidth(time, 8);
    // DejaVu Sans draws the time wider than the old fixed 106 pt column's text area (100 pt).
    expect(widthNeeded).toBeGreaterThan(100);
    // Header row plus one body row, each a single line (3 pt padding above and below), then the
    // gap after the table (about 7 pt); a wrapped time would add a line to the body row.
    const tableHeight = w.doc.y - y0;
    expect(tableHeight).toBeLessThan(2 * (oneLine + 6) + 7 + oneLine / 2);
    // A first and a last time in one cell ("first\nlast", the web attackers' period): two lines, not three.
    const y1 = w.doc.y;
    w.table([{ header: 'First – last', share: 0, width: 106, nowrap: true }, { header: 'What', share: 1 }], [[`${time}\n${time}`, 'x']]);
    expect(w.doc.y - y1).toBeLessThan(3 * oneLine + 12 + 7 + oneLine / 2);
  });
});
