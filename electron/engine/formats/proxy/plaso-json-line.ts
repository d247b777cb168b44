// plaso psort "json_line" output (psort.py -o json_line): one serialized event per line,
//   {"__container_type__": "event", "__type__": "AttributeContainer", "data_type": "syslog:line",
//    "date_time": {...}, "display_name": "OS:/var/log/syslog", "hostname": "h", "message": "...",
//    "parser": "text/syslog_traditional", "timestamp": 1327218753000000,
//    "timestamp_desc": "Content Modification Time", ...parser-specific attributes}
//
// Time semantics: "timestamp" is an integer count of microseconds since 1970-01-01 UTC
// (plaso's internal time; psort writes it regardless of its output time zone). Sub-millisecond
// digits are truncated. plaso uses 0 for events it could not date ("Not a time"); those keep
// ts 0. The file time zone is not used.
import type { LineFormat, ParseOutcome, RecordParser, SniffSample } from '../types';
import { parseJsonLine } from '../json-line';
import { lineVote } from '../line-vote';
import { timelineEvent } from './timeline';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Microseconds (number or decimal text) -> epoch ms, NaN when it is not an integer. */
export function microsToMs(v: unknown): number {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? Math.floor(v / 1000) : NaN;
  // Beyond 2^53 the JSON reader keeps the exact text.
  if (typeof v === 'string' && /^-?\d{1,19}$/.test(v)) {
    const n = BigInt(v);
    const q = n / 1000n; // truncates toward zero; floor for instants before 1970
    return Number(n < 0n && n % 1000n !== 0n ? q - 1n : q);
  }
  return NaN;
}

export function isPlasoEvent(v: unknown): v is Record<string, unknown> {
  return (
    isObject(v) &&
    (v.__container_type__ === 'event' || (typeof v.data_type === 'string' && typeof v.parser === 'string')) &&
    (typeof v.timestamp === 'number' || typeof v.timestamp === 'string') &&
    typeof v.timestamp_desc === 'string'
  );
}

function createPlasoJsonLineParser(): RecordParser {
  return {
    parseLine(line: string): ParseOutcome {
      if (line.trim().length === 0) return { kind: 'skip' };
      const r = parseJsonLine(line);
      if (!r.ok) return { kind: 'reject', reason: `not JSON: ${r.error}` };
      if (!isObject(r.value)) return { kind: 'reject', reason: 'not a JSON object' };
      const rec = r.value;
      const ts = microsToMs(rec.timestamp);
      if (Number.isNaN(ts)) return { kind: 'reject', reason: 'no integer "timestamp" (microseconds since 1970 UTC)' };
      const e = timelineEvent(rec, { ts, timeRaw: String(rec.timestamp as number | string), timeZone: 'UTC' }, ['timestamp', 'date_time']);
      return { kind: 'events', events: [e] };
    },
  };
}

function sniffLine(line: string): boolean {
  if (line.charCodeAt(0) !== 123 /* { */) return false;
  const r = parseJsonLine(line);
  return r.ok && isPlasoEvent(r.value);
}

export const plasoJsonLineFormat: LineFormat = {
  id: 'plaso-json-line',
  name: 'plaso json_line',
  family: 'timeline',
  description: 'plaso psort -o json_line output: one event per line with data_type, parser, timestamp (µs), timestamp_desc, message and parser-specific attributes.',
  timeSemantics: '"timestamp" is microseconds since 1970-01-01 UTC (truncated to ms); 0 means plaso had no date. The file time zone is not used.',
  sniff: (sample: SniffSample): number => lineVote(sample.lines, sniffLine),
  createParser: () => createPlasoJsonLineParser(),
};
