// When a Timesketch event happened. Timesketch's import format requires "datetime" (ISO 8601)
// and treats "timestamp" (microseconds since 1970 UTC) as optional: its importer derives
// the stored timestamp from datetime when datetime is present. So datetime wins here too,
// and timestamp is used only when datetime is missing or unreadable. This matters: hand-made
// imports carry placeholder timestamps (Timesketch's own sigma_events.jsonl test data has
// timestamp 123456789 next to datetime 2015-07-24T19:01:01+00:00), and trusting them would
// move events by decades.
//
// datetime with an offset or Z keeps it; a zone-less datetime is wall-clock time in the file
// time zone (assumed). A timestamp is an integer epoch whose unit is read from its digit
// count (µs as Timesketch writes it; s/ms/ns from other tools), always UTC.
import type { ParseContext, ParsedEvent } from '../types';
import { epochIntegerToMs, formatOffset, isValidWallTime, parseIsoInstant, wallTimeToUtc } from '../../time/zone';

export type EventTime = Pick<ParsedEvent, 'ts' | 'timeRaw' | 'timeZone'>;

const LOCAL_ISO_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?$/;

function fromDatetime(text: string, ctx: ParseContext): EventTime | null {
  const iso = parseIsoInstant(text);
  if (iso) return { ts: iso.ms, timeRaw: text, timeZone: iso.offsetMinutes === 0 ? 'UTC' : formatOffset(iso.offsetMinutes) };
  const m = LOCAL_ISO_RE.exec(text);
  if (!m) return null;
  const wall = {
    year: Number(m[1]), month: Number(m[2]), day: Number(m[3]),
    hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]),
    millisecond: m[7] === undefined ? 0 : Number((m[7] + '00').slice(0, 3)),
  };
  if (!isValidWallTime(wall)) return null;
  return { ts: wallTimeToUtc(wall, ctx.timezone), timeRaw: text, timeZone: `${ctx.timezone} (assumed)` };
}

function fromTimestamp(v: unknown): EventTime | null {
  let digits: string | undefined;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) digits = String(v);
  // CSV exports (pandas) sometimes write "1331698658276340.0".
  else if (typeof v === 'string') digits = /^\d{1,19}(?:\.0+)?$/.test(v) ? v.split('.')[0] : undefined;
  if (digits === undefined) return null;
  const ts = epochIntegerToMs(digits);
  return Number.isNaN(ts) ? null : { ts, timeRaw: String(v), timeZone: 'UTC' };
}

/** The event time, and which key it came from; a reason when neither key gives one. */
export function timesketchTime(datetime: unknown, timestamp: unknown, ctx: ParseContext): { time: EventTime; from: 'datetime' | 'timestamp' } | string {
  if (typeof datetime === 'string' && datetime.length > 0) {
    const t = fromDatetime(datetime.trim(), ctx);
    if (t) return { time: t, from: 'datetime' };
  }
  const t = fromTimestamp(timestamp);
  if (t) return { time: t, from: 'timestamp' };
  if (typeof datetime === 'string' && datetime.length > 0) return `unreadable datetime "${datetime.slice(0, 40)}" and no usable timestamp`;
  return 'no datetime (ISO 8601) and no timestamp (epoch µs)';
}
