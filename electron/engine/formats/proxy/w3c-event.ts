// Maps a W3C extended / ELFF data line onto the normalized fields, by field name, for
// IIS (a web server: s-ip/s-port are the destination) and Blue Coat ProxySG (a proxy:
// s-ip is the appliance itself, the destination is cs-host / r-ip). Field names are the
// W3C draft's prefixes (c = client, s = server, r = remote, cs = client-to-server,
// sc = server-to-client) as IIS and ProxySG write them. Fields not mapped are kept in
// extra under their W3C name, so nothing a #Fields line lists is lost.
import type { ParsedEvent } from '../types';
import { isIpLiteral } from '../net';
import { setField } from '../fields';
import { w3cUtc } from './w3c';
import { isDigits } from './quoted';

export type W3cRole = 'server' | 'proxy';

/** Column indices of the mapped fields for one #Fields line (-1 = absent). */
export interface W3cPlan {
  names: readonly string[];
  date: number;
  time: number;
  cIp: number;
  cPort: number;
  user: number;
  userDn: number;
  method: number;
  status: number;
  scBytes: number;
  csBytes: number;
  timeTaken: number;
  host: number;
  agent: number;
  referer: number;
  uri: number;
  stem: number;
  query: number;
  scheme: number;
  uriPort: number;
  path: number;
  dstIp: number;
  dstPort: number;
  /** Indices whose values go to extra (everything not mapped above). */
  rest: number[];
}

export function planFor(names: readonly string[], role: W3cRole): W3cPlan {
  const lower = names.map((n) => n.toLowerCase());
  const used = new Set<number>();
  const at = (...candidates: string[]): number => {
    for (const c of candidates) {
      const i = lower.indexOf(c);
      if (i !== -1) {
        used.add(i);
        return i;
      }
    }
    return -1;
  };
  const plan: Omit<W3cPlan, 'rest'> = {
    names,
    date: at('date'),
    time: at('time'),
    cIp: at('c-ip'),
    cPort: at('c-port'),
    user: at('cs-username'),
    userDn: at('cs-userdn'),
    method: at('cs-method'),
    status: at('sc-status'),
    scBytes: at('sc-bytes'),
    csBytes: at('cs-bytes'),
    timeTaken: at('time-taken'),
    host: at('cs-host', 'cs(host)'),
    agent: at('cs(user-agent)'),
    referer: at('cs(referer)'),
    uri: at('cs-uri'),
    stem: at('cs-uri-stem'),
    query: at('cs-uri-query'),
    scheme: at('cs-uri-scheme'),
    uriPort: at('cs-uri-port'),
    path: at('cs-uri-path'),
    // A web server's own address is the destination; a proxy's is not (the origin is r-ip).
    dstIp: role === 'server' ? at('s-ip') : at('r-ip'),
    dstPort: role === 'server' ? at('s-port') : at('r-port'),
  };
  const rest: number[] = [];
  for (let i = 0; i < names.length; i++) if (!used.has(i)) rest.push(i);
  return { ...plan, rest };
}

function value(values: readonly string[], i: number): string | undefined {
  if (i === -1) return undefined;
  const v = values[i];
  return v === undefined || v === '-' || v === '' ? undefined : v;
}

function port(v: string | undefined): number | undefined {
  if (v === undefined || !isDigits(v, 1, 5)) return undefined;
  const n = Number(v);
  return n >= 1 && n <= 65535 ? n : undefined;
}

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443 };

/** The request URL from whichever URI fields the line has. */
function buildUrl(p: W3cPlan, v: readonly string[], method: string | undefined): string | undefined {
  const full = value(v, p.uri);
  if (full !== undefined) return full;
  let query = value(v, p.query);
  // IIS writes the query without '?', ProxySG with it.
  if (query !== undefined && !query.startsWith('?')) query = `?${query}`;
  const stem = value(v, p.stem) ?? value(v, p.path);
  const host = value(v, p.host);
  if (host === undefined) return stem === undefined ? undefined : stem + (query ?? '');
  const scheme = value(v, p.scheme);
  const portText = value(v, p.uriPort);
  // A tunnel (CONNECT, ProxySG scheme "tcp"/"ssl") is named by its authority, as Squid logs it.
  if (method === 'CONNECT') return portText === undefined ? host : `${host}:${portText}`;
  const showPort = portText !== undefined && (scheme === undefined || DEFAULT_PORTS[scheme.toLowerCase()] !== Number(portText));
  const authority = showPort ? `${host}:${portText}` : host;
  return `${scheme === undefined ? '' : `${scheme}://`}${authority}${stem ?? ''}${query ?? ''}`;
}

/**
 * One data line (already split) -> event, or the reason it is not a record. `fallbackDate`
 * is the #Date directive's date for files whose #Fields has time but no date (allowed by
 * the W3C draft).
 */
export function w3cEvent(p: W3cPlan, v: readonly string[], count: number, fallbackDate: string | undefined): ParsedEvent | string {
  if (count < p.names.length) return `expected ${p.names.length} fields (per #Fields), found ${count}`;
  const date = p.date === -1 ? fallbackDate : v[p.date];
  const time = p.time === -1 ? undefined : v[p.time];
  if (date === undefined || time === undefined) return 'no date and time (the #Fields line lists no "time", or no "date" and no #Date)';
  const ts = w3cUtc(date, time);
  if (Number.isNaN(ts)) return `bad date/time "${date.slice(0, 20)} ${time.slice(0, 20)}" (expected YYYY-MM-DD HH:MM:SS)`;
  const e: ParsedEvent = { ts, timeRaw: `${date} ${time}`, timeZone: 'UTC', category: 'web' };
  const method = value(v, p.method);
  if (method !== undefined) e.action = method;
  const cIp = value(v, p.cIp);
  if (cIp !== undefined) e.src_ip = cIp;
  const cPort = port(value(v, p.cPort));
  if (cPort !== undefined) e.src_port = cPort;
  const user = value(v, p.user) ?? value(v, p.userDn);
  if (user !== undefined) e.user = user;
  const url = buildUrl(p, v, method);
  if (url !== undefined) e.url = url;
  const host = value(v, p.host);
  if (host !== undefined) {
    if (isIpLiteral(host)) e.dst_ip = host;
    else e.domain = host;
  }
  const dstIp = value(v, p.dstIp);
  if (dstIp !== undefined) e.dst_ip = dstIp;
  const dstPort = port(value(v, p.dstPort)) ?? port(value(v, p.uriPort));
  if (dstPort !== undefined) e.dst_port = dstPort;
  const status = value(v, p.status);
  // Servers and proxies write 0 when no response was sent: there is no HTTP status then.
  if (status !== undefined && isDigits(status, 3, 3) && status !== '000') e.http_status = Number(status);
  const scBytes = value(v, p.scBytes);
  if (scBytes !== undefined && isDigits(scBytes)) e.bytes_in = Number(scBytes);
  const csBytes = value(v, p.csBytes);
  if (csBytes !== undefined && isDigits(csBytes)) e.bytes_out = Number(csBytes);
  const taken = value(v, p.timeTaken);
  if (taken !== undefined && isDigits(taken)) e.duration_ms = Number(taken);

  const extra: Record<string, unknown> = {};
  const agent = value(v, p.agent);
  if (agent !== undefined) extra.user_agent = agent;
  const referer = value(v, p.referer);
  if (referer !== undefined) extra.referrer = referer;
  // A tunnel's URL is its authority; the scheme a proxy logged for it (tcp, ssl) still tells
  // what kind of tunnel it was.
  const scheme = value(v, p.scheme);
  if (method === 'CONNECT' && scheme !== undefined) extra['cs-uri-scheme'] = scheme;
  if (p.userDn !== -1 && p.user !== -1 && value(v, p.userDn) !== undefined) extra['cs-userdn'] = v[p.userDn];
  for (const i of p.rest) {
    const x = value(v, i);
    // setField: a hostile #Fields line may name a field "__proto__".
    if (x !== undefined) setField(extra, p.names[i]!, x);
  }
  for (let i = p.names.length; i < count; i++) extra[`field_${i + 1}`] = v[i];
  if (Object.keys(extra).length > 0) e.extra = extra;
  return e;
}
