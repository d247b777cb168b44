// Endpoint notations in Cisco ASA/FTD message text (Cisco "ASA Series Syslog Messages"):
//   10.0.0.1   10.0.0.1/443   outside:10.0.0.1/443   outside:2001:db8::1/443
//   outside/10.0.0.1(443)      (106100 access-list messages)
// Token scanners, not regexes over the whole message, so a hostile line stays linear.
import { isIpLiteral } from '../net';
import { port } from './common';

export interface Endpoint {
  iface?: string;
  ip: string;
  /** The number after "/": a port for TCP/UDP, an ICMP id/sequence for ICMP. */
  num?: number;
}

/** Trailing punctuation ASA writes after an address ("to 23.121.1.57:", "... 10.0.0.1,"). */
function trimPunct(t: string): string {
  let end = t.length;
  while (end > 0) {
    const c = t.charCodeAt(end - 1);
    if (c === 44 || c === 46 || c === 59 || (c === 58 && !isIpLiteral(t.slice(0, end)))) end--;
    else break;
  }
  return t.slice(0, end);
}

/** One token as an endpoint, or null. */
function parseEndpoint(token: string): Endpoint | null {
  let t = trimPunct(token);
  if (t.length === 0 || t.length > 120) return null;
  // outside/10.0.0.1(443)
  const paren = t.indexOf('(');
  if (paren > 0 && t.endsWith(')')) {
    const slash = t.indexOf('/');
    const ip = t.slice(slash + 1, paren);
    const n = port(t.slice(paren + 1, -1));
    if (slash > 0 && slash < paren && isIpLiteral(ip)) return { iface: t.slice(0, slash), ip, num: n };
    return null;
  }
  let num: number | undefined;
  const slash = t.lastIndexOf('/');
  if (slash !== -1) {
    num = port(t.slice(slash + 1));
    if (num === undefined) return null;
    t = t.slice(0, slash);
  }
  if (isIpLiteral(t)) return { ip: t, num };
  const colon = t.indexOf(':');
  if (colon > 0 && isIpLiteral(t.slice(colon + 1))) return { iface: t.slice(0, colon), ip: t.slice(colon + 1), num };
  return null;
}

function words(s: string): string[] {
  return s.split(' ').filter((w) => w.length > 0);
}

/** The last endpoint-shaped word of a clause (tolerates stray words before the address). */
function lastEndpoint(clause: string): Endpoint | null {
  const w = words(clause);
  for (let i = w.length - 1; i >= 0; i--) {
    const e = parseEndpoint(w[i]!);
    if (e) return e;
  }
  return null;
}

/** The first endpoint-shaped word of a clause. */
function firstEndpoint(clause: string): Endpoint | null {
  for (const w of words(clause)) {
    const e = parseEndpoint(w);
    if (e) return e;
  }
  return null;
}

/** Text between `after` and the next `before` (or the end); null when `after` is absent. */
function clause(text: string, after: string, before: readonly string[], from = 0): { text: string; end: number } | null {
  const start = text.indexOf(after, from);
  if (start === -1) return null;
  const s = start + after.length;
  let end = text.length;
  for (const b of before) {
    const i = text.indexOf(b, s);
    if (i !== -1 && i < end) end = i;
  }
  return { text: text.slice(s, end), end };
}

export interface Pair {
  src?: Endpoint;
  dst?: Endpoint;
}

/** "... from A to B ..." (106001, 106006, 106015, 710003, 313004, IDS 400xxx). */
export function fromTo(text: string): Pair {
  const f = clause(text, ' from ', [' to ']);
  if (!f) return {};
  const t = clause(text, ' to ', [' on interface ', ' flags ', ' due to ', ' by '], f.end);
  return { src: lastEndpoint(f.text) ?? undefined, dst: t ? (firstEndpoint(t.text) ?? undefined) : undefined };
}

/** "... src A [(user)] dst B ..." (106010, 106014, 106023, 106002 with "dest"). */
export function srcDst(text: string): Pair {
  const s = clause(text, ' src ', [' dst ', ' dest ']);
  if (!s) return {};
  const key = text.indexOf(' dst ', s.end) !== -1 ? ' dst ' : ' dest ';
  const d = clause(text, key, [' (type', ' by ', ' on interface '], s.end);
  return { src: firstEndpoint(s.text) ?? undefined, dst: d ? (firstEndpoint(d.text) ?? undefined) : undefined };
}

/** "access-list NAME denied tcp outside/A(p) -> inside/B(q) hit-cnt ..." (106100). */
export function arrow(text: string): Pair {
  const i = text.indexOf(' -> ');
  if (i === -1) return {};
  return { src: lastEndpoint(text.slice(0, i)) ?? undefined, dst: firstEndpoint(text.slice(i + 4, i + 4 + 200)) ?? undefined };
}

/** "for A [(mapped)] to B [(mapped)]" of connection messages: the two sides as written. */
export function forTo(text: string): { forSide?: Endpoint; toSide?: Endpoint } {
  const f = clause(text, ' for ', [' to ']);
  if (!f) return {};
  const t = clause(text, ' to ', [' duration ', ' ('], f.end);
  return { forSide: firstEndpoint(f.text) ?? undefined, toSide: t ? (firstEndpoint(t.text) ?? undefined) : undefined };
}

/** "faddr A gaddr B laddr C" of ICMP connection messages (302020/302021). */
export function icmpAddrs(text: string): { faddr?: Endpoint; gaddr?: Endpoint; laddr?: Endpoint } {
  const get = (key: string): Endpoint | undefined => {
    const c = clause(text, ` ${key} `, [' gaddr ', ' laddr ', ' type ', ' (']);
    return c ? (firstEndpoint(c.text) ?? undefined) : undefined;
  };
  return { faddr: get('faddr'), gaddr: get('gaddr'), laddr: get('laddr') };
}
