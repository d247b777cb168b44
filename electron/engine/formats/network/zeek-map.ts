// Zeek records (from the TSV or the JSON writer) -> normalized events. Both writers produce
// the same field names (https://docs.zeek.org/en/master/logs/): connection fields are
// "id.orig_h" etc.; JSON pipelines that cannot store dots in keys (Elastic, ROCK NSM) write
// "id_orig_h". Lookups accept either spelling.
//
// Per log (docs.zeek.org "Logs" reference):
//   conn  -> network: orig_bytes/resp_bytes (payload bytes sent by originator/responder),
//            duration (interval, seconds), conn_state
//   http  -> web: method, host, uri, status_code, username, request/response_body_len
//   dns   -> dns: query, qtype_name, rcode_name, answers
//   ssl   -> network: server_name (SNI), established
//   files -> file: filename, md5/sha1/sha256, tx_hosts/rx_hosts (older) or id.* (Zeek 5+)
// Any other Zeek log keeps its fields in extra (category network when it names a connection).
import type { EventCategory } from '../../../common/schema';
import type { ParsedEvent } from '../types';
import { setField } from '../fields';
import { isIpLiteral, urlHostPort } from '../net';
import { MAX_EXTRA_KEYS, port } from './common';

export type ZeekRecord = Record<string, unknown>;

const CATEGORY: Record<string, EventCategory> = {
  conn: 'network',
  http: 'web',
  dns: 'dns',
  ssl: 'network',
  files: 'file',
};

/** Log-specific fields that say which log a record comes from, when the writer did not. */
function inferPath(has: (name: string) => boolean): string | undefined {
  if (has('conn_state') || (has('history') && has('proto') && has('orig_bytes'))) return 'conn';
  if (has('method') || has('status_code') || (has('uri') && has('trans_depth'))) return 'http';
  if (has('qtype_name') || has('rcode_name') || (has('query') && has('trans_id'))) return 'dns';
  if (has('server_name') || has('cipher') || has('ssl_history')) return 'ssl';
  if (has('fuid') && (has('mime_type') || has('seen_bytes') || has('tx_hosts') || has('analyzers'))) return 'files';
  return undefined;
}

/** "conn" from file names such as conn.log, conn.09:00:00-10:00:00.log.gz, NASHUA_conn.log. */
function pathFromFileName(fileName: string): string | undefined {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).toLowerCase();
  const m = /(?:^|[_-])(conn|http|dns|ssl|files)(?:\.|$)/.exec(base);
  return m ? m[1] : undefined;
}

function num(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v !== '' && v.length < 32) {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Builds the event for one record. `ts`/`timeRaw` are resolved by the caller (the writers
 * differ in how ts is written); `path` is the log name when the file states it.
 */
export function zeekEvent(
  rec: ZeekRecord,
  ts: number,
  timeRaw: string,
  path: string | undefined,
  fileName: string,
  extraFirst?: Record<string, unknown>,
): ParsedEvent {
  const used = new Set<string>(['ts']);
  const key = (name: string): string | undefined => {
    if (Object.prototype.hasOwnProperty.call(rec, name)) return name;
    const alt = name.replaceAll('.', '_');
    return alt !== name && Object.prototype.hasOwnProperty.call(rec, alt) ? alt : undefined;
  };
  const has = (name: string): boolean => key(name) !== undefined;
  const get = (name: string): unknown => {
    const k = key(name);
    return k === undefined ? undefined : rec[k];
  };
  const take = (name: string): unknown => {
    const k = key(name);
    if (k === undefined) return undefined;
    used.add(k);
    return rec[k];
  };

  const stream = text(get('_path')) ?? text(get('@stream'));
  const log = (path ?? stream ?? inferPath(has) ?? pathFromFileName(fileName))?.toLowerCase();
  // hasOwn: a hostile _path such as "constructor" must not reach Object.prototype.
  const known = log !== undefined && Object.hasOwn(CATEGORY, log) ? CATEGORY[log] : undefined;
  const category: EventCategory = known ?? (has('id.orig_h') ? 'network' : 'other');
  const e: ParsedEvent = { ts, timeRaw, timeZone: 'UTC', category };

  const ip = (name: string): string | undefined => {
    const v = text(get(name));
    if (v === undefined || !isIpLiteral(v)) return undefined;
    take(name);
    return v;
  };
  const srcIp = ip('id.orig_h');
  if (srcIp !== undefined) e.src_ip = srcIp;
  const srcPort = port(get('id.orig_p'));
  if (srcPort !== undefined) {
    e.src_port = srcPort;
    take('id.orig_p');
  }
  const dstIp = ip('id.resp_h');
  if (dstIp !== undefined) e.dst_ip = dstIp;
  const dstPort = port(get('id.resp_p'));
  if (dstPort !== undefined) {
    e.dst_port = dstPort;
    take('id.resp_p');
  }
  const count = (name: string): number | undefined => {
    const n = num(get(name));
    if (n === undefined || !Number.isSafeInteger(n) || n < 0) return undefined;
    take(name);
    return n;
  };

  switch (log) {
    case 'conn': {
      e.action = 'connection';
      const out = count('orig_bytes');
      if (out !== undefined) e.bytes_out = out;
      const inb = count('resp_bytes');
      if (inb !== undefined) e.bytes_in = inb;
      const d = num(get('duration'));
      if (d !== undefined && d >= 0) {
        // Zeek writes microseconds; keep them as fractional milliseconds.
        e.duration_ms = Math.round(d * 1e6) / 1e3;
        take('duration');
      }
      break;
    }
    case 'http': {
      const method = text(take('method'));
      if (method !== undefined) e.action = method;
      const host = text(get('host'));
      const uri = text(take('uri'));
      if (host !== undefined) {
        take('host');
        // The Host header may carry a port ("a.example:8080"); domain is the name alone.
        const name = urlHostPort(host)?.host;
        if (name !== undefined && !isIpLiteral(name)) e.domain = name;
      }
      if (uri !== undefined) {
        // http.log is cleartext HTTP only, so the scheme is http; a proxied request's uri is already absolute.
        e.url = uri.includes('://') || host === undefined ? uri : `http://${host}${uri}`;
      }
      const status = count('status_code');
      if (status !== undefined) e.http_status = status;
      const user = text(take('username'));
      if (user !== undefined) e.user = user;
      const out = count('request_body_len');
      if (out !== undefined) e.bytes_out = out;
      const inb = count('response_body_len');
      if (inb !== undefined) e.bytes_in = inb;
      break;
    }
    case 'dns': {
      e.action = 'query';
      const q = text(take('query'));
      if (q !== undefined) e.domain = q;
      break;
    }
    case 'ssl': {
      const sni = text(take('server_name'));
      if (sni !== undefined) e.domain = sni;
      const est = get('established');
      if (typeof est === 'boolean') e.action = est ? 'established' : 'not_established';
      break;
    }
    case 'files': {
      e.action = 'file_seen';
      const name = text(take('filename'));
      if (name !== undefined) e.file_path = name;
      for (const h of ['sha256', 'sha1', 'md5']) {
        const v = text(get(h));
        if (v !== undefined) {
          e.file_hash = v;
          take(h);
          break;
        }
      }
      // Before Zeek 5 files.log named the hosts only as sets: the sender and the receiver.
      if (e.src_ip === undefined) {
        const tx = text(first(get('tx_hosts')));
        if (tx !== undefined && isIpLiteral(tx)) e.src_ip = tx;
      }
      if (e.dst_ip === undefined) {
        const rx = text(first(get('rx_hosts')));
        if (rx !== undefined && isIpLiteral(rx)) e.dst_ip = rx;
      }
      break;
    }
    default:
      break;
  }

  const extra: Record<string, unknown> = {};
  let kept = 0;
  let dropped = 0;
  if (extraFirst) {
    for (const k of Object.keys(extraFirst)) {
      setField(extra, k, extraFirst[k]);
      kept++;
    }
  }
  for (const k of Object.keys(rec)) {
    if (used.has(k)) continue;
    if (kept >= MAX_EXTRA_KEYS) {
      dropped++;
      continue;
    }
    setField(extra, k, rec[k]);
    kept++;
  }
  if (dropped > 0) extra.dropped_keys = dropped;
  e.extra = extra;
  return e;
}
