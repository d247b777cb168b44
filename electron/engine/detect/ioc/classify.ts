// One indicator value as analysts write them: refanged ("hxxp", "[.]", "(.)", "[:]"), then
// recognized as an IP, CIDR, URL, domain or hash. Shared by every indicator file format.
import { isIpv4, isIpv6 } from '../../formats/net';
import type { IndicatorType } from './types';

/** Undoes the usual defanging so that the value can be matched. */
export function refang(value: string): string {
  return value
    .trim()
    .replace(/^h(?:xx|\[xx\]|\*\*)p(s?)(?=(?:\[?:\]?|\(:\))\/\/)/i, 'http$1')
    .replace(/^fxp(?=(?:\[?:\]?)\/\/)/i, 'ftp')
    .replace(/\[\s*:\s*\]|\(\s*:\s*\)/g, ':')
    .replace(/\[\s*\/\s*\]/g, '/')
    .replace(/\[\s*(?:\.|dot)\s*\]|\(\s*(?:\.|dot)\s*\)|\{\s*(?:\.|dot)\s*\}|\s\[dot\]\s/gi, '.')
    .replace(/\[\s*@\s*\]|\[at\]/gi, '@');
}

export interface Classified {
  type: IndicatorType;
  value: string;
  port: number | null;
}

const HEX = /^[0-9a-f]+$/i;
const HASH_BY_LENGTH: Record<number, IndicatorType> = { 32: 'md5', 40: 'sha1', 64: 'sha256' };
const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/i;
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{2,59})$/i;
/** Endings that make "name.ext" a file name rather than a domain (no such TLDs exist). */
const FILE_EXTENSIONS = new Set(
  'exe dll doc docx docm dot dotm xls xlsx xlsm xlsb rtf pdf js jse vbs vbe wsf hta bat cmd scr tmp txt log lnk jar bin dat ini sys msi iso img'.split(' '),
);

export function hashType(value: string): IndicatorType | null {
  return HEX.test(value) ? (HASH_BY_LENGTH[value.length] ?? null) : null;
}

/** A DNS name with at least two labels and a plausible TLD (Unicode names are taken as given). */
function isDomainName(value: string): boolean {
  if (value.length > 253 || !value.includes('.')) return false;
  const labels = value.replace(/\.$/, '').split('.');
  if (labels.length < 2) return false;
  const tld = labels[labels.length - 1]!;
  if (FILE_EXTENSIONS.has(tld.toLowerCase())) return false;
  if (labels.every((l) => LABEL.test(l))) return TLD.test(tld);
  // Internationalized names as typed (日本語.jp): any label without separators.
  return labels.every((l) => l.length > 0 && l.length <= 63 && !/[\s/\\:@?#"'<>,;]/.test(l)) && (TLD.test(tld) || /[^\p{ASCII}]/u.test(tld));
}

/** Lower-cases an IPv6 literal and drops the brackets; IPv4 unchanged. */
export function normalizeIp(ip: string): string {
  const s = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  return s.toLowerCase();
}

/**
 * The normalized form used on both sides of a URL match: scheme and host lower-cased, the
 * default port dropped, the fragment dropped, a trailing "/" dropped. Path and query keep their
 * case (servers treat them as case-sensitive).
 */
export function normalizeUrl(url: string): string | null {
  const m = /^([a-z][a-z0-9+.-]{1,15}):\/\/([^/?#]*)([^#]*)/i.exec(url.trim());
  if (!m) return null;
  const scheme = m[1]!.toLowerCase();
  let authority = m[2]!.toLowerCase();
  const at = authority.lastIndexOf('@');
  if (at !== -1) authority = authority.slice(at + 1);
  if (authority === '') return null;
  if ((scheme === 'http' && authority.endsWith(':80')) || (scheme === 'https' && authority.endsWith(':443'))) {
    authority = authority.slice(0, authority.lastIndexOf(':'));
  }
  let rest = m[3] ?? '';
  if (rest.endsWith('/')) rest = rest.slice(0, -1);
  return `${scheme}://${authority}${rest}`;
}

/** The host of a normalized URL (no port, no brackets). */
export function urlHost(normalized: string): string {
  const start = normalized.indexOf('://') + 3;
  let end = normalized.length;
  for (let i = start; i < normalized.length; i++) {
    const c = normalized[i];
    if (c === '/' || c === '?') {
      end = i;
      break;
    }
  }
  const authority = normalized.slice(start, end);
  if (authority.startsWith('[')) return authority.slice(1, authority.indexOf(']'));
  const colon = authority.lastIndexOf(':');
  return colon !== -1 && authority.indexOf(':') === colon ? authority.slice(0, colon) : authority;
}

function port(s: string): number | null {
  const n = Number(s);
  return /^\d{1,5}$/.test(s) && n >= 1 && n <= 65535 ? n : null;
}

/** What a (possibly defanged) value is, or null when it is none of the indicator types. */
export function classify(input: string): Classified | null {
  const value = refang(input).replace(/^["']|["']$/g, '');
  if (value === '') return null;
  const hash = hashType(value);
  if (hash) return { type: hash, value: value.toLowerCase(), port: null };
  if (/^[a-z][a-z0-9+.-]{1,15}:\/\//i.test(value)) {
    const url = normalizeUrl(value);
    return url ? { type: 'url', value: url, port: null } : null;
  }
  const slash = value.indexOf('/');
  if (slash > 0) {
    const head = value.slice(0, slash);
    const tail = value.slice(slash + 1);
    if ((isIpv4(head) && /^\d{1,2}$/.test(tail) && Number(tail) <= 32) || (isIpv6(head) && /^\d{1,3}$/.test(tail) && Number(tail) <= 128)) {
      return { type: 'cidr', value: `${normalizeIp(head)}/${Number(tail)}`, port: null };
    }
    // "evil.example/path/x.dll": a URL written without its scheme.
    const hostPart = head.replace(/:\d{1,5}$/, '');
    if (isDomainName(hostPart) || isIpv4(hostPart)) {
      const url = normalizeUrl(`http://${value}`);
      return url ? { type: 'url', value: url, port: null } : null;
    }
    return null;
  }
  if (isIpv4(value) || isIpv6(normalizeIp(value))) return { type: 'ip', value: normalizeIp(value), port: null };
  const ipPort = /^(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\]):(\d{1,5})$/i.exec(value);
  if (ipPort && (isIpv4(ipPort[1]!) || isIpv6(normalizeIp(ipPort[1]!)))) {
    return { type: 'ip', value: normalizeIp(ipPort[1]!), port: port(ipPort[2]!) };
  }
  const domain = value.replace(/\.$/, '').toLowerCase();
  if (isDomainName(domain) && !/^\d+(\.\d+)+$/.test(domain)) return { type: 'domain', value: domain, port: null };
  return null;
}
