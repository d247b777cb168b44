// The analysts' workbook: Summary, Timeline (the filter's rows or every event), Tagged evidence,
// Detections, IOC hits, Web attacks (when detection found one), Evidence and Custody log. Written by our own streaming SpreadsheetML
// writer (sheet.ts, xlsx-package.ts), not a spreadsheet library:
// - never the `xlsx` npm package: the registry's last release, 0.18.5, carries CVE-2023-30533 and
//   CVE-2024-22363, and it holds the whole workbook in memory;
// - not exceljs's streaming writer either: it builds a cell object and resolves a style for
//   every cell, which took ~10 s of CPU on a 200k-row timeline, against the acceptance's 10 s for
//   the whole export. The workbook needs three cell shapes and four styles, which fit in a few
//   small files. The tests read every workbook back with exceljs's reader.
// Rows are written as they are read from the case and strings are inline, so memory stays flat
// however long the timeline is.
import type { CaseSession } from '../../custody/session';
import { countEvents } from '../../store/event-queries';
import { finishExport, writeAtomically, type ExportResult } from '../finish';
import { messages } from '../i18n';
import { collectReportData } from '../report-data';
import type { ExportOptions } from '../types';
import { writeCustodySheet, writeDetectionsSheet, writeEvidenceSheet, writeIocSheet, writeTaggedSheet } from './record-sheets';
import { writeSummarySheet } from './summary-sheet';
import { writeTimelineSheet } from './timeline-sheet';
import { writeWebSheet } from './web-sheet';
import { XlsxPackage } from './xlsx-package';

export async function writeXlsxWorkbook(session: CaseSession, file: string, opts: ExportOptions): Promise<ExportResult> {
  const m = messages(opts.language);
  const data = collectReportData(session, opts.detection);
  const created = new Date(data.generatedAt);
  const rows = await writeAtomically(file, async (tmp) => {
    const wb = new XlsxPackage(tmp, created);
    try {
      await writeSummarySheet(wb, m, data, { filter: opts.filter, rows: countEvents(session.store, opts.filter) });
      const n = await writeTimelineSheet(wb, m.sheets.timeline, session.store, opts.filter);
      await writeTaggedSheet(wb, m, data);
      await writeDetectionsSheet(wb, m, data, opts.language);
      await writeIocSheet(wb, m, data);
      await writeWebSheet(wb, opts.language, data.detection?.incident.web);
      await writeEvidenceSheet(wb, m, data);
      await writeCustodySheet(wb, m, data);
      await wb.finish({
        title: `${m.workbookTitle}: ${data.case.name}`,
        creator: `Tracelight ${data.version}`,
        lastModifiedBy: data.generatedBy,
        created,
      });
      return n;
    } catch (err) {
      await wb.abort();
      throw err;
    }
  });
  return finishExport(session, 'xlsx', file, opts, rows);
}
