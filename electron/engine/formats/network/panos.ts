// Palo Alto Networks PAN-OS logs in the syslog CSV layout (default "BSD" or IETF syslog
// format, or bare CSV lines as exported): TRAFFIC, THREAT and URL filtering (THREAT with
// subtype "url"). Field positions: panos-fields.ts.
//   May 07 06:40:06 PA-VM 1,2020/05/07 02:40:06,<serial>,TRAFFIC,end,...
//   2023-07-06T08:11:40+02:00 fw 1,2023/07/06 08:11:40,<serial>,THREAT,vulnerability,...
// Other log types (SYSTEM, CONFIG, ...) are kept as 'other' events with their fields.
//
// Time: the event time is receive_time (field 1, "YYYY/MM/DD HH:MM:SS"), which PAN-OS writes
// in the firewall's local time without a zone: the file time zone is assumed. The syslog
// header's stamp (the sender's or relay's clock, often in another zone) is kept in
// extra.syslog_time; generated_time, start_time and PAN-OS 10's high-resolution timestamp
// stay in extra as written.
import type { EventCategory } from '../../../common/schema';
import type { LineFormat, ParseContext, ParseOutcome, ParsedEvent, RecordParser, SniffSample } from '../types';
import { parseSyslogHeader, YearTracker } from '../syslog';
import { parseCsvRecord } from '../csv';
import { setField } from '../fields';
import { isIpLiteral, urlHostPort } from '../net';
import { lineVote } from '../line-vote';
import { isValidWallTime, wallTimeToUtc, type WallTime } from '../../time/zone';
import { clip, count, port, reject, SKIP } from './common';
import { LOG_TYPES, THREAT_FIELDS, TRAFFIC_FIELDS } from './panos-fields';

// "1,2020/05/07 02:40:06,<serial>,TRAFFIC," - the start of every PAN-OS CSV record.
const RECORD_RE = /^[^, ]{0,32},\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2},[^,]{0,64},([A-Z]{3,16}),/;
const TIME_RE = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
/** TRAFFIC and THREAT records hold at least the common fields (through action). */
const MIN_FIELDS = 31;
/** Subtypes whose misc field names a file rather than a URL. */
const FILE_SUBTYPES = new Set(['file', 'virus', 'wildfire', 'wildfire-virus', 'data']);
/** Values that are already a normalized column, not repeated in extra. */
const MAPPED = new Set(['receive_time', 'src', 'dst', 'sport', 'dport', 'src_user', 'action', 'bytes_sent', 'bytes_received', 'elapsed', 'severity']);

function wallTime(text: string): WallTime | null {
  const m = TIME_RE.exec(text);
  if (!m) return null;
  const t: WallTime = {
    year: Number(m[1]), month: Number(m[2]), day: Number(m[3]),
    hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]), millisecond: 0,
  };
  return isValidWallTime(t) ? t : null;
}

/** The CSV payload of a line (after any syslog header) and the header's stamp/host. */
function split(line: string, ctx: ParseContext, years: YearTracker): { csv: string; syslogTime?: string; host?: string } | null {
  if (RECORD_RE.test(line)) return { csv: line };
  const h = parseSyslogHeader(line, ctx.timezone, years);
  if (!h) return null;
  return { csv: h.message.trimStart(), syslogTime: h.timeRaw, host: h.host };
}

function categoryOf(type: string, subtype: string): EventCategory {
  if (type === 'TRAFFIC') return 'firewall';
  if (type === 'THREAT') return subtype === 'url' ? 'web' : 'alert';
  if (type === 'AUTH' || type === 'USERID' || type === 'GLOBALPROTECT') return 'auth';
  return 'other';
}

function createPanosParser(ctx: ParseContext): RecordParser {
  const years = new YearTracker(ctx.baseYear);
  return {
    parseLine(line: string): ParseOutcome {
      if (line.trim() === '') return SKIP;
      const parts = split(line, ctx, years);
      if (!parts || !RECORD_RE.test(parts.csv)) {
        return reject('not a PAN-OS CSV record (expected "<n>,YYYY/MM/DD HH:MM:SS,<serial>,<TYPE>," after an optional syslog header)');
      }
      const v = parseCsvRecord(parts.csv);
      if (!v) return reject('quoted field not closed (cut-off record)');
      const type = v[3]!;
      if (!LOG_TYPES.has(type)) return reject(`unknown PAN-OS log type "${clip(type, 20)}"`);
      const names: readonly string[] | null = type === 'TRAFFIC' ? TRAFFIC_FIELDS : type === 'THREAT' ? THREAT_FIELDS : null;
      if (names && v.length < MIN_FIELDS) return reject(`${type} record cut off: ${v.length} fields, at least ${MIN_FIELDS} expected`);

      const timeRaw = v[1]!;
      const wt = wallTime(timeRaw);
      if (!wt) return reject(`bad receive_time "${clip(timeRaw)}"`);
      const ts = wallTimeToUtc(wt, ctx.timezone);
      if (Number.isNaN(ts)) return reject(`unknown time zone "${ctx.timezone}"`);
      const subtype = v[4]!;
      const e: ParsedEvent = { ts, timeRaw, timeZone: `${ctx.timezone} (assumed)`, category: categoryOf(type, subtype) };
      const extra: Record<string, unknown> = {};
      if (parts.syslogTime !== undefined) extra.syslog_time = parts.syslogTime;
      if (parts.host !== undefined) extra.syslog_host = parts.host;

      if (names) {
        const f = (name: string): string => {
          const i = names.indexOf(name);
          return i === -1 ? '' : (v[i] ?? '');
        };
        const src = f('src');
        if (isIpLiteral(src)) e.src_ip = src;
        const dst = f('dst');
        if (isIpLiteral(dst)) e.dst_ip = dst;
        const sp = port(f('sport'));
        if (sp !== undefined) e.src_port = sp;
        const dp = port(f('dport'));
        if (dp !== undefined) e.dst_port = dp;
        const user = f('src_user');
        if (user !== '') e.user = user;
        const action = f('action');
        if (action !== '') e.action = action;
        if (type === 'TRAFFIC') {
          // Sent = client to server: from the source's point of view, outgoing.
          const sent = count(f('bytes_sent'));
          if (sent !== undefined) e.bytes_out = sent;
          const received = count(f('bytes_received'));
          if (received !== undefined) e.bytes_in = received;
          const elapsed = count(f('elapsed'));
          if (elapsed !== undefined) e.duration_ms = elapsed * 1000;
        } else {
          const severity = f('severity');
          if (severity !== '') e.severity = severity;
          const threat = f('threat_id');
          if (threat !== '') e.message = threat;
          const misc = f('misc');
          if (misc !== '') {
            if (subtype === 'url') {
              e.url = misc;
              const host = urlHostPort(misc)?.host;
              if (host !== undefined && !isIpLiteral(host)) e.domain = host;
            } else if (FILE_SUBTYPES.has(subtype)) {
              e.file_path = misc;
            }
          }
          const digest = f('file_digest');
          if (digest !== '') e.file_hash = digest;
        }
        const device = f('device_name');
        if (device !== '') extra.device = device;
        for (let i = 0; i < v.length; i++) {
          const value = v[i]!;
          if (value === '') continue;
          const name = i < names.length ? names[i]! : `field_${i}`;
          const mapped =
            MAPPED.has(name) ||
            name === 'device_name' ||
            name === 'file_digest' ||
            (name === 'misc' && (e.url !== undefined || e.file_path !== undefined));
          if (!mapped) setField(extra, name, value);
        }
      } else {
        extra.serial = v[2];
        extra.type = type;
        if (subtype !== '') extra.subtype = subtype;
        extra.fields = v.slice(5);
      }
      e.extra = extra;
      return { kind: 'events', events: [e] };
    },
  };
}

function sniffLine(line: string): boolean {
  if (RECORD_RE.test(line)) return true;
  const h = parseSyslogHeader(line, 'UTC', new YearTracker(2000));
  if (!h) return false;
  const m = RECORD_RE.exec(h.message.trimStart());
  return m !== null && LOG_TYPES.has(m[1]!);
}

export const panosFormat: LineFormat = {
  id: 'panos-csv',
  name: 'Palo Alto PAN-OS CSV log',
  family: 'firewall',
  description:
    'PAN-OS TRAFFIC, THREAT and URL filtering logs in the syslog CSV layout (any PAN-OS version: fields read by documented position), with or without a syslog header.',
  timeSemantics:
    'receive_time (YYYY/MM/DD HH:MM:SS, firewall local time, no zone) in the file time zone (assumed); the syslog header stamp is kept in extra.syslog_time, not used.',
  sniff: (sample: SniffSample): number => lineVote(sample.lines, sniffLine),
  createParser: (ctx: ParseContext) => createPanosParser(ctx),
};
