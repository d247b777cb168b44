// The first rows of a file read with a mapping as the ingest would read them: the time each
// gets (or why it would be rejected), so the examiner sees a wrong layout (DD/MM read as
// MM/DD, the wrong zone) before a single event is stored.
import type { ColumnMapping, MappingPreviewRow } from '../../../common/import-mapping';
import type { TextEncoding } from '../encoding';
import { csvRecords, headerSources, positionalSources } from '../../formats/generic/csv-layout';
import { readFileSample, sampleLines, type FileSample } from './file-sample';
import { documentRecords, flattenRecord, type JsonSampleRecord } from '../../formats/generic/json-layout';
import { parseJsonObjectLine } from '../../formats/json-line';
import { createRowMapper } from '../../formats/generic/row-to-event';
import { rejectReasonCode } from '../reject-codes';

const PREVIEW_ROWS = 20;

type PreviewRecord = JsonSampleRecord & { problem?: string };

function tableRows(sample: FileSample, mapping: ColumnMapping): PreviewRecord[] {
  const lines = sampleLines(sample);
  if (mapping.format === 'generic-jsonl') {
    const out: JsonSampleRecord[] = [];
    for (let i = 0; i < lines.length && out.length < PREVIEW_ROWS; i++) {
      const o = parseJsonObjectLine(lines[i]!);
      if (o !== null && typeof o !== 'string') out.push({ number: i + 1, entries: flattenRecord(o) });
    }
    return out;
  }
  if (mapping.format === 'generic-json') return documentRecords(sample, mapping.json?.arrayKey, PREVIEW_ROWS);
  const csv = mapping.csv ?? { delimiter: ',', header: true, skipRecords: 0 };
  const records = csvRecords(lines, csv.delimiter, csv.skipRecords + (csv.header ? 1 : 0) + PREVIEW_ROWS).slice(csv.skipRecords);
  const header = csv.header ? records.shift() : undefined;
  const sources = header ? headerSources(header.fields) : positionalSources(mapping.columns.length);
  return records.map((r) => ({
    number: r.line,
    entries: r.fields.map((f, i) => [sources[i] ?? `column ${i + 1}`, f] as [string, string]),
    // The same width check as generic-csv's parser.
    ...((header ? r.fields.length !== sources.length : r.fields.length > sources.length)
      ? { problem: `${r.fields.length} fields where the ${header ? 'header names' : 'mapping has'} ${sources.length}` }
      : {}),
  }));
}

function rejected(record: number, reason: string): MappingPreviewRow {
  const code = rejectReasonCode(reason);
  return { record, reject: reason, ...(code ? { reject_code: code } : {}) };
}

export function previewMapping(
  file: string,
  mapping: ColumnMapping,
  opts: { fileName: string; timezone: string; baseYear: number; encoding?: TextEncoding },
): MappingPreviewRow[] {
  const rows = tableRows(readFileSample(file, opts.encoding), mapping);
  const mapRow = createRowMapper(mapping, { fileName: opts.fileName, timezone: opts.timezone, baseYear: opts.baseYear, mapping });
  return rows.map((r) => {
    if (r.problem) return rejected(r.number, r.problem);
    const outcome = mapRow(r.entries);
    if (outcome.kind !== 'events') return rejected(r.number, outcome.kind === 'reject' ? outcome.reason : outcome.kind);
    const ev = outcome.events[0]!;
    const row: MappingPreviewRow = { record: r.number, time: new Date(ev.ts).toISOString(), timeRaw: ev.timeRaw, timeZone: ev.timeZone };
    if (ev.host) row.host = ev.host;
    if (ev.user) row.user = ev.user;
    if (ev.message) row.message = ev.message.slice(0, 300);
    return row;
  });
}
