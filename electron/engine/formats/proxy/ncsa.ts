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
import { closingQuote } from './quoted';
import { parseSyslogHeader, YearTracker } from '../syslog';

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

/** line.startsWith(lastStampText, at), by character codes (startsWith measured slower here). */
function sameStampAt(line: string, at: number): boolean {
  const stamp = lastStampText;
  for (let k = STAMP_LENGTH - 1; k >= 0; k--) if (line.charCodeAt(at + k) !== stamp.charCodeAt(k)) return false;
  return true;
}

/**
 * Start of %t: the first " [" followed by a valid stamp and "]", or -1. Its text and instant
 * are left in lastStampText/lastStamp (no result object per line: this runs on every line).
 */
function findStamp(line: string): number {
  for (let i = line.indexOf(' ['); i !== -1; i = line.indexOf(' [', i + 1)) {
    if (line.charCodeAt(i + 2 + STAMP_LENGTH) !== 93 /* ] */) continue;
    // The previous line's second, compared in place: no copy of the stamp per line.
    if (lastStamp !== null && sameStampAt(line, i + 2)) return i;
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
let lastOffset = NaN;
let lastOffsetLabel = '';
function offsetLabel(minutes: number): string {
  if (minutes === lastOffset) return lastOffsetLabel;
  let l = offsetLabels.get(minutes);
  if (l === undefined) {
    l = minutes === 0 ? 'UTC' : formatOffset(minutes);
    offsetLabels.set(minutes, l);
  }
  lastOffset = minutes;
  lastOffsetLabel = l;
  return l;
}

function reject(reason: string): ParseOutcome {
  return { kind: 'reject', reason };
}

// nginx (access_log syslog:server=...) and syslog relays put a syslog header in front of the
// record: "<190>Oct 10 13:55:36 web01 nginx: 127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] ...".
// A client address or name never starts like this.
const SYSLOG_START = /^(?:<\d{1,3}>|[A-Z][a-z]{2} [ \d]\d \d\d:|\d{4}-\d\d-\d\dT)/;

/** False when the line cannot match SYSLOG_START (most lines start with an address's digit). */
function maySyslogStart(line: string): boolean {
  const c = line.charCodeAt(0);
  return c === 60 /* < */ || (c >= 65 && c <= 90) || (c >= 48 && c <= 57 && line.charCodeAt(4) === 45 /* - */);
}

/** One line -> an event, or the reason it is not an NCSA record. */
function parseNcsaLine(line: string): ParsedEvent | string {
  if (maySyslogStart(line) && SYSLOG_START.test(line)) {
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

/** Start and end of the tokens before %t (prefixTokens): up to 4 tokens, 8 positions. */
const tokenAt = new Int32Array(8);

/**
 * Counts the space-separated tokens of line[0, end) and notes where the first four are (in
 * tokenAt): the usual 3 or 4 are then cut out of the line without an array per line.
 */
function prefixTokens(line: string, end: number): number {
  let n = 0;
  let i = 0;
  while (i < end) {
    while (i < end && line.charCodeAt(i) === 32) i++;
    if (i >= end) break;
    const s = i;
    // The token's end by indexOf (native), not a loop over its characters.
    i = line.indexOf(' ', i);
    if (i === -1 || i > end) i = end;
    if (n < 4) {
      tokenAt[2 * n] = s;
      tokenAt[2 * n + 1] = i;
    }
    n++;
  }
  return n;
}

const token = (line: string, k: number): string => line.slice(tokenAt[2 * k]!, tokenAt[2 * k + 1]!);

/** The digits of line[from, to) as a number; -1 when not 1 to 15 ASCII digits. */
function digitsAt(line: string, from: number, to: number): number {
  if (to - from < 1 || to - from > 15) return -1;
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = line.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c; // exact: 15 digits stay below 2^53
  }
  return v;
}

/** A request method's token (letters, '-', '_'; at most 32) in line[from, to), read in place. */
function isMethodAt(line: string, from: number, to: number): boolean {
  if (to - from === 0 || to - from > 32) return false;
  for (let i = from; i < to; i++) {
    const c = line.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95)) return false;
  }
  return true;
}

/** line.startsWith('HTTP/', at), by character codes. */
function isHttpAt(line: string, at: number): boolean {
  return (
    line.charCodeAt(at) === 72 && line.charCodeAt(at + 1) === 84 && line.charCodeAt(at + 2) === 84 &&
    line.charCodeAt(at + 3) === 80 && line.charCodeAt(at + 4) === 47
  );
}

function parseNcsaRecord(line: string): ParsedEvent | string {
  const at = findStamp(line);
  if (at === -1) return 'no [dd/Mon/yyyy:HH:MM:SS +zzzz] timestamp';
  const time = lastStamp!;
  const stampText = lastStampText;
  // The tokens before %t read in place (an array per line only past 4 tokens).
  const tokens = prefixTokens(line, at);
  if (tokens < 3) return `expected "host ident user" before the timestamp, found ${tokens} field(s)`;
  let vhost: string | undefined;
  let client: string;
  let ident: string;
  let user: string;
  if (tokens === 3) {
    client = token(line, 0);
    ident = token(line, 1);
    user = token(line, 2);
  } else if (tokens === 4) {
    vhost = token(line, 0);
    client = token(line, 1);
    ident = token(line, 2);
    user = token(line, 3);
  } else {
    const prefix = splitPrefix(line, at);
    client = prefix[0]!;
    ident = prefix[1]!;
    user = prefix.slice(2).join(' ');
  }

  const afterStamp = at + 3 + STAMP_LENGTH;
  if (line.charCodeAt(afterStamp) !== 32 || line.charCodeAt(afterStamp + 1) !== 34 /* " */) {
    return 'expected a quoted request line after the timestamp';
  }
  const open = afterStamp + 1;
  // The request may hold an unescaped '" ' (old servers, hostile clients): the closing quote
  // is the first candidate followed by a valid " status bytes". Status and size are read in
  // place (what isDigits accepts, as numbers).
  let status = -1;
  let bytes = -1;
  let close = -1;
  let pos = 0;
  for (let from = open + 1; ; from = close + 1) {
    close = closingQuote(line, open, from);
    if (close === -1) return 'request line is cut off (no closing quote followed by status and size)';
    const s = close + 2;
    const sEnd = line.indexOf(' ', s);
    if (sEnd === -1) continue; // no size after the status
    const b = sEnd + 1;
    let bEnd = line.indexOf(' ', b);
    if (bEnd === -1) bEnd = line.length;
    status = sEnd - s === 3 ? digitsAt(line, s, sEnd) : -1;
    if (status === -1) continue;
    bytes = bEnd - b === 1 && line.charCodeAt(b) === 45 /* - */ ? 0 : digitsAt(line, b, bEnd);
    if (bytes !== -1) {
      pos = bEnd;
      break;
    }
  }
  const extra: Record<string, unknown> = {};
  // Whether extra has a member (rather than a for-in over it per line).
  let hasExtra = false;
  const e: ParsedEvent = {
    ts: time.ms,
    timeRaw: stampText,
    timeZone: offsetLabel(time.offsetMinutes),
    category: 'web',
    http_status: status,
    bytes_in: bytes,
  };
  if (isIpLiteral(client)) e.src_ip = client;
  else if (client !== '-') e.host = client;
  if (user !== '-') e.user = user;
  if (ident !== '-') {
    extra.ident = ident;
    hasExtra = true;
  }

  // "METHOD target [HTTP/x]" read in place, in line[open + 1, close); anything else (a TLS
  // handshake, a scanner's garbage) stays an event with the raw request as url.
  const reqStart = open + 1;
  let method: string | undefined;
  let target: string | undefined;
  const sp = line.indexOf(' ', reqStart);
  if (sp > reqStart && sp < close && isMethodAt(line, reqStart, sp)) {
    let targetEnd = close;
    let protocol: string | undefined;
    // The last space of the request, searched back from its end (the protocol is a few
    // characters long; lastIndexOf measured slower here); sp when the target has none.
    let last = close - 1;
    while (last > sp && line.charCodeAt(last) !== 32) last--;
    if (last > sp && isHttpAt(line, last + 1)) {
      protocol = line.slice(last + 1, close);
      targetEnd = last;
    }
    if (targetEnd > sp + 1) {
      method = line.slice(reqStart, sp);
      target = line.slice(sp + 1, targetEnd);
      e.action = method;
      e.url = vhost !== undefined && target.startsWith('/') ? vhost + target : target;
      if (protocol !== undefined) {
        extra.protocol = protocol;
        hasExtra = true;
      }
    }
  }
  if (target === undefined && close > reqStart && !(close === reqStart + 1 && line.charCodeAt(reqStart) === 45 /* - */)) {
    e.url = line.slice(reqStart, close);
    extra.invalid_request = true;
    hasExtra = true;
  }
  // The server named by the vhost prefix, else by an absolute-form or CONNECT target.
  const named = target !== undefined && (method === 'CONNECT' || target.includes('://'));
  const server = vhost !== undefined ? urlHostPort(vhost) : named ? urlHostPort(target!) : null;
  if (server) {
    if (isIpLiteral(server.host)) e.dst_ip = server.host;
    else e.domain = server.host;
    if (server.port !== undefined) e.dst_port = server.port;
  }
  if (vhost !== undefined) {
    extra.vhost = vhost;
    hasExtra = true;
  }

  // Combined: "referer" "user agent", then anything a custom format appended.
  // (Quoted fields found by index: a result object per field per line was measurable garbage.)
  while (line.charCodeAt(pos) === 32) pos++;
  const refererClose = line.charCodeAt(pos) === 34 ? closingQuote(line, pos) : -1;
  if (refererClose !== -1) {
    if (!(refererClose === pos + 2 && line.charCodeAt(pos + 1) === 45)) {
      extra.referrer = line.slice(pos + 1, refererClose);
      hasExtra = true;
    }
    pos = refererClose + 1;
    while (line.charCodeAt(pos) === 32) pos++;
    const agentClose = line.charCodeAt(pos) === 34 ? closingQuote(line, pos) : -1;
    if (agentClose !== -1) {
      if (!(agentClose === pos + 2 && line.charCodeAt(pos + 1) === 45)) {
        extra.user_agent = line.slice(pos + 1, agentClose);
        hasExtra = true;
      }
      pos = agentClose + 1;
    }
  }
  if (pos < line.length) {
    const trailing = line.slice(pos).trim();
    if (trailing.length > 0) {
      extra.trailing = trailing;
      hasExtra = true;
    }
  }
  if (hasExtra) e.extra = extra;
  return e;
}

function createNcsaParser(): RecordParser {
  return {
    parseLine(line: string): ParseOutcome {
      // A line starting with a printable ASCII character is not blank: no trimmed copy made.
      const c = line.charCodeAt(0);
      if (!(c > 32 && c < 127) && line.trim().length === 0) return { kind: 'skip' };
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
