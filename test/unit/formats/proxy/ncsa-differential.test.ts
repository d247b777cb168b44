// The NCSA parser reads the request, status and size in place (no substring per token); this
// checks it against the reading it replaced, which cut every token out with slice() (kept
// here as the reference), on hostile variants of combined, common and vhost lines: quotes
// inside fields, escaped quotes, missing and extra fields, odd spacing, cut-off lines.
import { describe, expect, it } from 'vitest';
import type { ParsedEvent, ParseOutcome } from '../../../../electron/engine/formats/types';
import { ncsaFormat } from '../../../../electron/engine/formats/proxy/ncsa';
import { parseClfStamp, STAMP_LENGTH } from '../../../../electron/engine/formats/proxy/clf-time';
import { closingQuote, isDigits } from '../../../../electron/engine/formats/proxy/quoted';
import { isIpLiteral, urlHostPort } from '../../../../electron/engine/formats/net';
import { formatOffset } from '../../../../electron/engine/time/zone';
import { lcg } from '../../../seeded-random.mjs';

function isMethodToken(s: string): boolean {
  if (s.length === 0 || s.length > 32) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95)) return false;
  }
  return true;
}

function splitRequest(req: string): { method?: string; target?: string; protocol?: string } {
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

/** The record reading as it was (without the syslog header, which the lines here lack). */
function reference(line: string): ParseOutcome {
  if (line.trim().length === 0) return { kind: 'skip' };
  let at = -1;
  let time: { ms: number; offsetMinutes: number } | null = null;
  for (let i = line.indexOf(' ['); i !== -1; i = line.indexOf(' [', i + 1)) {
    if (line.charCodeAt(i + 2 + STAMP_LENGTH) !== 93) continue;
    time = parseClfStamp(line.slice(i + 2, i + 2 + STAMP_LENGTH));
    if (time) {
      at = i;
      break;
    }
  }
  const no = (reason: string): ParseOutcome => ({ kind: 'reject', reason });
  if (at === -1 || !time) return no('no [dd/Mon/yyyy:HH:MM:SS +zzzz] timestamp');
  const prefix = line.slice(0, at).split(' ').filter((t) => t !== '');
  if (prefix.length < 3) return no(`expected "host ident user" before the timestamp, found ${prefix.length} field(s)`);
  const vhost = prefix.length === 4 ? prefix.shift() : undefined;
  const [client, ident] = prefix as [string, string];
  const user = prefix.slice(2).join(' ');
  const afterStamp = at + 3 + STAMP_LENGTH;
  if (line[afterStamp] !== ' ' || line[afterStamp + 1] !== '"') return no('expected a quoted request line after the timestamp');
  const open = afterStamp + 1;
  let status = '';
  let bytes = '';
  let close = -1;
  let pos = 0;
  for (let from = open + 1; ; from = close + 1) {
    close = closingQuote(line, open, from);
    if (close === -1) return no('request line is cut off (no closing quote followed by status and size)');
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
    timeRaw: line.slice(at + 2, at + 2 + STAMP_LENGTH),
    timeZone: time.offsetMinutes === 0 ? 'UTC' : formatOffset(time.offsetMinutes),
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
  const named = req.target !== undefined && (req.method === 'CONNECT' || req.target.includes('://'));
  const target = vhost !== undefined ? urlHostPort(vhost) : named ? urlHostPort(req.target!) : null;
  if (target) {
    if (isIpLiteral(target.host)) e.dst_ip = target.host;
    else e.domain = target.host;
    if (target.port !== undefined) e.dst_port = target.port;
  }
  if (vhost !== undefined) extra.vhost = vhost;
  while (line[pos] === ' ') pos++;
  const refererClose = line[pos] === '"' ? closingQuote(line, pos) : -1;
  if (refererClose !== -1) {
    const referer = line.slice(pos + 1, refererClose);
    if (referer !== '-') extra.referrer = referer;
    pos = refererClose + 1;
    while (line[pos] === ' ') pos++;
    const agentClose = line[pos] === '"' ? closingQuote(line, pos) : -1;
    if (agentClose !== -1) {
      const agent = line.slice(pos + 1, agentClose);
      if (agent !== '-') extra.user_agent = agent;
      pos = agentClose + 1;
    }
  }
  const trailing = line.slice(pos).trim();
  if (trailing.length > 0) extra.trailing = trailing;
  if (Object.keys(extra).length > 0) e.extra = extra;
  return { kind: 'events', events: [e] };
}

const LINES = [
  '192.0.2.10 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)"',
  '2001:db8::1 - - [10/Oct/2000:13:55:36 +0900] "POST /login?next=%2F HTTP/1.1" 302 - "-" "curl/8.5.0"',
  'www.example.com:443 198.51.100.7 ident 山田 [10/Oct/2000:13:55:36 +0000] "GET http://a.example:8080/x HTTP/2.0" 404 17',
  'client.example - - [10/Oct/2000:13:55:36 -0000] "CONNECT b.example:443 HTTP/1.1" 200 0 "-" "-" 0.004 "10.0.0.1"',
  '203.0.113.5 - - [29/Feb/2024:23:59:59 +0530] "\\x16\\x03\\x01\\x00" 400 157',
  '203.0.113.6 - - [01/Jan/2026:00:00:00 +0000] "-" 408 -',
];
/** Edges of each in-place reading: status and size digits, request shapes, referrer and agent. */
const EDGES = [
  '::1 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1" 200 123456789012345',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1" 200 1234567890123456',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1" 200 007 "-" "-"',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1" 0200 5',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1" 20 5',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1" 200',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1" 200 ',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1"  200 5',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1" 200 -5',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "GET /a" 200 b" HTTP/1.1" 200 5 "r\\"ef" "u\\\\"a"',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "-" 408 -',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "" 400 -',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "--" 400 -',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "GET  HTTP/1.1" 400 -',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "GET HTTP/1.1" 400 -',
  '::1 - - [10/Oct/2000:13:55:36 +0000] " GET / HTTP/1.1" 400 -',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1 " 400 -',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP" 400 -',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTPS/1.1" 400 -',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "GET / / HTTP/1.1" 400 -',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "GET /HTTP/1.1" 400 -',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "G3T / HTTP/1.1" 400 -',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "get-x_Y / HTTP/2.0" 200 5',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA / HTTP/2.0" 200 5',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA / HTTP/2.0" 200 5',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1" 200 5 "-" "-" "-"',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1" 200 5 "--" "- "',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1" 200 5 "-"',
  '::1 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1" 200 5 "a" "b"\t',
  'a b c d e [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.0" 200 1',
  'vh  1.2.3.4  -  - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.0" 200 1',
  'x - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.0" 200 1',
  '1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] [10/Oct/2000:13:55:37 +0000] "GET / HTTP/1.1" 200 5',
  '1.2.3.4 - - [10/Oct/2000:13:55:36 +0000]"GET / HTTP/1.1" 200 5',
  '1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1" 200 5',
  '1.2.3.4 - - [10/Oct/2000:13:55:37 +0000] "GET / HTTP/1.1" 200 5',
  '1.2.3.4 - - [10/Oct/2000:13:55:37 +0100] "GET / HTTP/1.1" 200 5',
  '1.2.3.4 - - [10/Oct/2000:13:55:37 +0000] "GET / HTTP/1.1" 200 5',
];
const PIECES = ['"', '\\"', '\\\\', '\\', ' ', '  ', '\t', '" ', '"x', '-', 'HTTP/', ' HTTP/1.1', '[', ']', '" 200 5 ', ' 200 ', '007', '1234567890123456', '日本', 'é', '://', 'GET ', '\u00a0'];

describe('ncsa: in-place reading against the slicing reading it replaced', () => {
  it('gives the same event or reject for each edge of the in-place reading', () => {
    const parser = ncsaFormat.createParser({ fileName: 'x', timezone: 'UTC', baseYear: 2026 });
    for (const [n, line] of EDGES.entries()) {
      expect(JSON.stringify(parser.parseLine(line, n + 1)), JSON.stringify(line)).toBe(JSON.stringify(reference(line)));
    }
  });

  it('gives the same events and rejects on 20,000 hostile variants of combined, common and vhost lines', () => {
    const rand = lcg(16);
    const parser = ncsaFormat.createParser({ fileName: 'x', timezone: 'UTC', baseYear: 2026 });
    let events = 0;
    let rejects = 0;
    for (let n = 0; n < 20_000; n++) {
      let line = LINES[Math.floor(rand() * LINES.length)]!;
      const edits = Math.floor(rand() * 4);
      for (let k = 0; k < edits; k++) {
        const p = Math.floor(rand() * (line.length + 1));
        const op = rand();
        if (op < 0.6) line = line.slice(0, p) + PIECES[Math.floor(rand() * PIECES.length)]! + line.slice(p);
        else if (op < 0.9) line = line.slice(0, p) + line.slice(p + 1 + Math.floor(rand() * 4));
        else line = line.slice(0, p);
      }
      // Skip what the reference does not model: a syslog header in front (parsed the same
      // way by both, through parseSyslogHeader).
      if (/^(?:<\d{1,3}>|[A-Z][a-z]{2} [ \d]\d \d\d:|\d{4}-\d\d-\d\dT)/.test(line)) continue;
      const want = reference(line);
      // As JSON: the members' order is extra's stored order.
      expect(JSON.stringify(parser.parseLine(line, n + 1)), JSON.stringify(line)).toBe(JSON.stringify(want));
      if (want.kind === 'events') events++;
      else if (want.kind === 'reject') rejects++;
    }
    // The variants reach both sides of the parser.
    expect(events).toBeGreaterThan(5_000);
    expect(rejects).toBeGreaterThan(2_000);
  });
});
