// Zeek logs from the JSON writer (LogAscii::use_json, json-streaming, Corelight, ROCK NSM,
// Security Onion): one object per line with Zeek's field names, dotted ("id.orig_h") or with
// the dots replaced by underscores ("id_orig_h") by pipelines that cannot store dots. The log
// name comes from _path or @stream when the writer adds one, else from the record's own
// fields, else from the file name (conn.log, ..._dns.log).
//
// Time: ts is UTC. Zeek writes it as epoch seconds (JSON::TS_EPOCH, the default), epoch
// milliseconds (JSON::TS_MILLIS) or ISO 8601 with Z (JSON::TS_ISO8601); all three are read.
// The file time zone is not used.
import type { LineFormat, ParseContext, ParseOutcome, RecordParser, SniffSample } from '../types';
import { parseJsonLine } from '../json-line';
import { lineVote } from '../line-vote';
import { epochIntegerToMs, formatOffset, parseEpochSeconds, parseIsoInstant } from '../../time/zone';
import { clip, reject, SKIP } from './common';
import { zeekEvent, type ZeekRecord } from './zeek-map';

// The text of the top-level "ts" value as written (the parsed number loses "…370" trailing
// zeros). Only used when it agrees with the parsed value.
const TS_TEXT_RE = /"ts"\s*:\s*"?([0-9][0-9.:TZ+-]{0,40})/;

interface Stamp {
  ts: number;
  timeRaw: string;
  timeZone: string;
}

function readTs(value: unknown, line: string): Stamp | string {
  if (typeof value === 'number') {
    const m = TS_TEXT_RE.exec(line);
    const written = m && Number(m[1]) === value ? m[1]! : String(value);
    // 13 digits before any fraction: JSON::TS_MILLIS.
    const ts = Number.isInteger(value) && value >= 1e11 ? epochIntegerToMs(String(value)) : parseEpochSeconds(written);
    if (Number.isNaN(ts)) return `bad ts ${clip(written)} (expected epoch seconds)`;
    return { ts, timeRaw: written, timeZone: 'UTC' };
  }
  if (typeof value === 'string') {
    const iso = parseIsoInstant(value);
    if (iso) return { ts: iso.ms, timeRaw: value, timeZone: iso.offsetMinutes === 0 ? 'UTC' : formatOffset(iso.offsetMinutes) };
    const epoch = parseEpochSeconds(value);
    if (!Number.isNaN(epoch)) return { ts: epoch, timeRaw: value, timeZone: 'UTC' };
    return `bad ts "${clip(value)}" (expected epoch seconds or ISO 8601)`;
  }
  return 'no ts field (every Zeek log record has one)';
}

function createZeekJsonParser(ctx: ParseContext): RecordParser {
  return {
    parseLine(line: string): ParseOutcome {
      const trimmed = line.trim();
      if (trimmed === '') return SKIP;
      const parsed = parseJsonLine(trimmed);
      if (!parsed.ok) return reject(`not valid JSON: ${clip(parsed.error, 120)}`);
      const rec = parsed.value;
      if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) return reject('not a JSON object');
      const stamp = readTs((rec as ZeekRecord).ts, trimmed);
      if (typeof stamp === 'string') return reject(stamp);
      const e = zeekEvent(rec as ZeekRecord, stamp.ts, stamp.timeRaw, undefined, ctx.fileName);
      e.timeZone = stamp.timeZone;
      return { kind: 'events', events: [e] };
    },
  };
}

// Cheap shape checks on the raw line: an object with ts and a Zeek uid ("C…" connection id)
// or fuid, plus a connection tuple or a log name. JSON.parse is not needed to refuse others.
const SNIFF_TS_RE = /"ts"\s*:\s*(?:\d{9,13}(?:\.\d+)?|"\d{4}-\d{2}-\d{2}T[^"]{0,40}")/;
const SNIFF_UID_RE = /"f?uid"\s*:\s*"[CF][0-9A-Za-z]{8,30}"/;
const SNIFF_TUPLE_RE = /"id[._]orig_h"\s*:|"(?:_path|@stream)"\s*:|"tx_hosts"\s*:/;

function sniffLine(line: string): boolean {
  const t = line.trimStart();
  return t.startsWith('{') && SNIFF_TS_RE.test(t) && SNIFF_UID_RE.test(t) && SNIFF_TUPLE_RE.test(t);
}

export const zeekJsonFormat: LineFormat = {
  id: 'zeek-json',
  name: 'Zeek log (JSON)',
  family: 'network',
  description:
    'Zeek logs written as one JSON object per line (dotted id.orig_h or underscore id_orig_h keys): conn, http, dns, ssl, files.',
  timeSemantics: 'ts is UTC: epoch seconds (default), epoch milliseconds or ISO 8601 with Z; the file time zone is not used.',
  sniff: (sample: SniffSample): number => lineVote(sample.lines, sniffLine, 0.9),
  createParser: (ctx: ParseContext) => createZeekJsonParser(ctx),
};
