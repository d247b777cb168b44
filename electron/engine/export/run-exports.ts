// Writes several exports of one case in a fixed order (the same for the CLI and the app).
import type { CaseSession } from '../custody/session';
import { writeTimelineCsv } from './csv';
import type { ExportResult } from './finish';
import { writePdfReport } from './pdf/report';
import { writeTimesketchJsonl } from './timesketch';
import type { ExportKind, ExportOptions } from './types';
import { writeXlsxWorkbook } from './xlsx/workbook';

const EXPORT_WRITERS: Record<ExportKind, (session: CaseSession, file: string, opts: ExportOptions) => Promise<ExportResult>> = {
  pdf: writePdfReport,
  xlsx: writeXlsxWorkbook,
  csv: writeTimelineCsv,
  timesketch: writeTimesketchJsonl,
};

const EXPORT_ORDER: readonly ExportKind[] = ['pdf', 'xlsx', 'csv', 'timesketch'];

export async function runExports(
  session: CaseSession,
  targets: Partial<Record<ExportKind, string>>,
  opts: ExportOptions,
): Promise<ExportResult[]> {
  const results: ExportResult[] = [];
  for (const kind of EXPORT_ORDER) {
    const file = targets[kind];
    if (file) results.push(await EXPORT_WRITERS[kind](session, file, opts));
  }
  return results;
}
