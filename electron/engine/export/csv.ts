// The timeline as CSV: RFC 4180 (quoted where needed, CRLF line ends), UTF-8 with a byte order
// mark so Excel shows Japanese correctly, and every cell a spreadsheet would run as a formula
// neutralized with a leading apostrophe (the same rule as `query --csv`).
import type { CaseSession } from '../custody/session';
import { csvCell } from './csv-cell';
import { finishExport, writeAtomically, type ExportResult } from './finish';
import { TextSink } from './text-sink';
import { forEachTimelineRow, TIMELINE_COLUMNS } from './timeline-rows';
import type { ExportOptions } from './types';

export async function writeTimelineCsv(session: CaseSession, file: string, opts: ExportOptions): Promise<ExportResult> {
  const rows = await writeAtomically(file, async (tmp) => {
    const sink = new TextSink(tmp);
    try {
      await sink.write(`\uFEFF${TIMELINE_COLUMNS.join(',')}\r\n`);
      const n = await forEachTimelineRow(session.store, opts.filter, (values) => sink.write(`${values.map(csvCell).join(',')}\r\n`));
      await sink.close();
      return n;
    } catch (err) {
      sink.abort();
      throw err;
    }
  });
  return finishExport(session, 'csv', file, opts, rows);
}
