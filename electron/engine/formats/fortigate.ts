// FortiGate (FortiOS) key=value logs, as the device sends them by syslog or writes them
// to disk/FortiAnalyzer exports (FortiOS Log Reference):
//   [<PRI>][Mmm dd HH:MM:SS host ]date=2017-11-15 time=11:44:16 [eventtime=<epoch>] [tz="+0900"]
//   logid="0000000013" type="traffic" subtype="forward" level="notice" devname="FGT" srcip=...
// Time: eventtime (UTC epoch; s/ms/µs/ns by firmware) wins; else date+time read in the
// tz= offset; else date+time in the file's zone, recorded as "(assumed)".
import type { EventCategory } from '../../common/schema';
import type { LineFormat, ParseContext, ParseOutcome, ParsedEvent, RecordParser, SniffSample } from './types';
import { KvTokenizer } from './kv';
import { isIpLiteral } from './net';
import { setField } from './fields';
import { lineVote } from './line-vote';
import {
  epochIntegerToMs,
  formatOffset,
  isValidWallTime,
  parseOffsetMinutes,
  wallTimeToUtc,
  type WallTime,
} from '../time/zone';

/** Bound on format-specific keys kept per event; a hostile line can hold thousands. */
const MAX_EXTRA_KEYS = 256;

// Keys copied verbatim into a normalized column (or into timeRaw) are not repeated in extra.
// These are the ones timeRaw holds.
const TIME_KEYS = new Set(['date', 'time', 'eventtime', 'tz']);

const USER_KEYS = ['user', 'unauthuser'] as const;
// Destination names: traffic dstname, web filter hostname, DNS query name.
const NAME_KEYS = ['dstname', 'hostname', 'qname'] as const;

const UTM_ALERT_SUBTYPES = new Set([
  'virus', 'ips', 'app-ctrl', 'anomaly', 'dlp', 'waf', 'file-filter', 'emailfilter', 'spamfilter',
  'cifs', 'icap', 'ssh', 'ssl', 'voip', 'virtual-patch', 'casb',
]);

function utmCategory(subtype: string): EventCategory {
  if (subtype === 'webfilter') return 'web';
  if (subtype === 'dns') return 'dns';
  return UTM_ALERT_SUBTYPES.has(subtype) ? 'alert' : 'other';
}

function categoryOf(type: string, subtype: string): EventCategory {
  if (type === 'traffic') return 'firewall';
  if (type === 'event') return subtype === 'vpn' || subtype === 'user' ? 'auth' : 'other';
  if (type === 'utm') return utmCategory(subtype);
  // FortiOS 5.0 and older wrote the UTM subtype as the type ("type=webfilter").
  return utmCategory(type);
}

function twoDigits(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}

/** "2017-11-15" (or 2017/11/15) + "11:44:16" -> wall time, or null. */
function wallTime(date: string, time: string): WallTime | null {
  if (date.length !== 10 || time.length < 8) return null;
  const sep = date.charCodeAt(4);
  if ((sep !== 45 && sep !== 47) || date.charCodeAt(7) !== sep) return null;
  if (time.charCodeAt(2) !== 58 || time.charCodeAt(5) !== 58) return null;
  let millisecond = 0;
  if (time.length > 8) {
    // Some exports carry fractions ("11:44:16.123"); anything else after the seconds is not a time.
    const frac = time.slice(9);
    if (time.charCodeAt(8) !== 46 || !/^\d{1,9}$/.test(frac)) return null;
    millisecond = Number((frac + '00').slice(0, 3));
  }
  const t: WallTime = {
    year: twoDigits(date, 0) * 100 + twoDigits(date, 2),
    month: twoDigits(date, 5),
    day: twoDigits(date, 8),
    hour: twoDigits(time, 0),
    minute: twoDigits(time, 3),
    second: twoDigits(time, 6),
    millisecond,
  };
  return isValidWallTime(t) ? t : null;
}

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Unquoted small integers become numbers in extra (sentbyte=1850); "0000000013" stays text. */
function extraValue(value: string, quoted: boolean): string | number {
  if (quoted || value.length > 15) return value;
  if (value === '0') return 0;
  const c = value.charCodeAt(0);
  if (c < 49 || c > 57 || !isDigits(value)) return value;
  return Number(value);
}

function port(v: string | undefined): number | undefined {
  if (v === undefined || !isDigits(v) || v.length > 5) return undefined;
  const n = Number(v);
  return n >= 0 && n <= 65535 ? n : undefined;
}

/** FortiOS writes "N/A" for an unknown user. */
function userValue(v: string | undefined): string | undefined {
  return v === undefined || v === '' || v === 'N/A' ? undefined : v;
}

function name(v: string | undefined): string | undefined {
  return v === undefined || v === '' || v === 'N/A' || isIpLiteral(v) ? undefined : v;
}

interface TimeResult {
  ts: number;
  timeZone: string;
}

function resolveTime(tk: KvTokenizer, zone: string): TimeResult | string {
  const eventtime = tk.get('eventtime');
  if (eventtime !== undefined) {
    const ms = epochIntegerToMs(eventtime);
    if (!Number.isNaN(ms)) return { ts: ms, timeZone: 'UTC' };
  }
  const date = tk.get('date');
  const time = tk.get('time');
  if (date === undefined || time === undefined) {
    return eventtime === undefined
      ? 'no time: expected date= and time= (or eventtime=)'
      : `unparseable eventtime "${eventtime.slice(0, 40)}" and no date=/time=`;
  }
  const wt = wallTime(date, time);
  if (!wt) return `unparseable date/time "${date.slice(0, 20)} ${time.slice(0, 20)}"`;
  const tz = tk.get('tz');
  const offset = tz === undefined ? null : parseOffsetMinutes(tz);
  if (offset !== null) {
    const label = formatOffset(offset);
    return { ts: wallTimeToUtc(wt, label), timeZone: label };
  }
  const ts = wallTimeToUtc(wt, zone);
  if (Number.isNaN(ts)) return `unknown time zone "${zone}"`;
  return { ts, timeZone: `${zone} (assumed)` };
}

function createFortigateParser(ctx: ParseContext): RecordParser {
  const tk = new KvTokenizer();
  // Per pair: already mapped into a column or timeRaw (reused across lines).
  let used = new Uint8Array(64);
  const mark = (key: string): void => {
    const i = tk.indexOf(key);
    if (i !== -1) used[i] = 1;
  };
  /** The value of a key, marked as mapped when it is non-empty. */
  const take = (key: string): string | undefined => {
    const i = tk.indexOf(key);
    if (i === -1 || tk.values[i] === '') return undefined;
    used[i] = 1;
    return tk.values[i];
  };
  return {
    parseLine(line: string): ParseOutcome {
      tk.tokenize(line);
      if (used.length < tk.count) used = new Uint8Array(tk.count * 2);
      used.fill(0, 0, tk.count);
      if (tk.count === 0) {
        return line.trim() === '' ? { kind: 'skip' } : { kind: 'reject', reason: 'no key=value pairs (not a FortiGate log record)' };
      }
      const typeRaw = tk.get('type');
      if (typeRaw === undefined || typeRaw === '') {
        return { kind: 'reject', reason: 'no type= field (not a FortiGate log record, or cut off before type=)' };
      }
      const time = resolveTime(tk, ctx.timezone);
      if (typeof time === 'string') return { kind: 'reject', reason: time };

      // timeRaw: the time-bearing pairs exactly as written, in line order.
      let timeRaw = '';
      for (let i = 0; i < tk.count; i++) {
        if (TIME_KEYS.has(tk.keys[i]!) && tk.indexOf(tk.keys[i]!) === i) {
          timeRaw += (timeRaw ? ' ' : '') + line.slice(tk.starts[i], tk.ends[i]);
          used[i] = 1;
        }
      }

      const type = typeRaw.toLowerCase();
      const subtype = (tk.get('subtype') ?? '').toLowerCase();
      const category = categoryOf(type, subtype);
      const e: ParsedEvent = { ts: time.ts, timeRaw, timeZone: time.timeZone, category };

      const isEvent = type === 'event';
      const srcIp = take('srcip') ?? (isEvent ? take('remip') : undefined);
      if (srcIp !== undefined) e.src_ip = srcIp;
      const dstIp = take('dstip');
      if (dstIp !== undefined) e.dst_ip = dstIp;
      const srcPort = port(take('srcport') ?? (isEvent ? take('remport') : undefined));
      if (srcPort !== undefined) e.src_port = srcPort;
      const dstPort = port(take('dstport'));
      if (dstPort !== undefined) e.dst_port = dstPort;

      // devname is the firewall itself. System/VPN/user events happen on it, so it is their
      // host; traffic and UTM records are about the client, named only by srcname.
      const device = tk.get('devname');
      if (isEvent) {
        if (device) e.host = device;
      } else {
        const srcName = name(tk.get('srcname'));
        if (srcName !== undefined) {
          e.host = srcName;
          mark('srcname');
        }
      }

      for (const key of USER_KEYS) {
        const u = userValue(tk.get(key));
        if (u !== undefined) {
          e.user = u;
          mark(key);
          break;
        }
      }
      for (const key of NAME_KEYS) {
        const d = name(tk.get(key));
        if (d !== undefined) {
          e.domain = d;
          mark(key);
          break;
        }
      }
      const url = take('url');
      if (url !== undefined) e.url = url;
      // Traffic volume and session length, from the source's point of view.
      const count = (key: string): number | undefined => {
        const v = tk.get(key);
        if (v === undefined || !/^\d{1,15}$/.test(v)) return undefined;
        mark(key);
        return Number(v);
      };
      const sent = count('sentbyte');
      if (sent !== undefined) e.bytes_out = sent;
      const received = count('rcvdbyte');
      if (received !== undefined) e.bytes_in = received;
      const duration = count('duration');
      if (duration !== undefined) e.duration_ms = duration * 1000;
      if (category === 'alert') {
        const file = take('filename');
        if (file !== undefined) e.file_path = file;
      }

      const action = take('action') ?? (isEvent ? tk.get('logdesc') : undefined);
      if (action) e.action = action;
      const severity = tk.get('severity') || tk.get('level');
      if (severity) e.severity = severity;
      // Only text the source wrote; a summary built from the fields would repeat them in
      // every row of a large traffic log (the renderer composes one for display).
      const msg = take('msg') ?? tk.get('logdesc');
      if (msg) e.message = msg;

      const extra: Record<string, unknown> = {};
      let kept = 0;
      let dropped = 0;
      if (device) {
        extra.device = device;
        mark('devname');
        kept++;
      }
      for (let i = 0; i < tk.count; i++) {
        const key = tk.keys[i]!;
        const value = tk.values[i]!;
        // Only a key's first occurrence counts, as in get(): a repeated key cannot override.
        if (value === '' || used[i] === 1 || tk.indexOf(key) !== i || (key === 'device' && device)) continue;
        if (kept >= MAX_EXTRA_KEYS) {
          dropped++;
          continue;
        }
        setField(extra, key, extraValue(value, tk.quoted[i]!));
        kept++;
      }
      if (dropped > 0) extra.dropped_keys = dropped;
      if (tk.header) extra.syslog_header = tk.header;
      if (tk.unterminated) extra.unterminated_quote = true;
      if (tk.stray > 0) extra.unparsed_words = tk.stray;
      e.extra = extra;
      return { kind: 'events', events: [e] };
    },
  };
}

// Linear, anchored on a key boundary so "update=" does not pass for "date=".
const SNIFF_DATE_RE = /(?:^|[\s>])date="?\d{4}[-/]\d{2}[-/]\d{2}/;
const SNIFF_TIME_RE = /\stime="?\d{2}:\d{2}:\d{2}/;
const SNIFF_TYPE_RE = /\s(?:type|logid)=/;
const SNIFF_LOGID_RE = /\slogid="?\d{10}/;

export const fortigateFormat: LineFormat = {
  id: 'fortigate',
  name: 'FortiGate key=value log',
  family: 'firewall',
  description:
    'FortiOS traffic/event/UTM logs as key=value pairs (quoted or bare values), with or without a syslog header.',
  timeSemantics:
    'eventtime= is a UTC epoch (s, ms, µs or ns, by digit count) and wins; otherwise date=/time= are read in the tz= offset when present, else in the file time zone (recorded as "(assumed)").',
  sniff(sample: SniffSample): number {
    const fits = (line: string): boolean => SNIFF_DATE_RE.test(line) && SNIFF_TIME_RE.test(line) && SNIFF_TYPE_RE.test(line);
    // A 10-digit logid is FortiOS's signature; date/time/type alone is generic and only
    // reaches the threshold when every line has it.
    const signed = (line: string): boolean => fits(line) && SNIFF_LOGID_RE.test(line);
    return Math.max(lineVote(sample.lines, signed), lineVote(sample.lines, fits, 0.6));
  },
  createParser: (ctx: ParseContext) => createFortigateParser(ctx),
};
