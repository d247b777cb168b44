// Windows Defender Firewall log (%windir%\System32\LogFiles\Firewall\pfirewall.log),
// a W3C-like text log whose header names the columns:
//   #Version: 1.5
//   #Software: Microsoft Windows Firewall
//   #Time Format: Local
//   #Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn
//            tcpack tcpwin icmptype icmpcode info path [pid]
//   2005-04-11 08:05:57 DROP UDP 123.45.78.90 123.156.78.255 137 137 78 - - - - - - - RECEIVE
// Space-separated, "-" for no value. Windows 10 and later append "pid". Columns are taken
// from #Fields; a file cut before its header falls back to the documented default columns.
//
// Time: date+time are the host's local wall clock ("#Time Format: Local") with no zone:
// the file time zone is assumed. Should a header say "#Time Format: UTC", UTC is used.
import type { EventCategory } from '../../../common/schema';
import type { LineFormat, ParseContext, ParseOutcome, ParsedEvent, RecordParser, SniffSample } from '../types';
import { setField } from '../fields';
import { isIpLiteral } from '../net';
import { isValidWallTime, wallTimeToUtc, type WallTime } from '../../time/zone';
import { clip, count, port, reject, SKIP } from './common';

const DEFAULT_FIELDS = 'date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path'.split(' ');
const MAPPED = new Set(['date', 'time', 'action', 'src-ip', 'dst-ip', 'src-port', 'dst-port', 'pid']);
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;

function wallTime(date: string, time: string): WallTime | null {
  const d = DATE_RE.exec(date);
  const t = TIME_RE.exec(time);
  if (!d || !t) return null;
  const w: WallTime = {
    year: Number(d[1]), month: Number(d[2]), day: Number(d[3]),
    hour: Number(t[1]), minute: Number(t[2]), second: Number(t[3]),
    millisecond: t[4] === undefined ? 0 : Number((t[4] + '00').slice(0, 3)),
  };
  return isValidWallTime(w) ? w : null;
}

function categoryOf(action: string): EventCategory {
  // INFO-EVENTS-LOST and similar bookkeeping records are about the log, not traffic.
  return action.startsWith('INFO-') ? 'other' : 'firewall';
}

function createWinfwParser(ctx: ParseContext): RecordParser {
  let fields = DEFAULT_FIELDS;
  let index = new Map(fields.map((f, i) => [f, i]));
  let utc = false;
  return {
    parseLine(line: string): ParseOutcome {
      const text = line.trim();
      if (text === '') return SKIP;
      if (text.startsWith('#')) {
        if (text.startsWith('#Fields:')) {
          fields = text.slice('#Fields:'.length).trim().split(/\s+/);
          index = new Map(fields.map((f, i) => [f, i]));
        } else if (text.startsWith('#Time Format:')) {
          utc = /^utc$/i.test(text.slice('#Time Format:'.length).trim());
        }
        return SKIP;
      }
      const v = text.split(/ +/);
      if (v.length !== fields.length) {
        return reject(`expected ${fields.length} space-separated fields per #Fields, found ${v.length} (cut-off or damaged record)`);
      }
      const get = (name: string): string | undefined => {
        const i = index.get(name);
        const x = i === undefined ? undefined : v[i];
        return x === undefined || x === '-' ? undefined : x;
      };
      const date = get('date') ?? '';
      const time = get('time') ?? '';
      const wt = wallTime(date, time);
      if (!wt) return reject(`bad date/time "${clip(date, 20)} ${clip(time, 20)}"`);
      const zone = utc ? 'UTC' : ctx.timezone;
      const ts = wallTimeToUtc(wt, zone);
      if (Number.isNaN(ts)) return reject(`unknown time zone "${zone}"`);
      const action = get('action') ?? '';
      const e: ParsedEvent = { ts, timeRaw: `${date} ${time}`, timeZone: utc ? 'UTC' : `${zone} (assumed)`, category: categoryOf(action) };
      if (action !== '') e.action = action;
      const src = get('src-ip');
      if (src !== undefined && isIpLiteral(src)) e.src_ip = src;
      const dst = get('dst-ip');
      if (dst !== undefined && isIpLiteral(dst)) e.dst_ip = dst;
      const sp = port(get('src-port'));
      if (sp !== undefined) e.src_port = sp;
      const dp = port(get('dst-port'));
      if (dp !== undefined) e.dst_port = dp;
      const pid = count(get('pid'));
      if (pid !== undefined) e.process_pid = pid;
      const extra: Record<string, unknown> = {};
      for (let i = 0; i < fields.length; i++) {
        const name = fields[i]!;
        const value = v[i]!;
        if (value === '-') continue;
        // A value that did not fit its normalized column (e.g. a non-IP in src-ip) stays visible.
        const mappedOk =
          MAPPED.has(name) &&
          !((name === 'src-ip' && e.src_ip === undefined) || (name === 'dst-ip' && e.dst_ip === undefined) ||
            (name === 'src-port' && e.src_port === undefined) || (name === 'dst-port' && e.dst_port === undefined) ||
            (name === 'pid' && e.process_pid === undefined));
        if (!mappedOk) setField(extra, name, value);
      }
      e.extra = extra;
      return { kind: 'events', events: [e] };
    },
  };
}

export const winfwFormat: LineFormat = {
  id: 'windows-firewall',
  name: 'Windows Firewall log (pfirewall.log)',
  family: 'firewall',
  description:
    'Windows Defender Firewall pfirewall.log: W3C-style #Fields header, space-separated DROP/ALLOW/OPEN/CLOSE records with addresses, ports, TCP/ICMP details, path and (Windows 10+) pid.',
  timeSemantics:
    'date+time are the host\'s local clock ("#Time Format: Local", no zone): read in the file time zone (assumed); a "#Time Format: UTC" header means UTC.',
  sniff(sample: SniffSample): number {
    const lines = sample.lines;
    if (lines.length === 0 || !lines[0]!.startsWith('#')) return 0;
    const header = lines.slice(0, 8);
    const software = header.some((l) => /^#Software: Microsoft Windows (?:Defender )?Firewall\b/.test(l));
    const fieldsLine = header.find((l) => l.startsWith('#Fields:'));
    const fitsFields = fieldsLine !== undefined && /\bsrc-ip dst-ip src-port dst-port\b/.test(fieldsLine) && /\baction protocol\b/.test(fieldsLine);
    if (software && fitsFields) return 0.98;
    return fitsFields ? 0.8 : 0;
  },
  createParser: (ctx: ParseContext) => createWinfwParser(ctx),
};
