// NCSA Common and Combined access logs as Apache httpd and nginx write them
// (Apache mod_log_config documentation, "Common Log Format" / "Combined Log Format";
// nginx ngx_http_log_module "combined"):
//   common:   %h %l %u %t "%r" %>s %b
//   combined: %h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-agent}i"
//   vhost_*:  %v:%p (or %v) prefixed to either of the above (Debian's vhost_combined, the
//             mod_log_config "vhost" example), detected per line by the token count before %t.
// Anything after the user agent (nginx "$http_x_forwarded_for", Apache %D ...) is kept in
// extra.trailing as written. A syslog header in front (nginx "access_log syslog:...", relays)
// is taken off and kept as extra.syslog_time/syslog_host/syslog_app.
//
// Time semantics: %t is "[10/Oct/2000:13:55:36 -0700]", the server's local time WITH its
// UTC offset; the offset is applied and kept as the event's zone. The file time zone is
// never used.
//
// Fields: src_ip = the client (%h; a client *name*, with HostnameLookups on, goes to host
// like Squid's log_fqdn), user = %u, bytes_in = %b/%O (what the client received; CLF writes
// "-" for zero), url = the request target as written (escapes such as \x16 kept verbatim:
// the escaped text is the evidence). A request line that is not "METHOD target [HTTP/x]"
// (TLS handshakes sent to a plain-HTTP port, scanners' garbage) is still an event: url holds
// the raw request and extra.invalid_request is set, because those are exactly the lines an
// investigator of a web attack looks for.
import type { LineFormat, ParsedEvent, ParseOutcome, RecordParser, SniffSample } from '../types';
import { isIpLiteral, urlHostPort } from '../net';
import { lineVote } from '../line-vote';
import { formatOffset } from '../../time/zone';
import { parseClfStamp, STAMP_LENGTH, type ClfTime } from './clf-time';
import { closingQuote, isDigits } from './quoted';
import { parseSyslogHeader, YearTracker } from '../syslog';

interface RequestParts {
  method?: string;
  target?: string;
  protocol?: string;
}

function isMethodToken(s: string): boolean {
  if (s.length === 0 || s.length > 32) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95)) return false;
  }
  return true;
}

/** "GET /x HTTP/1.1" -> parts; {} when the request line is not of that shape. */
function splitRequest(req: string): RequestParts {
  const sp = req.indexOf(' ');
  if (sp <= 0 || !isMethodToken(req.slice(0, sp))) return {};
  let target = req.slice(sp + 1);
  let protocol: string | undefined;
  const last = target.lastIndexOf(' ');
  if (last !== -1 && target.startsWith('HTTP/', last + 1)) {
    protocol = target.slice(last + 1);
    target = target.slice(0, last);
  }
  if (target.length === 0) return {};
  return { method: req.slice(0, sp), target, protocol };
}

// Busy servers write many lines per second: the stamp of the line before is read again
// rather than parsed again (parseClfStamp is pure; its result is not modified by callers).
let lastStampText = '';
let lastStamp: ClfTime | null = null;

function clfStamp(text: string): ClfTime | null {
  if (text === lastStampText) return lastStamp;
  lastStamp = parseClfStamp(text);
  lastStampText = text;
  return lastStamp;
}

/**
 * Start of %t: the first " [" followed by a valid stamp and "]", or -1. Its text and instant
 * are left in lastStampText/lastStamp (no result object per line: this runs on every line).
 */
function findStamp(line: string): number {
  for (let i = line.indexOf(' ['); i !== -1; i = line.indexOf(' [', i + 1)) {
    if (line.charCodeAt(i + 2 + STAMP_LENGTH) !== 93 /* ] */) continue;
    if (clfStamp(line.slice(i + 2, i + 2 + STAMP_LENGTH))) return i;
  }
  return -1;
}

/** The space-separated tokens before %t (host ident user, or vhost host ident user). */
function splitPrefix(line: string, end: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < end) {
    while (i < end && line.charCodeAt(i) === 32) i++;
    if (i >= end) break;
    const s = i;
    while (i < end && line.charCodeAt(i) !== 32) i++;
    out.push(line.slice(s, i));
  }
  return out;
}

// One label per offset: a log has one or two (DST), and building the text per line is waste.
const offsetLabels = new Map<number, string>();
function offsetLabel(minutes: number): string {
  let l = offsetLabels.get(minutes);
  if (l === undefined) {
    l = minutes === 0 ? 'UTC' : formatOffset(minutes);
    offsetLabels.set(minutes, l);
  }
  return l;
}

function reject(reason: string): ParseOutcome {
  return { kind: 'reject', reason };
}

// nginx (access_log syslog:server=...) and syslog relays put a syslog header in front of the
// record: "<190>Oct 10 13:55:36 web01 nginx: 127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] ...".
// A client address or name never starts like this.
const SYSLOG_START = /^(?:<\d{1,3}>|[A-Z][a-z]{2} [ \d]\d \d\d:|\d{4}-\d\d-\d\dT)/;

/** One line -> an event, or the reason it is not an NCSA record. */
function parseNcsaLine(line: string): ParsedEvent | string {
  if (SYSLOG_START.test(line)) {
    // The header's own stamp is the relay's; the event time is %t. The year is never used.
    const h = parseSyslogHeader(line, 'UTC', new YearTracker(2000));
    const r = h ? parseNcsaRecord(h.message) : null;
    if (h && r !== null && typeof r !== 'string') {
      const extra: Record<string, unknown> = { ...r.extra, syslog_time: h.timeRaw };
      if (h.host !== undefined) extra.syslog_host = h.host;
      if (h.app !== undefined) extra.syslog_app = h.app;
      r.extra = extra;
      return r;
    }
  }
  return parseNcsaRecord(line);
}

function parseNcsaRecord(line: string): ParsedEvent | string {
  const at = findStamp(line);
  if (at === -1) return 'no [dd/Mon/yyyy:HH:MM:SS +zzzz] timestamp';
  const time = lastStamp!;
  const stampText = lastStampText;
  const prefix = splitPrefix(line, at);
  if (prefix.length < 3) return `expected "host ident user" before the timestamp, found ${prefix.length} field(s)`;
  let vhost: string | undefined;
  if (prefix.length === 4) vhost = prefix.shift();
  const [client, ident] = prefix as [string, string];
  const user = prefix.length === 3 ? prefix[2]! : prefix.slice(2).join(' ');

  const afterStamp = at + 3 + STAMP_LENGTH;
  if (line.charCodeAt(afterStamp) !== 32 || line.charCodeAt(afterStamp + 1) !== 34 /* " */) {
    return 'expected a quoted request line after the timestamp';
  }
  const open = afterStamp + 1;
  // The request may hold an unescaped '" ' (old servers, hostile clients): the closing quote
  // is the first candidate followed by a valid " status bytes".
  let status = '';
  let bytes = '';
  let close = -1;
  let pos = 0;
  for (let from = open + 1; ; from = close + 1) {
    close = closingQuote(line, open, from);
    if (close === -1) return 'request line is cut off (no closing quote followed by status and size)';
    const s = close + 2;
    const sEnd = line.indexOf(' ', s);
    const b = sEnd === -1 ? -1 : sEnd + 1;
    let bEnd = b === -1 ? -1 : line.indexOf(' ', b);
    if (bEnd === -1) bEnd = line.length;
    status = line.slice(s, sEnd);
    bytes = b === -1 ? '' : line.slice(b, bEnd);
    if (isDigits(status, 3, 3) && (bytes === '-' || isDigits(bytes))) {
      pos = bEnd;
      break;
    }
  }
  const request = line.slice(open + 1, close);
  const extra: Record<string, unknown> = {};
  const e: ParsedEvent = {
    ts: time.ms,
    timeRaw: stampText,
    timeZone: offsetLabel(time.offsetMinutes),
    category: 'web',
    http_status: Number(status),
    bytes_in: bytes === '-' ? 0 : Number(bytes),
  };
  if (isIpLiteral(client)) e.src_ip = client;
  else if (client !== '-') e.host = client;
  if (user !== '-') e.user = user;
  if (ident !== '-') extra.ident = ident;

  const req = splitRequest(request);
  if (req.method !== undefined && req.target !== undefined) {
    e.action = req.method;
    e.url = vhost !== undefined && req.target.startsWith('/') ? vhost + req.target : req.target;
    if (req.protocol !== undefined) extra.protocol = req.protocol;
  } else if (request !== '-' && request.length > 0) {
    e.url = request;
    extra.invalid_request = true;
  }
  // The server named by the vhost prefix, else by an absolute-form or CONNECT target.
  const named = req.target !== undefined && (req.method === 'CONNECT' || req.target.includes('://'));
  const target = vhost !== undefined ? urlHostPort(vhost) : named ? urlHostPort(req.target!) : null;
  if (target) {
    if (isIpLiteral(target.host)) e.dst_ip = target.host;
    else e.domain = target.host;
    if (target.port !== undefined) e.dst_port = target.port;
  }
  if (vhost !== undefined) extra.vhost = vhost;

  // Combined: "referer" "user agent", then anything a custom format appended.
  // (Quoted fields found by index: a result object per field per line was measurable garbage.)
  while (line.charCodeAt(pos) === 32) pos++;
  const refererClose = line.charCodeAt(pos) === 34 ? closingQuote(line, pos) : -1;
  if (refererClose !== -1) {
    const referer = line.slice(pos + 1, refererClose);
    if (referer !== '-') extra.referrer = referer;
    pos = refererClose + 1;
    while (line.charCodeAt(pos) === 32) pos++;
    const agentClose = line.charCodeAt(pos) === 34 ? closingQuote(line, pos) : -1;
    if (agentClose !== -1) {
      const agent = line.slice(pos + 1, agentClose);
      if (agent !== '-') extra.user_agent = agent;
      pos = agentClose + 1;
    }
  }
  if (pos < line.length) {
    const trailing = line.slice(pos).trim();
    if (trailing.length > 0) extra.trailing = trailing;
  }
  // Whether extra has a member, without an array of its keys per line.
  for (const _ in extra) {
    e.extra = extra;
    break;
  }
  return e;
}

function createNcsaParser(): RecordParser {
  return {
    parseLine(line: string): ParseOutcome {
      if (line.trim().length === 0) return { kind: 'skip' };
      const r = parseNcsaLine(line);
      return typeof r === 'string' ? reject(r) : { kind: 'events', events: [r] };
    },
  };
}

export const ncsaFormat: LineFormat = {
  id: 'ncsa-access',
  name: 'NCSA access log (Apache / nginx common, combined, vhost)',
  family: 'web',
  description:
    'Apache httpd / nginx access logs in NCSA Common or Combined Log Format, with or without a %v[:%p] virtual-host prefix: client, user, [time], "request", status, size, referer, user agent.',
  timeSemantics: 'Local server time with its UTC offset ([10/Oct/2000:13:55:36 -0700]); the offset is applied and kept; the file time zone is not used.',
  sniff: (sample: SniffSample): number => lineVote(sample.lines, (l) => typeof parseNcsaLine(l) !== 'string'),
  createParser: () => createNcsaParser(),
};
