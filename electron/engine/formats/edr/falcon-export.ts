// CrowdStrike Falcon Event Search / LogScale exports of sensor events, in the three shapes the
// consoles write: CSV with a header row of field names, JSON Lines, and a JSON array (or a
// {"resources":[...]} / {"events":[...]} / {"results":[...]} response). Mapping and time in
// falcon-events.ts.
import type { LineFormat, ParseContext, ParseOutcome, RecordParser, SniffSample } from '../types';
import { normalizeHeader, parseCsvRecord, recordObject } from '../csv';
import { parseJsonLine } from '../json-line';
import { lineVote } from '../line-vote';
import { firstJsonByte, jsonDocumentFormat, readJsonDocumentHead, type JsonDocumentLayout } from '../json-document';
import { isFalconEventFields, mapFalconEvent, type Obj } from './falcon-events';

const TIME_SEMANTICS =
  'ContextTimeStamp (sensor clock, epoch seconds), else ProcessStartTime (epoch seconds), else timestamp (epoch ms, cloud receipt); all UTC. The file time zone is not used.';

function createCsvParser(_ctx: ParseContext): RecordParser {
  let header: string[] | null = null;
  return {
    parseLine(line: string): ParseOutcome {
      if (line.trim() === '') return { kind: 'skip' };
      const fields = parseCsvRecord(line);
      if (fields === null) return { kind: 'more' };
      if (!header) {
        const h = normalizeHeader(fields);
        if (!isFalconEventFields(h)) return { kind: 'reject', reason: 'expected a header row of Falcon event fields (event_simpleName, aid, timestamp...)' };
        header = h;
        return { kind: 'skip' };
      }
      if (fields.length !== header.length) return { kind: 'reject', reason: `${fields.length} fields where the header names ${header.length}` };
      return mapFalconEvent(recordObject(header, fields));
    },
  };
}

export const falconCsvFormat: LineFormat = {
  id: 'crowdstrike-falcon-events-csv',
  name: 'CrowdStrike Falcon Event Search (CSV)',
  family: 'edr',
  description: 'Falcon sensor events (ProcessRollup2, NetworkConnectIP4, DnsRequest...) exported from Event Search/LogScale as CSV.',
  timeSemantics: TIME_SEMANTICS,
  sniff(sample: SniffSample): number {
    const first = sample.lines[0];
    const fields = first === undefined ? null : parseCsvRecord(first);
    return fields && isFalconEventFields(normalizeHeader(fields)) ? 0.95 : 0;
  },
  createParser: (ctx) => createCsvParser(ctx),
};

function objectLine(line: string): Obj | string | null {
  const t = line.trim();
  if (t === '') return null;
  const parsed = parseJsonLine(t);
  if (!parsed.ok) return `invalid JSON: ${parsed.error}`;
  const v = parsed.value;
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : `not a JSON object (${Array.isArray(v) ? 'array' : typeof v})`;
}

export const falconJsonlFormat: LineFormat = {
  id: 'crowdstrike-falcon-events-jsonl',
  name: 'CrowdStrike Falcon Event Search (JSON Lines)',
  family: 'edr',
  description: 'Falcon sensor events exported from Event Search/LogScale as JSON, one event object per line.',
  timeSemantics: TIME_SEMANTICS,
  sniff: (sample) =>
    lineVote(sample.lines, (line) => {
      if (line.trimStart().charCodeAt(0) !== 123) return false;
      const o = objectLine(line);
      return typeof o === 'object' && o !== null && isFalconEventFields(Object.keys(o));
    }),
  createParser() {
    return {
      parseLine(line: string): ParseOutcome {
        const o = objectLine(line);
        if (o === null) return { kind: 'skip' };
        if (typeof o === 'string') return { kind: 'reject', reason: o };
        return mapFalconEvent(o);
      },
    };
  },
};

const LAYOUT: JsonDocumentLayout = { arrayKeys: ['resources', 'events', 'results'] };

export const falconJsonFormat = jsonDocumentFormat({
  id: 'crowdstrike-falcon-events-json',
  name: 'CrowdStrike Falcon Event Search (JSON document)',
  family: 'edr',
  description: 'Falcon sensor events as one JSON document: an array of events, or a response with resources[]/events[]/results[].',
  timeSemantics: TIME_SEMANTICS,
  layout: LAYOUT,
  sniff(sample: SniffSample): number {
    const c = firstJsonByte(sample.head);
    if (c !== 0x5b && c !== 0x7b) return 0;
    const head = readJsonDocumentHead(sample.head, LAYOUT, 5);
    if (head.layout === null || head.records.length === 0) return 0;
    return head.records.every((r) => isFalconEventFields(Object.keys(r))) ? 0.95 : 0;
  },
  createMapper: () => (o) => mapFalconEvent(o),
});
