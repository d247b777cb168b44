// Timesketch JSONL import format: one JSON object per line with at least message, datetime
// and timestamp_desc (timestamp optional), plus any attributes.
//
// Time semantics: see timesketch-time.ts (datetime wins, with its offset; zone-less datetime
// -> file time zone, assumed; else timestamp, epoch µs UTC).
import type { LineFormat, ParseContext, ParseOutcome, RecordParser, SniffSample } from '../types';
import { parseJsonLine } from '../json-line';
import { lineVote } from '../line-vote';
import { timelineEvent } from './timeline';
import { timesketchTime } from './timesketch-time';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function createTimesketchJsonlParser(ctx: ParseContext): RecordParser {
  return {
    parseLine(line: string): ParseOutcome {
      if (line.trim().length === 0) return { kind: 'skip' };
      const r = parseJsonLine(line);
      if (!r.ok) return { kind: 'reject', reason: `not JSON: ${r.error}` };
      if (!isObject(r.value)) return { kind: 'reject', reason: 'not a JSON object' };
      const rec = r.value;
      const when = timesketchTime(rec.datetime, rec.timestamp, ctx);
      if (typeof when === 'string') return { kind: 'reject', reason: when };
      return { kind: 'events', events: [timelineEvent(rec, when.time, [when.from])] };
    },
  };
}

function sniffLine(line: string): boolean {
  if (line.charCodeAt(0) !== 123 /* { */ || !line.includes('timestamp_desc')) return false;
  const r = parseJsonLine(line);
  if (!r.ok || !isObject(r.value)) return false;
  const v = r.value;
  return typeof v.message === 'string' && typeof v.datetime === 'string' && typeof v.timestamp_desc === 'string';
}

export const timesketchJsonlFormat: LineFormat = {
  id: 'timesketch-jsonl',
  name: 'Timesketch JSONL',
  family: 'timeline',
  description: 'Timesketch JSONL import format: one object per line with message, datetime, timestamp_desc (+ timestamp and any attributes).',
  timeSemantics: 'datetime (ISO 8601) wins: its offset is applied, a zone-less datetime takes the file time zone (assumed); without a readable datetime, timestamp (epoch µs, unit by digit count) as UTC.',
  sniff: (sample: SniffSample): number => lineVote(sample.lines, sniffLine),
  createParser: (ctx) => createTimesketchJsonlParser(ctx),
};
