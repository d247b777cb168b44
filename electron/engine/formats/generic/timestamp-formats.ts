// The timestamp layouts the generic importer reads, one parser per TimestampFormatId.
// Time semantics: epoch values are UTC; ISO 8601 and RFC 2822 stamps keep the offset they
// state; every other stamp (and zone-less ISO) is a wall time in the file's zone, recorded
// as "<zone> (assumed)". Year-less syslog stamps take the base year with December-to-January
// rollover (one YearTracker per file). Every wall time is range-checked: "2026/02/30" is
// refused, never rolled over into March. Regexes are anchored with bounded repetition.
import type { TimestampFormatId } from '../../../common/import-mapping';
import { abbreviationOffset } from '../proxy/zone-abbreviations';
import { YearTracker } from '../syslog';
import {
  formatOffset,
  isValidWallTime,
  parseEpochSeconds,
  parseOffsetMinutes,
  wallTimeToUtc,
  type WallTime,
} from '../../time/zone';

export interface ParsedTime {
  /** UTC epoch ms. */
  ts: number;
  /** "UTC", a stated offset ("+09:00"), or "<zone> (assumed)". */
  timeZone: string;
}

export interface TimeContext {
  /** Zone for wall times that state none. */
  zone: string;
  /** Year-less stamps (syslog); one tracker per file. */
  years: YearTracker;
}

export function timeContext(zone: string, baseYear: number): TimeContext {
  return { zone, years: new YearTracker(baseYear) };
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

function fractionMs(frac: string | undefined): number {
  return frac === undefined ? 0 : Number((frac + '00').slice(0, 3));
}

function wall(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): WallTime {
  return { year, month, day, hour, minute, second, millisecond };
}

/** A wall time in the file's zone (assumed), or with an offset the text stated. */
function resolve(t: WallTime, ctx: TimeContext, offsetMinutes: number | null, assumedNote = ''): ParsedTime | null {
  if (!isValidWallTime(t)) return null;
  if (offsetMinutes !== null) {
    const naive = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond);
    return { ts: naive - offsetMinutes * 60000, timeZone: offsetMinutes === 0 ? 'UTC' : formatOffset(offsetMinutes) };
  }
  const ts = wallTimeToUtc(t, ctx.zone);
  return Number.isFinite(ts) ? { ts, timeZone: `${ctx.zone} (assumed${assumedNote})` } : null;
}

/** "Z", "UTC", "+09:00", "+0900", "JST" -> minutes east of UTC; undefined if not a zone. */
function zoneOffset(text: string | undefined): number | null | undefined {
  if (text === undefined || text === '') return null;
  const t = text.trim();
  const fixed = parseOffsetMinutes(t);
  if (fixed !== null) return fixed;
  if (/^UT$/i.test(t)) return 0;
  return abbreviationOffset(t.toUpperCase());
}

/** 12-hour clock: "12 AM" is 0, "1 PM" is 13; null for an hour a 12-hour clock never shows. */
function hour24(hour: number, meridiem: string | undefined): number | null {
  if (meridiem === undefined) return hour;
  if (hour < 1 || hour > 12) return null;
  const pm = meridiem.toLowerCase() === 'p';
  return (hour % 12) + (pm ? 12 : 0);
}

// 2026-10-05T09:12:41.123+09:00, 2026-10-05 09:12:41, 2026-10-05, 2024-01-01 00:00:00 UTC
const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)? ?(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
// 2026/10/05 09:12:41, 2026/1/5 9:05 (Excel's own short form), 2026.10.05 09:12
const YMD_RE = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?$/;
// 10/05/2026 9:12:41 PM, 05.10.2026 21:12, 10-05-2026
const XDY_RE =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:,? (\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?: ?([AaPp])\.?[Mm]\.?)?)?$/;
// Mon, 05 Oct 2026 09:12:41 +0900 (day name and zone optional)
const RFC2822_RE = /^(?:[A-Za-z]{3},? {1,2})?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))?(?: {1,2}([+-]\d{4}|[A-Za-z]{1,5}))?$/;
// Oct  5 09:12:41, Oct 05 2026 09:12:41.123
const SYSLOG_RE = /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (?:(\d{4}) )?(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/;
// 2026年10月5日 9時12分41秒, 2026年10月5日(月) 09:12:41, 2026年10月5日
const JA_RE =
  /^(\d{4})年(\d{1,2})月(\d{1,2})日(?: ?[(（][日月火水木金土][)）])?(?: ?(\d{1,2})(?:時|:)(\d{1,2})(?:分|:)?(?:(\d{1,2})秒?)?)?$/;

function parseIso(text: string, ctx: TimeContext): ParsedTime | null {
  const m = ISO_RE.exec(text);
  if (!m) return null;
  const offset = zoneOffset(m[8]);
  if (offset === undefined) return null;
  const t = wall(+m[1]!, +m[2]!, +m[3]!, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0, fractionMs(m[7]));
  return resolve(t, ctx, offset);
}

function parseYmd(text: string, ctx: TimeContext): ParsedTime | null {
  const m = YMD_RE.exec(text);
  if (!m) return null;
  return resolve(wall(+m[1]!, +m[3]!, +m[4]!, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0, m[7] ? +m[7] : 0, fractionMs(m[8])), ctx, null);
}

function parseXdy(text: string, ctx: TimeContext, dayFirst: boolean): ParsedTime | null {
  const m = XDY_RE.exec(text);
  if (!m) return null;
  const a = +m[1]!;
  const b = +m[3]!;
  const hour = hour24(m[5] ? +m[5] : 0, m[9]);
  if (hour === null) return null;
  const t = wall(+m[4]!, dayFirst ? b : a, dayFirst ? a : b, hour, m[6] ? +m[6] : 0, m[7] ? +m[7] : 0, fractionMs(m[8]));
  return resolve(t, ctx, null);
}

function parseRfc2822(text: string, ctx: TimeContext): ParsedTime | null {
  const m = RFC2822_RE.exec(text);
  if (!m) return null;
  const month = MONTHS[m[2]!.toLowerCase()];
  const offset = zoneOffset(m[7]);
  if (!month || offset === undefined) return null;
  return resolve(wall(+m[3]!, month, +m[1]!, +m[4]!, +m[5]!, m[6] ? +m[6] : 0), ctx, offset);
}

function parseSyslog(text: string, ctx: TimeContext): ParsedTime | null {
  const m = SYSLOG_RE.exec(text);
  if (!m) return null;
  const month = MONTHS[m[1]!.toLowerCase()];
  if (!month) return null;
  const year = m[3] ? +m[3] : ctx.years.yearFor(month);
  const t = wall(year, month, +m[2]!, +m[4]!, +m[5]!, +m[6]!, fractionMs(m[7]));
  return resolve(t, ctx, null, m[3] ? '' : `; year ${year} assumed`);
}

function parseJa(text: string, ctx: TimeContext): ParsedTime | null {
  const m = JA_RE.exec(text);
  if (!m) return null;
  return resolve(wall(+m[1]!, +m[2]!, +m[3]!, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0), ctx, null);
}

const UTC: Pick<ParsedTime, 'timeZone'> = { timeZone: 'UTC' };

/** An integer epoch (a fraction is dropped) in a unit 10^extraDigits finer than ms. */
function parseEpoch(text: string, extraDigits: number): ParsedTime | null {
  const m = /^(\d{1,20})(?:\.\d{1,9})?$/.exec(text);
  if (!m) return null;
  const digits = m[1]!;
  // ms = value / 10^extraDigits, cut on the digit string so no precision is lost.
  const ms = digits.length <= extraDigits ? 0 : Number(digits.slice(0, digits.length - extraDigits));
  return Number.isSafeInteger(ms) ? { ts: ms, ...UTC } : null;
}

function parseEpochS(text: string): ParsedTime | null {
  const ts = parseEpochSeconds(text);
  return Number.isFinite(ts) ? { ts, ...UTC } : null;
}

type Parser = (text: string, ctx: TimeContext) => ParsedTime | null;

const PARSERS: Readonly<Record<TimestampFormatId, Parser>> = {
  iso8601: parseIso,
  epoch_s: parseEpochS,
  epoch_ms: (t) => parseEpoch(t, 0),
  epoch_us: (t) => parseEpoch(t, 3),
  epoch_ns: (t) => parseEpoch(t, 6),
  ymd: parseYmd,
  mdy: (t, ctx) => parseXdy(t, ctx, false),
  dmy: (t, ctx) => parseXdy(t, ctx, true),
  rfc2822: parseRfc2822,
  syslog: parseSyslog,
  ja: parseJa,
};

/** Reads `text` (trimmed) as `format`; null when it is not such a timestamp. */
export function parseTimestamp(text: string, format: TimestampFormatId, ctx: TimeContext): ParsedTime | null {
  const t = text.trim();
  if (t === '' || t.length > 64) return null;
  const parsed = PARSERS[format](t, ctx);
  return parsed && Number.isFinite(parsed.ts) ? parsed : null;
}

/** The digit count an epoch of each unit has for present-day instants (used by detection). */
export function epochUnitByDigits(digits: number): TimestampFormatId | null {
  if (digits >= 9 && digits <= 10) return 'epoch_s';
  if (digits >= 12 && digits <= 13) return 'epoch_ms';
  if (digits >= 15 && digits <= 16) return 'epoch_us';
  if (digits >= 18 && digits <= 19) return 'epoch_ns';
  return null;
}
