// Syslog envelopes around a product's message: BSD (RFC 3164, year-less, zone-less),
// its variant with a year (Cisco ASA "Mon DD YYYY"), ISO-timestamp headers (RFC 5424 and
// the RFC 3339 form rsyslog writes). Formats call parseSyslogHeader() and parse the rest.
//
// Time semantics: BSD stamps carry neither year nor zone -> ParseContext.baseYear (with
// December-to-January rollover, see YearTracker) and ParseContext.timezone (assumed).
// ISO stamps carry their offset (or Z) and keep it.
import { parseOffsetMinutes, wallTimeToUtc, formatOffset } from '../time/zone';

export interface SyslogHeader {
  /** Priority value, when a <PRI> was written. */
  pri?: number;
  ts: number;
  timeRaw: string;
  timeZone: string;
  host?: string;
  /** Program/tag (e.g. "filterlog", "kernel"), when the header has one. */
  app?: string;
  pid?: string;
  /** RFC 5424 structured data, as written. */
  structuredData?: string;
  /** The message after the header. */
  message: string;
}

const MONTHS: Record<string, number> = {
  Jan: 1, Feb: 2, Mar: 3, Apr: 4, May: 5, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Oct: 10, Nov: 11, Dec: 12,
};

// "<134>" or nothing, then "Sep 28 10:38:09" or "Sep  8 10:38:09" or "May 07 2020 06:40:06",
// optional fractional seconds, then the host.
const BSD_RE = /^(?:<(\d{1,3})>)?([A-Z][a-z]{2}) {1,2}(\d{1,2}) (?:(\d{4}) )?(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))? (\S+) ?/;
// "<134>1 2025-11-06T11:32:42.868451+00:00 host app procid msgid [sd] msg" (RFC 5424) or
// "2023-07-06T08:11:40+02:00 host msg" (RFC 3339 headers from rsyslog and many appliances).
const ISO_RE = /^(?:<(\d{1,3})>(?:1 )?)?(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})? (\S+) ?/;

/**
 * Year-less BSD stamps: the year starts at baseYear and moves forward when the month
 * jumps back (a log running from December into January). One tracker per file.
 */
export class YearTracker {
  private year: number;
  private lastMonth = 0;

  constructor(baseYear: number) {
    this.year = baseYear;
  }

  yearFor(month: number): number {
    if (this.lastMonth === 12 && month === 1) this.year++;
    this.lastMonth = month;
    return this.year;
  }
}

function fractionMs(frac: string | undefined): number {
  return frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
}

/** Splits "app[pid]: rest" or "app: rest" off a BSD/ISO message. */
function splitTag(rest: string): { app?: string; pid?: string; message: string } {
  const m = /^([\w./-]{1,48})(?:\[(\w{1,20})\])?: ?/.exec(rest);
  if (!m) return { message: rest };
  return { app: m[1], pid: m[2], message: rest.slice(m[0].length) };
}

/**
 * Parses a syslog header at the start of line; null when there is none. `years` handles
 * year-less stamps (pass one tracker per file); `timezone` is the file's zone for stamps
 * without an offset.
 */
export function parseSyslogHeader(line: string, timezone: string, years: YearTracker): SyslogHeader | null {
  const iso = ISO_RE.exec(line);
  if (iso) return isoHeader(line, iso, timezone);
  const bsd = BSD_RE.exec(line);
  if (bsd) return bsdHeader(line, bsd, timezone, years);
  return null;
}

function bsdHeader(line: string, m: RegExpExecArray, timezone: string, years: YearTracker): SyslogHeader | null {
  const month = MONTHS[m[2]!];
  if (!month) return null;
  const explicitYear = m[4] ? Number(m[4]) : undefined;
  const year = explicitYear ?? years.yearFor(month);
  const ts = wallTimeToUtc(
    { year, month, day: Number(m[3]), hour: Number(m[5]), minute: Number(m[6]), second: Number(m[7]), millisecond: fractionMs(m[8]) },
    timezone,
  );
  const stampEnd = m[0].length - m[9]!.length - (m[0].endsWith(' ') ? 1 : 0);
  const timeRaw = line.slice(m[1] ? m[1].length + 2 : 0, stampEnd).trim();
  const rest = line.slice(m[0].length);
  const tag = splitTag(rest);
  const zone = explicitYear === undefined ? `${timezone} (assumed; year ${year} assumed)` : `${timezone} (assumed)`;
  return {
    pri: m[1] ? Number(m[1]) : undefined,
    ts,
    timeRaw,
    timeZone: zone,
    host: m[9],
    ...tag,
  };
}

function isoHeader(line: string, m: RegExpExecArray, timezone: string): SyslogHeader | null {
  const offsetText = m[9];
  const offset = offsetText === undefined ? null : offsetText === 'Z' ? 0 : parseOffsetMinutes(offsetText);
  const wall = {
    year: Number(m[2]), month: Number(m[3]), day: Number(m[4]),
    hour: Number(m[5]), minute: Number(m[6]), second: Number(m[7]), millisecond: fractionMs(m[8]),
  };
  const ts = offset === null ? wallTimeToUtc(wall, timezone) : wallTimeToUtc(wall, offset === 0 ? 'UTC' : formatOffset(offset));
  let rest = line.slice(m[0].length);
  const pri = m[1] ? Number(m[1]) : undefined;
  let app: string | undefined;
  let pid: string | undefined;
  let structuredData: string | undefined;
  if (m[1] && line.slice(m[1].length + 2).startsWith('1 ')) {
    // RFC 5424: APP-NAME PROCID MSGID STRUCTURED-DATA MSG, "-" for nil.
    const parts = /^(\S+) (\S+) (\S+) (-|(?:\[(?:[^\]\\]|\\.)*\])+) ?/.exec(rest);
    if (parts) {
      app = parts[1] === '-' ? undefined : parts[1];
      pid = parts[2] === '-' ? undefined : parts[2];
      structuredData = parts[4] === '-' ? undefined : parts[4];
      rest = rest.slice(parts[0].length);
      return { pri, ts, timeRaw: stampText(line, m), timeZone: zoneLabel(offset, timezone), host: m[10], app, pid, structuredData, message: rest };
    }
  }
  const tag = splitTag(rest);
  return { pri, ts, timeRaw: stampText(line, m), timeZone: zoneLabel(offset, timezone), host: m[10], ...tag };
}

function stampText(line: string, m: RegExpExecArray): string {
  const start = line.indexOf(m[2]!);
  const end = m.index + m[0].length - m[10]!.length - (m[0].endsWith(' ') ? 1 : 0);
  return line.slice(start, end).trim();
}

function zoneLabel(offset: number | null, timezone: string): string {
  if (offset === null) return `${timezone} (assumed)`;
  return offset === 0 ? 'UTC' : formatOffset(offset);
}
