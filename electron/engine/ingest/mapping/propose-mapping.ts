// A column mapping proposed from the start of a file: its layout (CSV/TSV delimiter and
// header, or JSON lines/document), the timestamp column and layout, and a guess for every
// other column, each with its confidence. The examiner confirms or corrects it.
import type {
  ColumnMapping,
  ColumnProposal,
  GenericFormatId,
  MappingProposal,
  TimestampProposal,
} from '../../../common/import-mapping';
import type { CodedText } from '../../../common/coded-text';
import { UnreadableInputError } from '../../errors';
import type { TextEncoding } from '../encoding';
import { detectCsvLayout } from '../../formats/generic/csv-layout';
import { guessColumns, type TimeColumnProposal } from '../../formats/generic/field-guess';
import { readFileSample, sampleLines, type FileSample } from './file-sample';
import { detectJsonLayout, jsonSources, type RowEntries } from '../../formats/generic/json-layout';
import { mappingSignature } from '../../formats/generic/signature';
import { detectTimestamp } from '../../formats/generic/timestamp-detect';
import { zoneFromTimeColumns } from '../../formats/generic/utc-column';
import { quoted } from '../../formats/generic/quoted';

/** Rows shown to the examiner; more are sampled for the guesses. */
const SHOWN_ROWS = 20;
const SAMPLED_ROWS = 200;

/** A file's sampled rows, whatever its layout, with the layout's part of the mapping. */
export interface SampledTable {
  format: GenericFormatId;
  sources: string[];
  records: { number: number; entries: RowEntries }[];
  layout: Pick<ColumnMapping, 'csv' | 'json'>;
}

function sampleTable(sample: FileSample, format?: GenericFormatId): SampledTable {
  const lines = sampleLines(sample);
  if (format !== 'generic-csv') {
    const json = detectJsonLayout(sample, lines, SAMPLED_ROWS, format);
    if (json && (format === undefined || format === json.format || format === 'generic-json')) {
      return {
        format: json.format,
        sources: jsonSources(json.records),
        records: json.records,
        layout: json.format === 'generic-json' ? { json: json.arrayKey ? { arrayKey: json.arrayKey } : {} } : {},
      };
    }
    if (format !== undefined) {
      const jsonl = format === 'generic-jsonl';
      throw new UnreadableInputError(`not ${jsonl ? 'JSON lines' : 'a JSON document'} (no JSON object records at the start)`, { code: jsonl ? 'mapping.notJsonl' : 'mapping.notJson' });
    }
  }
  const csv = detectCsvLayout(lines);
  return {
    format: 'generic-csv',
    sources: csv.sources,
    records: csv.rows.slice(0, SAMPLED_ROWS).map((r) => ({ number: r.line, entries: csv.sources.map((s, i) => [s, r.fields[i] ?? ''] as [string, string]) })),
    layout: { csv: { delimiter: csv.delimiter, header: csv.header, skipRecords: csv.skipRecords } },
  };
}

function timeTargets(time: TimestampProposal | null): Map<string, TimeColumnProposal> {
  const out = new Map<string, TimeColumnProposal>();
  if (!time) return out;
  const pct = Math.round(time.parseRate * 100);
  const reason = `timestamp: ${pct}% of values read as ${time.format}`;
  const reason_code = { code: 'mapping.reason.timestamp', params: { pct, format: time.format } };
  const [first, second] = time.columns;
  // A lone column is the "time" even when it holds dates only (events at midnight, as the
  // layouts accept a date without a clock); a date column with a clock column is a pair.
  out.set(first!, { target: second === undefined ? 'time' : 'date', confidence: time.confidence, reason, reason_code });
  if (second !== undefined) out.set(second, { target: 'clock', confidence: time.confidence, reason, reason_code });
  return out;
}

export function proposeFromSample(name: string, sample: FileSample, format?: GenericFormatId): Omit<MappingProposal, 'saved'> {
  const table = sampleTable(sample, format);
  const warnings: string[] = [];
  // Each warning with its code (common/coded-text.ts), for a UI in another language.
  const warningCodes: CodedText[] = [];
  const warn = (text: string, coded: CodedText): void => {
    warnings.push(text);
    warningCodes.push(coded);
  };
  if (table.records.length === 0) warn('no data rows in the first 256 KiB: the proposal rests on the header alone', { code: 'mapping.warn.noRows' });
  const column = (source: string): string[] => table.records.map((r) => r.entries.find(([k]) => k === source)?.[1] ?? '');
  const columns = table.sources.map((source) => ({ source, values: column(source) }));
  const time = detectTimestamp(columns);
  if (!time) warn('no column reads as timestamps: choose the time column and its layout', { code: 'mapping.warn.noTime' });
  // The one ambiguity timestamp-detect reports (MM/DD against DD/MM); its English is checked against the code's.
  if (time?.ambiguity) warn(time.ambiguity, { code: 'mapping.warn.dayMonth' });
  const proposals: ColumnProposal[] = guessColumns(
    columns.map((c) => ({ source: c.source, values: c.values.map((v) => v.trim()).filter((v) => v !== '') })),
    timeTargets(time),
  );
  const mapping: ColumnMapping = {
    version: 1,
    format: table.format,
    ...table.layout,
    columns: proposals.map((p) => ({ source: p.source, target: p.target })),
    time: { format: time?.format ?? 'iso8601' },
    category: 'other',
  };
  const zone = time ? zoneFromTimeColumns(time.columns) : undefined;
  if (zone) {
    mapping.timezone = zone;
    const columns = time!.columns.map((c) => quoted(c)).join(' + ');
    warn(`time column ${columns} says ${zone} in its name: its times are read as ${zone}, not in the case's zone`, { code: 'mapping.warn.zoneInName', params: { columns, zone } });
  }
  const rows = table.records.slice(0, SHOWN_ROWS).map((r) => {
    const values = new Map(r.entries);
    return table.sources.map((s) => values.get(s) ?? '');
  });
  return {
    name,
    encoding: sample.encoding,
    signature: mappingSignature(mapping),
    sources: table.sources,
    rows,
    columns: proposals,
    time,
    mapping,
    warnings,
    warning_codes: warningCodes,
  };
}

export function proposeMapping(file: string, name: string, opts: { format?: GenericFormatId; encoding?: TextEncoding } = {}) {
  return proposeFromSample(name, readFileSample(file, opts.encoding), opts.format);
}
