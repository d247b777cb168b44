// Squid native access.log, the built-in "squid" logformat:
//   %ts.%03tu %6tr %>a %Ss/%03>Hs %<st %rm %ru %[un %Sh/%<a %mt
// e.g. "1691514939.857     68 172.16.1.21 TCP_MISS/200 3705 GET http://h/p - HIER_DIRECT/2.19.117.168 application/gzip"
// With log_mime_hdrs on, Squid appends " [request headers] [reply headers]" (squid-cache.org
// logformat docs and src/log/FormatSquidNative.cc). The elapsed field is right-aligned, so
// fields are separated by runs of spaces. URL and user are encoded by Squid and never hold
// spaces; the mime type is taken as everything up to the optional header blobs.
import type { ParsedEvent, LineFormat, ParseOutcome, RecordParser, SniffSample } from './types';
import { isIpLiteral, urlHostPort } from './net';
import { lineVote } from './line-vote';
import { parseEpochSeconds } from '../time/zone';

const FIXED_FIELDS = 9; // tokens before the mime type

const SNIFF_TIME_RE = /^\d{9,10}\.\d{3}$/;
const SNIFF_CODE_RE = /^[A-Z_]+\/\d{3}$/;

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/** Split the first FIXED_FIELDS tokens into out[]; returns their count and where the rest starts. */
function splitFixed(line: string, out: string[]): { count: number; rest: number } {
  let pos = 0;
  let count = 0;
  const len = line.length;
  while (count < FIXED_FIELDS) {
    while (pos < len && isSpace(line.charCodeAt(pos))) pos++;
    if (pos >= len) break;
    const start = pos;
    while (pos < len && !isSpace(line.charCodeAt(pos))) pos++;
    out[count++] = line.slice(start, pos);
  }
  return { count, rest: pos };
}

function digitsOnly(s: string): boolean {
  if (s.length === 0 || s.length > 15) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** "TCP_MISS/200" -> ["TCP_MISS", 200]; null when it is not that shape. */
function splitResult(tok: string): [string, number] | null {
  const slash = tok.lastIndexOf('/');
  if (slash < 1 || tok.length - slash - 1 !== 3) return null;
  for (let i = 0; i < slash; i++) {
    const c = tok.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || c === 95)) return null;
  }
  const status = tok.slice(slash + 1);
  if (!digitsOnly(status)) return null;
  return [tok.slice(0, slash), Number(status)];
}

function isOriginHierarchy(code: string): boolean {
  return code.endsWith('DIRECT') || code.endsWith('ORIGINAL_DST') || code.endsWith('PINNED');
}

function reject(reason: string): ParseOutcome {
  return { kind: 'reject', reason };
}

function createSquidParser(): RecordParser {
  const tok: string[] = new Array<string>(FIXED_FIELDS);
  return {
    parseLine(line: string): ParseOutcome {
      const { count, rest } = splitFixed(line, tok);
      if (count === 0) return { kind: 'skip' };
      let tail = line.slice(rest).trim();
      if (count < FIXED_FIELDS || tail.length === 0) {
        return reject(`expected at least 10 space-separated fields (Squid native format), found ${count + (tail ? 1 : 0)}`);
      }
      const [timeRaw, elapsed, client, result, bytes, method, url, user, hier] = tok as [
        string, string, string, string, string, string, string, string, string,
      ];
      const ts = parseEpochSeconds(timeRaw);
      if (Number.isNaN(ts)) return reject(`bad timestamp "${timeRaw.slice(0, 40)}" (expected epoch seconds like 1691514939.857)`);
      if (!digitsOnly(elapsed)) return reject(`bad elapsed time "${elapsed.slice(0, 40)}"`);
      const code = splitResult(result);
      if (!code) return reject(`bad result code "${result.slice(0, 60)}" (expected e.g. TCP_MISS/200)`);
      if (!digitsOnly(bytes)) return reject(`bad byte count "${bytes.slice(0, 40)}"`);

      // Optional log_mime_hdrs blobs: " [request headers] [reply headers]".
      let requestHeaders: string | undefined;
      let replyHeaders: string | undefined;
      const blob = tail.indexOf(' [');
      if (blob !== -1) {
        const headers = tail.slice(blob + 1);
        tail = tail.slice(0, blob).trimEnd();
        const close = headers.indexOf(']');
        requestHeaders = close === -1 ? headers.slice(1) : headers.slice(1, close);
        if (close !== -1) {
          const next = headers.indexOf('[', close);
          if (next !== -1) {
            const end = headers.lastIndexOf(']');
            replyHeaders = end > next ? headers.slice(next + 1, end) : headers.slice(next + 1);
          }
        }
      }
      const mime = tail;

      const slash = hier.indexOf('/');
      const hierarchy = slash === -1 ? hier : hier.slice(0, slash);
      const peer = slash === -1 ? '-' : hier.slice(slash + 1);
      const status = code[1];
      const size = Number(bytes);

      const e: ParsedEvent = {
        ts,
        timeRaw,
        timeZone: 'UTC',
        category: 'web',
        action: method,
        url,
        // No message: it would repeat url/status/bytes in every row of a multi-GB log.
      };
      // Squid writes 000 when no reply was received: there is no HTTP status then.
      if (status > 0) e.http_status = status;
      if (Number.isFinite(size)) e.bytes_in = size;
      if (digitsOnly(elapsed)) e.duration_ms = Number(elapsed);
      // With log_fqdn on, Squid writes the client's name instead of its address.
      if (isIpLiteral(client)) e.src_ip = client;
      else if (client !== '-') e.host = client;
      if (user !== '-') e.user = user;
      // Only absolute URLs and CONNECT authorities name a host; Squid also logs
      // pseudo-URLs such as "error:invalid-request" for requests it could not parse.
      const target = method === 'CONNECT' || url.includes('://') ? urlHostPort(url) : null;
      if (target) {
        if (isIpLiteral(target.host)) e.dst_ip = target.host;
        else e.domain = target.host;
        if (target.port !== undefined) e.dst_port = target.port;
      }
      const extra: Record<string, unknown> = { result_code: code[0], hierarchy };
      // The peer Squid forwarded to is the origin server only for direct fetches
      // (HIER_DIRECT, TIMEOUT_DIRECT, ORIGINAL_DST, PINNED); for *_PARENT/*_SIBLING
      // hierarchies it is a cache peer, which is not the destination of the request.
      if (peer !== '-' && peer !== '') {
        if (isIpLiteral(peer) && isOriginHierarchy(hierarchy)) e.dst_ip = peer;
        else extra.peer = peer;
      }
      if (mime !== '-') extra.mime_type = mime;
      if (requestHeaders !== undefined) extra.request_headers = requestHeaders;
      if (replyHeaders !== undefined) extra.reply_headers = replyHeaders;
      e.extra = extra;
      return { kind: 'events', events: [e] };
    },
  };
}

function sniffLine(line: string): boolean {
  const tok: string[] = new Array<string>(FIXED_FIELDS);
  const { count, rest } = splitFixed(line, tok);
  return (
    count === FIXED_FIELDS &&
    line.slice(rest).trim().length > 0 &&
    SNIFF_TIME_RE.test(tok[0]!) &&
    SNIFF_CODE_RE.test(tok[3]!) &&
    digitsOnly(tok[1]!) &&
    digitsOnly(tok[4]!)
  );
}

export const squidFormat: LineFormat = {
  id: 'squid',
  name: 'Squid access.log (native)',
  family: 'proxy',
  description:
    'Squid native access.log ("logformat squid"): epoch time, elapsed ms, client, result/status, bytes, method, URL, user, hierarchy/peer, MIME type; optional log_mime_hdrs header blobs.',
  timeSemantics: 'First field is epoch seconds with milliseconds (UTC); the file time zone is not used.',
  sniff: (sample: SniffSample): number => lineVote(sample.lines, sniffLine),
  createParser: () => createSquidParser(),
};
