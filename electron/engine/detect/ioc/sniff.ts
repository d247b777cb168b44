// Is a dropped file an indicator list rather than a log? Decided from the content, never the
// name, before any log format or the column mapper sees it: a C2 feed such as "IP address,
// Port,First seen" has a time column and would otherwise be offered to the mapper as a log.
//
// The test is strict on purpose, because a log wrongly taken for indicators would vanish from
// the timeline: a STIX bundle or a MISP event (whole-file JSON of that shape); a headed CSV
// whose every column is an indicator, its port or type, or feed metadata (first seen, note,
// malware family...), with no column a log has (source address, action, user, method...); or
// a plain list whose lines are each one indicator with at most a word or two of context.
import { detectEncoding, NotTextError } from '../../ingest/encoding';
import { classify } from './classify';
import { looksLikeIocCsv } from './csv';
import { isMispDocument } from './misp';
import { isStixDocument } from './stix';
import { parseCsvRecord } from '../../formats/csv';

export type IndicatorFormat = 'stix' | 'misp' | 'csv' | 'plain';

/** Names of columns an event log has and an indicator feed does not. */
const LOG_COLUMN =
  /^(src|source|client|c)_?(ip|addr|address|host|port)$|^(action|method|cs_method|status|sc_status|http_status|user|username|user_name|account|bytes|bytes_in|bytes_out|sent_bytes|received_bytes|proto|protocol|rule|policy|event_?id|event_?type|process|process_name|command_?line|cmdline|pid|user_agent|referer|duration|severity|message|msg)$/;

/** Feed metadata that may stand beside the indicators. */
const FEED_COLUMN =
  /^(first_?seen(_utc)?|last_?seen(_utc)?|last_?online|date_?added|added|created|modified|valid_from|valid_until|epoch|as_?number|asn|as_?name|country|jarm(_fingerprint)?|isa|reporter|reference|references|link|confidence|score|tlp|id|threat_?type|threat|status|c2_status|malware(_printable|_family)?|family|tags?|note|notes|comment|description|download_timestamp|conceptual_sha1|signature|type|ioc|data|value|indicator|kind|port|dst_port|c2_port)$/;

const normalize = (name: string) => name.trim().toLowerCase().replace(/[\s-]+/g, '_').replace(/[()]/g, '').replace(/_+$/, '');

function headerFields(lines: readonly string[]): string[] | null {
  // Feodo Tracker / URLhaus write the header as the last comment line before the data.
  let last: string[] | null = null;
  for (const raw of lines) {
    const text = raw.replace(/^\ufeff/, '');
    if (text.trim() === '') continue;
    const commented = /^\s*#/.test(text);
    const fields = parseCsvRecord(text.replace(/^\s*#\s*/, ''));
    if (commented) {
      if (fields && fields.length >= 2 && fields.every((f) => !classify(f.trim()))) last = fields;
      continue;
    }
    if (fields && fields.length >= 2 && fields.every((f) => classify(f.trim()) === null)) return fields;
    return last;
  }
  return last;
}

function isIndicatorCsv(lines: readonly string[]): boolean {
  if (!looksLikeIocCsv(lines)) return false;
  const fields = headerFields(lines);
  if (!fields) return false;
  const names = fields.map(normalize);
  if (names.some((n) => LOG_COLUMN.test(n))) return false;
  // Every column must be one a feed has: an indicator (ip, domain, url, hash) or feed metadata.
  return names.every((n) => FEED_COLUMN.test(n) || /(^|_)(ip|ipv4|ipv6|ip_address|ipaddress|domain|hostname|fqdn|url|uri|sha256|sha1|md5|hash)$/.test(n) || /^(dst_ip|c2_ip|c2_domain|dst_host|file_sha\w*)$/.test(n));
}

const COMMENT = /^\s*(?:#|\/\/|;|!)/;

/** Every sampled line is one indicator, perhaps with a word or two (or a # comment) after it. */
function isPlainList(lines: readonly string[]): boolean {
  let data = 0;
  for (const text of lines.slice(0, 500)) {
    if (text.trim() === '' || COMMENT.test(text)) continue;
    const body = text.replace(/\s#.*$/, '');
    const tokens = body.split(/[\s,;|]+/).filter((t) => t !== '');
    if (tokens.length === 0 || tokens.length > 3 || classify(tokens[0]!) === null) return false;
    data++;
  }
  return data > 0;
}

/** A sample of a file's start: at most this much is read to decide. */
export const SNIFF_BYTES = 256 * 1024;

/**
 * The indicator format of `bytes` (the file's first SNIFF_BYTES, or all of it), or null when it
 * is not an indicator file. `complete` says whether `bytes` is the whole file (JSON is only
 * judged whole: a JSON Lines log cut short must not look like a document).
 */
export function sniffIndicatorFile(bytes: Uint8Array, complete: boolean): IndicatorFormat | null {
  if (bytes.length === 0) return null;
  let text: string;
  try {
    const guess = detectEncoding(bytes.subarray(0, 65536));
    text = new TextDecoder(guess.encoding).decode(bytes.subarray(guess.bomLength));
  } catch (err) {
    if (err instanceof NotTextError) return null;
    throw err;
  }
  const head = text.trimStart();
  if (head.startsWith('{') || head.startsWith('[')) {
    if (!complete) return null;
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      return null; // JSON Lines, or not JSON: a log for the formats to judge
    }
    if (isStixDocument(doc)) return 'stix';
    if (isMispDocument(doc)) return 'misp';
    return null;
  }
  // A cut sample may end mid-line: judge whole lines only.
  const lines = text.split(/\r?\n/);
  if (!complete && lines.length > 1) lines.pop();
  if (isIndicatorCsv(lines)) return 'csv';
  if (isPlainList(lines)) return 'plain';
  return null;
}
