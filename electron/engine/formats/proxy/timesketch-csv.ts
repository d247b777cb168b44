// Timesketch CSV (the import format Timesketch documents, and its exports): a header row
// naming at least message, datetime and timestamp_desc, any further columns kept as event
// attributes. RFC 4180 quoting; quoted values may span lines (xml_string of plaso-derived
// EVTX events), so a record continues over physical lines ({kind:'more'}).
//
// Time semantics: see timesketch-time.ts (datetime wins, with its offset; zone-less datetime
// -> file time zone, assumed; else timestamp, epoch µs UTC).
import type { LineFormat, ParseContext, ParseOutcome, RecordParser, SniffSample } from '../types';
import { normalizeHeader, parseCsvRecord, recordObject } from '../csv';
import { timelineEvent } from './timeline';
import { timesketchTime } from './timesketch-time';

const TIMESKETCH_REQUIRED = ['message', 'datetime', 'timestamp_desc'] as const;

function createTimesketchCsvParser(ctx: ParseContext): RecordParser {
  let header: string[] | null = null;
  return {
    parseLine(line: string): ParseOutcome {
      if (line.length === 0 || (header !== null && line.trim().length === 0)) return { kind: 'skip' };
      const fields = parseCsvRecord(line);
      if (fields === null) return { kind: 'more' };
      if (header === null) {
        header = normalizeHeader(fields);
        const missing = TIMESKETCH_REQUIRED.filter((c) => !header!.includes(c));
        if (missing.length > 0 && !(missing.length === 1 && missing[0] === 'datetime' && header.includes('timestamp'))) {
          return { kind: 'reject', reason: `header lacks Timesketch column(s) ${missing.join(', ')}` };
        }
        return { kind: 'skip' };
      }
      if (fields.length < header.length) return { kind: 'reject', reason: `expected ${header.length} fields (per header), found ${fields.length}` };
      const rec = recordObject(header, fields);
      const when = timesketchTime(rec.datetime, rec.timestamp, ctx);
      if (typeof when === 'string') return { kind: 'reject', reason: when };
      return { kind: 'events', events: [timelineEvent(rec, when.time, [when.from])] };
    },
  };
}

function sniff(sample: SniffSample): number {
  const first = sample.lines[0];
  if (first === undefined || !first.includes('timestamp_desc')) return 0;
  const fields = parseCsvRecord(first);
  if (!fields || fields.length < 3) return 0;
  const header = normalizeHeader(fields);
  return TIMESKETCH_REQUIRED.every((c) => header.includes(c)) ? 0.95 : 0;
}

export const timesketchCsvFormat: LineFormat = {
  id: 'timesketch-csv',
  name: 'Timesketch CSV',
  family: 'timeline',
  description: 'Timesketch import/export CSV: header with message, datetime, timestamp_desc (+ timestamp and any attributes); quoted values may span lines.',
  timeSemantics: 'datetime (ISO 8601) wins: its offset is applied, a zone-less datetime takes the file time zone (assumed); without a readable datetime, timestamp (epoch µs, unit by digit count) as UTC.',
  sniff,
  createParser: (ctx) => createTimesketchCsvParser(ctx),
};
