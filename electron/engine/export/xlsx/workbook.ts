// The analysts' workbook: Summary, Timeline (the filter's rows or every event), Tagged evidence,
// Detections, IOC hits, Evidence and Custody log. Written with exceljs's streaming writer
// (never the `xlsx` npm package: the registry's last release, 0.18.5, carries CVE-2023-30533 and
// CVE-2024-22363, and it holds the whole workbook in memory): rows are committed as they are
// produced and strings are inline, so memory stays flat however long the timeline is.
import ExcelJS from 'exceljs';
import type { CaseSession } from '../../custody/session';
import { countEvents } from '../../store/event-queries';
import { finishExport, writeAtomically, type ExportResult } from '../finish';
import { messages } from '../i18n';
import { collectReportData } from '../report-data';
import type { ExportOptions } from '../types';
import { writeCustodySheet, writeDetectionsSheet, writeEvidenceSheet, writeIocSheet, writeTaggedSheet } from './record-sheets';
import { cacheStyles } from './style-cache';
import { writeSummarySheet } from './summary-sheet';
import { writeTimelineSheet } from './timeline-sheet';

export async function writeXlsxWorkbook(session: CaseSession, file: string, opts: ExportOptions): Promise<ExportResult> {
  const m = messages(opts.language);
  const data = collectReportData(session, opts.detection);
  const rows = await writeAtomically(file, async (tmp) => {
    // Shared strings would keep every distinct string of the timeline in memory until the end.
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false });
    cacheStyles(wb);
    wb.creator = `Tracelight ${data.version}`;
    wb.lastModifiedBy = data.generatedBy;
    wb.created = new Date(data.generatedAt);
    wb.title = `${m.workbookTitle}: ${data.case.name}`;
    writeSummarySheet(wb, m, data, { filter: opts.filter, rows: countEvents(session.store, opts.filter) });
    const n = await writeTimelineSheet(wb, m.sheets.timeline, session.store, opts.filter);
    writeTaggedSheet(wb, m, data);
    writeDetectionsSheet(wb, m, data);
    writeIocSheet(wb, m, data);
    writeEvidenceSheet(wb, m, data);
    writeCustodySheet(wb, m, data);
    await wb.commit();
    return n;
  });
  return finishExport(session, 'xlsx', file, opts, rows);
}
