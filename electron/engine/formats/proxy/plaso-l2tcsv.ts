// plaso psort "l2tcsv" output (the log2timeline CSV layout), 17 columns:
//   date,time,timezone,MACB,source,sourcetype,type,user,host,short,desc,version,filename,inode,notes,format,extra
//   01/22/2012,07:52:33,UTC,M...,LOG,Log File,Content Modification Time,-,myhost,...
// plaso writes no CSV quoting: it replaces the delimiter inside values by a space, so a
// record is exactly 17 comma-separated fields and a '"' inside a value is literal. Files
// from other writers that do quote are read as RFC 4180 when the plain split does not give
// 17 fields.
//
// Time semantics: date (MM/DD/YYYY) and time (HH:MM:SS) are wall-clock time in psort's
// output zone; the row's "timezone" column names it as the abbreviation in effect at that
// instant (pytz tzname(): "UTC", "CET" in winter and "CEST" in summer for --output_time_zone
// CET). A known, unambiguous abbreviation is read as its fixed offset (zone-abbreviations.ts);
// otherwise an IANA name ("Europe/Amsterdam") is converted with its rules; anything else
// (an ambiguous abbreviation such as CST or IST) takes the file time zone, marked as assumed.
// plaso's "no date" (00/00/0000) keeps ts 0, as plaso itself represents it.
//
// Fields: type (plaso's timestamp_desc) -> action, host -> host, user -> user, desc -> message,
// format (the parser) decides the category; the other columns go to extra (short only when it
// differs from desc, i.e. when plaso shortened it).
import type { LineFormat, ParsedEvent, ParseContext, ParseOutcome, RecordParser, SniffSample } from '../types';
import { parseCsvRecord } from '../csv';
import { formatOffset, isValidTimeZone, isValidWallTime, wallTimeToUtc } from '../../time/zone';
import { abbreviationOffset } from './zone-abbreviations';
import { stripPathSpecType, timelineCategory } from './timeline';

export const L2TCSV_HEADER = 'date,time,timezone,MACB,source,sourcetype,type,user,host,short,desc,version,filename,inode,notes,format,extra';
const COLUMNS = 17;

const DATE_RE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const TIME_RE = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/;

function value(v: string): string | undefined {
  return v === '-' || v === '' ? undefined : v;
}

function timeOf(date: string, time: string, zone: string, ctx: ParseContext): Pick<ParsedEvent, 'ts' | 'timeRaw' | 'timeZone'> | string {
  const timeRaw = `${date} ${time} ${zone}`;
  if (date === '00/00/0000') return { ts: 0, timeRaw, timeZone: 'UTC' };
  const d = DATE_RE.exec(date);
  const t = TIME_RE.exec(time);
  if (!d || !t) return `bad date/time "${date.slice(0, 20)} ${time.slice(0, 20)}" (expected MM/DD/YYYY HH:MM:SS)`;
  const wall = {
    year: Number(d[3]), month: Number(d[1]), day: Number(d[2]),
    hour: Number(t[1]), minute: Number(t[2]), second: Number(t[3]),
    millisecond: t[4] === undefined ? 0 : Number((t[4] + '00').slice(0, 3)),
  };
  if (!isValidWallTime(wall)) return `impossible date/time "${date} ${time}"`;
  const fixed = abbreviationOffset(zone);
  if (fixed !== undefined) {
    const label = fixed === 0 ? 'UTC' : `${formatOffset(fixed)} (${zone})`;
    return { ts: wallTimeToUtc(wall, formatOffset(fixed)), timeRaw, timeZone: label };
  }
  // Only region names ("Europe/Amsterdam"): ICU also accepts legacy three-letter ids (IST =
  // Asia/Kolkata, CST = America/Chicago) that would silently resolve an ambiguous abbreviation.
  if (zone.includes('/') && zone.length <= 64 && isValidTimeZone(zone)) {
    return { ts: wallTimeToUtc(wall, zone), timeRaw, timeZone: zone };
  }
  return { ts: wallTimeToUtc(wall, ctx.timezone), timeRaw, timeZone: `${ctx.timezone} (assumed; timezone column "${zone.slice(0, 40)}" unknown)` };
}

function createL2tCsvParser(ctx: ParseContext): RecordParser {
  return {
    parseLine(line: string): ParseOutcome {
      if (line.trim().length === 0) return { kind: 'skip' };
      if (line.startsWith('date,time,timezone,')) return { kind: 'skip' };
      let f = line.split(',');
      if (f.length !== COLUMNS) {
        const quoted = line.includes('"') ? parseCsvRecord(line) : null;
        if (!quoted || quoted.length !== COLUMNS) return { kind: 'reject', reason: `expected ${COLUMNS} comma-separated fields (l2tcsv), found ${f.length}` };
        f = quoted;
      }
      const [date, time, zone, macb, source, sourcetype, type, user, host, short, desc, version, filename, inode, notes, format, extraText] =
        f as [string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string];
      const when = timeOf(date, time, zone, ctx);
      if (typeof when === 'string') return { kind: 'reject', reason: when };
      const category = timelineCategory(undefined, value(format));
      const e: ParsedEvent = { ...when, category };
      if (value(type)) e.action = type;
      if (value(user)) e.user = user;
      if (value(host)) e.host = host;
      if (value(desc)) e.message = desc;
      if (category === 'file' && value(filename)) e.file_path = stripPathSpecType(filename);
      const extra: Record<string, unknown> = {};
      const keep: [string, string][] = [
        ['MACB', macb], ['source', source], ['sourcetype', sourcetype], ['version', version], ['filename', filename],
        ['inode', inode], ['notes', notes], ['format', format], ['extra', extraText],
      ];
      if (short !== desc) keep.push(['short', short]);
      for (const [k, v] of keep) if (value(v) !== undefined) extra[k] = v;
      e.extra = extra;
      return { kind: 'events', events: [e] };
    },
  };
}

function sniff(sample: SniffSample): number {
  const first = sample.lines[0]?.replace(/^\ufeff/, '');
  if (first !== L2TCSV_HEADER) return 0;
  // The header is the whole signature; check the first record's date and field count too.
  const rec = sample.lines[1];
  if (rec === undefined) return 0.9;
  const f = rec.split(',');
  return f.length === COLUMNS && DATE_RE.test(f[0]!) ? 0.98 : 0.7;
}

export const plasoL2tCsvFormat: LineFormat = {
  id: 'plaso-l2tcsv',
  name: 'plaso / log2timeline l2tcsv',
  family: 'timeline',
  description: 'plaso psort -o l2tcsv (log2timeline CSV): 17 columns date,time,timezone,MACB,source,sourcetype,type,user,host,short,desc,version,filename,inode,notes,format,extra.',
  timeSemantics: 'date MM/DD/YYYY + time HH:MM:SS are wall-clock time in the zone of the row\'s timezone column (psort\'s output zone, e.g. UTC or CET), converted to UTC; an unknown zone name falls back to the file time zone (assumed).',
  sniff,
  createParser: (ctx) => createL2tCsvParser(ctx),
};
