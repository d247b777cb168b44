// The timeline as Timesketch JSONL, so a case can move to a Timesketch or OpenSearch server when
// it outgrows one laptop: one JSON object per line with Timesketch's required fields
// (message, datetime, timestamp in microseconds, timestamp_desc) plus every non-null normalized
// field and the record's provenance (evidence file, its SHA-256, line and byte range).
import type { SqlValue } from 'sql.js';
import type { CaseSession } from '../custody/session';
import { eventSummary } from './event-summary';
import { finishExport, writeAtomically, type ExportResult } from './finish';
import { TextSink } from './text-sink';
import { forEachTimelineRow, TIMELINE_COLUMNS } from './timeline-rows';
import type { ExportOptions } from './types';

// Timesketch gives `timestamp`, `datetime`, `message` and `tag` their own meaning; our columns of
// the same or confusable names are renamed rather than left to collide.
const RENAMED: Partial<Record<string, string>> = { id: 'tracelight_event_id', time: 'datetime', tags: 'tracelight_tags' };

function timesketchObject(values: SqlValue[]): Record<string, unknown> {
  const row: Record<string, SqlValue> = {};
  TIMELINE_COLUMNS.forEach((c, i) => (row[c] = values[i] ?? null));
  const time = String(row.time);
  const out: Record<string, unknown> = {
    message: eventSummary(row),
    datetime: time,
    timestamp: Date.parse(time) * 1000,
    timestamp_desc: 'Event Time',
    data_type: `tracelight:${String(row.source_format)}`,
  };
  for (const c of TIMELINE_COLUMNS) {
    const v = row[c];
    if (v === null || v === undefined || c === 'time') continue;
    if (c === 'tags') out[RENAMED[c]!] = String(v).split(', ');
    else out[RENAMED[c] ?? c] = v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v;
  }
  return out;
}

export async function writeTimesketchJsonl(session: CaseSession, file: string, opts: ExportOptions): Promise<ExportResult> {
  const rows = await writeAtomically(file, async (tmp) => {
    const sink = new TextSink(tmp);
    try {
      const n = await forEachTimelineRow(session.store, opts.filter, (values) => sink.write(`${JSON.stringify(timesketchObject(values))}\n`));
      await sink.close();
      return n;
    } catch (err) {
      sink.abort();
      throw err;
    }
  });
  return finishExport(session, 'timesketch', file, opts, rows);
}
