// plaso psort "json" output (psort.py -o json): one JSON document for the whole file,
//   {"event_0": {...serialized event...}, "event_1": {...}, ...}
// with the same per-event attributes as json_line. Read as a record stream by the shared
// JSON document reader (members layout), never holding the whole file.
//
// Time semantics: as json_line: "timestamp" is microseconds since 1970-01-01 UTC (truncated
// to ms; 0 = plaso had no date); the file time zone is not used.
import type { ParseOutcome, RecordFormat, SniffSample } from '../types';
import { firstJsonByte, jsonDocumentFormat, readJsonDocumentHead, type JsonDocumentLayout, type JsonObject, type JsonRecordInfo } from '../json-document';
import { isPlasoEvent, microsToMs } from './plaso-json-line';
import { timelineEvent } from './timeline';

const LAYOUT: JsonDocumentLayout = { members: true };

function mapRecord(rec: JsonObject, info: JsonRecordInfo): ParseOutcome {
  const ts = microsToMs(rec.timestamp);
  if (Number.isNaN(ts)) return { kind: 'reject', reason: `${info.key ?? 'record'}: no integer "timestamp" (microseconds since 1970 UTC)` };
  const e = timelineEvent(rec, { ts, timeRaw: String(rec.timestamp as number | string), timeZone: 'UTC' }, ['timestamp', 'date_time']);
  // The member name ("event_12") is psort's sequence number: kept to find the record again.
  if (info.key !== undefined) e.extra = { ...e.extra, plaso_key: info.key };
  return { kind: 'events', events: [e] };
}

function sniff(sample: SniffSample): number {
  if (firstJsonByte(sample.head) !== 0x7b /* { */) return 0;
  const head = readJsonDocumentHead(sample.head, LAYOUT, 5);
  if (head.layout !== 'members' || head.records.length === 0) return 0;
  return head.records.every(isPlasoEvent) ? 0.95 : 0;
}

export const plasoJsonFormat: RecordFormat = jsonDocumentFormat({
  id: 'plaso-json',
  name: 'plaso json (psort -o json)',
  family: 'timeline',
  description: 'plaso psort -o json output: one JSON object whose members "event_0", "event_1", ... are serialized events (data_type, parser, timestamp µs, timestamp_desc, message, ...).',
  timeSemantics: '"timestamp" is microseconds since 1970-01-01 UTC (truncated to ms); 0 means plaso had no date. The file time zone is not used.',
  layout: LAYOUT,
  sniff,
  createMapper: () => mapRecord,
});
