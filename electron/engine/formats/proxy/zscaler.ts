// Zscaler Internet Access NSS web logs in the default feed output format (Zscaler Help,
// "NSS Feed Output Format: Web Logs", whose example record this layout reproduces): 34
// double-quoted, comma-separated fields per line,
//   time, login, proto, eurl, action, appname, appclass, reqsize, respsize, stime, ctime,
//   urlclass, urlsupercat, urlcat, malwarecat, threatname, riskscore, dlpeng, dlpdict,
//   location, dept, cip, sip, reqmethod, respcode, ua, ereferer, ruletype, rulelabel,
//   contenttype, unscannabletype, deviceowner, devicehostname, keyprotectiontype
// e.g. "Mon Jun 20 15:29:11 2022","new-gre","HTTP","ebay.com/","Blocked",...
// NSS writes "None", "NA" or "N/A" for absent values; those are omitted. URLs are
// %HH-encoded by Zscaler (control characters, space) and kept as written. Lines with more
// fields (a feed with fields appended) keep the extras as field_N; fewer is a reject.
//
// Time semantics: %s{time} ("Mon Jun 20 15:29:11 2022") carries no zone: it is in the time
// zone configured on the NSS feed (GMT unless changed), which the log does not state, so it
// takes the file time zone (assumed; choose UTC at import for a feed left at GMT).
//
// Fields: cip -> src_ip, sip -> dst_ip, eurl -> url (its host -> domain), reqmethod ->
// action (as for the other proxies), the policy action (Allowed/Blocked) -> extra.action,
// respcode -> http_status, respsize -> bytes_in, reqsize -> bytes_out, login -> user,
// devicehostname -> host (the client device); the rest in extra under the NSS field names.
import type { LineFormat, ParseContext, ParsedEvent, ParseOutcome, RecordParser, SniffSample } from '../types';
import { parseCsvRecord } from '../csv';
import { isIpLiteral, urlHostPort } from '../net';
import { lineVote } from '../line-vote';
import { isValidWallTime, wallTimeToUtc } from '../../time/zone';
import { isDigits } from './quoted';

export const NSS_WEB_DEFAULT_FIELDS: readonly string[] = [
  'time', 'login', 'proto', 'eurl', 'action', 'appname', 'appclass', 'reqsize', 'respsize', 'stime', 'ctime',
  'urlclass', 'urlsupercat', 'urlcat', 'malwarecat', 'threatname', 'riskscore', 'dlpeng', 'dlpdict', 'location',
  'dept', 'cip', 'sip', 'reqmethod', 'respcode', 'ua', 'ereferer', 'ruletype', 'rulelabel', 'contenttype',
  'unscannabletype', 'deviceowner', 'devicehostname', 'keyprotectiontype',
];
const IDX: Readonly<Record<string, number>> = Object.fromEntries(NSS_WEB_DEFAULT_FIELDS.map((f, i) => [f, i]));
/** Fields mapped to normalized columns (not repeated in extra). */
const MAPPED = new Set(['time', 'login', 'eurl', 'reqsize', 'respsize', 'cip', 'sip', 'reqmethod', 'respcode', 'ua', 'ereferer', 'devicehostname']);

const MONTHS: Record<string, number> = {
  Jan: 1, Feb: 2, Mar: 3, Apr: 4, May: 5, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Oct: 10, Nov: 11, Dec: 12,
};
// "Mon Jun 20 15:29:11 2022" (C asctime layout; a one-digit day may be space-padded).
const TIME_RE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

function absent(v: string | undefined): boolean {
  return v === undefined || v === '' || v === 'None' || v === 'NA' || v === 'N/A';
}

function parseTime(text: string, zone: string): number {
  const m = TIME_RE.exec(text);
  const month = m ? MONTHS[m[1]!] : undefined;
  if (!m || !month) return NaN;
  const wall = { year: Number(m[6]), month, day: Number(m[2]), hour: Number(m[3]), minute: Number(m[4]), second: Number(m[5]), millisecond: 0 };
  return isValidWallTime(wall) ? wallTimeToUtc(wall, zone) : NaN;
}

function toEvent(f: readonly string[], ctx: ParseContext): ParsedEvent | string {
  if (f.length < NSS_WEB_DEFAULT_FIELDS.length) return `expected ${NSS_WEB_DEFAULT_FIELDS.length} fields (NSS web default feed format), found ${f.length}`;
  const get = (name: string): string | undefined => {
    const v = f[IDX[name]!];
    return absent(v) ? undefined : v;
  };
  const timeRaw = f[0]!;
  const ts = parseTime(timeRaw, ctx.timezone);
  if (Number.isNaN(ts)) return `bad time "${timeRaw.slice(0, 40)}" (expected e.g. Mon Jun 20 15:29:11 2022)`;
  const e: ParsedEvent = { ts, timeRaw, timeZone: `${ctx.timezone} (assumed)`, category: 'web' };
  const method = get('reqmethod');
  if (method !== undefined) e.action = method;
  const user = get('login');
  if (user !== undefined) e.user = user;
  const host = get('devicehostname');
  if (host !== undefined) e.host = host;
  const cip = get('cip');
  if (cip !== undefined) e.src_ip = cip;
  const sip = get('sip');
  if (sip !== undefined) e.dst_ip = sip;
  const url = get('eurl');
  if (url !== undefined) {
    e.url = url;
    const target = urlHostPort(url);
    if (target && !isIpLiteral(target.host)) e.domain = target.host;
    if (target?.port !== undefined) e.dst_port = target.port;
  }
  const status = get('respcode');
  if (status !== undefined && isDigits(status, 3, 3) && status !== '000') e.http_status = Number(status);
  const resp = get('respsize');
  if (resp !== undefined && isDigits(resp)) e.bytes_in = Number(resp);
  const req = get('reqsize');
  if (req !== undefined && isDigits(req)) e.bytes_out = Number(req);
  const extra: Record<string, unknown> = {};
  const ua = get('ua');
  if (ua !== undefined) extra.user_agent = ua;
  const referer = get('ereferer');
  if (referer !== undefined) extra.referrer = referer;
  for (const name of NSS_WEB_DEFAULT_FIELDS) {
    if (MAPPED.has(name)) continue;
    const v = get(name);
    if (v !== undefined) extra[name] = v;
  }
  for (let i = NSS_WEB_DEFAULT_FIELDS.length; i < f.length; i++) if (!absent(f[i])) extra[`field_${i + 1}`] = f[i];
  e.extra = extra;
  return e;
}

function createZscalerParser(ctx: ParseContext): RecordParser {
  return {
    parseLine(line: string): ParseOutcome {
      if (line.trim().length === 0) return { kind: 'skip' };
      const f = parseCsvRecord(line);
      // NSS never writes a newline inside a field (it %-encodes control characters in URLs),
      // so an open quote is a cut-off record, not a continuation.
      if (f === null) return { kind: 'reject', reason: 'a quoted field is cut off (no closing quote)' };
      const r = toEvent(f, ctx);
      return typeof r === 'string' ? { kind: 'reject', reason: r } : { kind: 'events', events: [r] };
    },
  };
}

function sniffLine(line: string): boolean {
  if (!line.startsWith('"')) return false;
  const f = parseCsvRecord(line);
  return f !== null && f.length >= NSS_WEB_DEFAULT_FIELDS.length && TIME_RE.test(f[0]!) && (absent(f[IDX.respcode!]) || isDigits(f[IDX.respcode!]!, 3, 3));
}

export const zscalerNssWebFormat: LineFormat = {
  id: 'zscaler-nss-web',
  name: 'Zscaler NSS web log (default feed format)',
  family: 'proxy',
  description:
    'Zscaler Internet Access NSS web logs in the default feed output format: 34 quoted CSV fields (time, login, proto, eurl, action, app, sizes, URL categories, threat, location, dept, cip, sip, method, status, UA, referer, rule, device).',
  timeSemantics: '%s{time} ("Mon Jun 20 15:29:11 2022") has no zone: it is in the NSS feed\'s configured zone (GMT unless changed), so it takes the file time zone (assumed).',
  sniff: (sample: SniffSample): number => lineVote(sample.lines, sniffLine),
  createParser: (ctx) => createZscalerParser(ctx),
};
