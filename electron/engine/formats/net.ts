// Network values as log sources write them: IP literals, integer-encoded IPv4,
// and the host/port inside a URL or a CONNECT authority. Hand-written scanners,
// not regexes, because these run on every line of multi-GB proxy logs.

/** A 32-bit integer, signed or unsigned, read as an IPv4 address in network order. */
export function int32ToIpv4(n: number): string | undefined {
  if (!Number.isInteger(n) || n < -2147483648 || n > 4294967295) return undefined;
  const u = n >>> 0;
  return `${u >>> 24}.${(u >>> 16) & 255}.${(u >>> 8) & 255}.${u & 255}`;
}

export function isIpv4(s: string): boolean {
  let parts = 0;
  let digits = 0;
  let value = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i === s.length ? 46 /* '.' */ : s.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || value > 255) return false;
      parts++;
      digits = 0;
      value = 0;
    } else if (c >= 48 && c <= 57) {
      if (++digits > 3) return false;
      value = value * 10 + (c - 48);
    } else {
      return false;
    }
  }
  return parts === 4;
}

/** Loose IPv6 check (hex groups, colons, optional embedded IPv4 and %zone). */
export function isIpv6(s: string): boolean {
  const end = s.indexOf('%') === -1 ? s.length : s.indexOf('%');
  if (end < 2 || end > 45) return false;
  let colons = 0;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 58) colons++;
    else if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70) || c === 46)) return false;
  }
  return colons >= 2;
}

export function isIpLiteral(s: string): boolean {
  return isIpv4(s) || isIpv6(s);
}

export interface HostPort {
  host: string;
  port?: number;
}

function parsePort(s: string): number | undefined {
  if (s.length === 0 || s.length > 5) return undefined;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    v = v * 10 + (c - 48);
  }
  return v >= 1 && v <= 65535 ? v : undefined;
}

/**
 * Host and explicit port of "scheme://[user@]host[:port]/..." or of a bare
 * authority "host:443" (HTTP CONNECT). The host is returned as written (IPv6
 * without brackets); no port is invented from the scheme. Null when there is
 * no host.
 */
export function urlHostPort(url: string): HostPort | null {
  const schemeEnd = url.indexOf('://');
  let start = 0;
  if (schemeEnd > 0 && schemeEnd < 16) start = schemeEnd + 3;
  let end = url.length;
  for (let i = start; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */) {
      end = i;
      break;
    }
  }
  let authority = url.slice(start, end);
  const at = authority.lastIndexOf('@');
  if (at !== -1) authority = authority.slice(at + 1);
  if (authority.length === 0) return null;
  if (authority.charCodeAt(0) === 91 /* [ */) {
    const close = authority.indexOf(']');
    if (close <= 1) return null;
    const host = authority.slice(1, close);
    const rest = authority.slice(close + 1);
    const port = rest.startsWith(':') ? parsePort(rest.slice(1)) : undefined;
    return port === undefined ? { host } : { host, port };
  }
  const colon = authority.lastIndexOf(':');
  // More than one colon without brackets: an IPv6 literal, no port.
  if (colon !== -1 && authority.indexOf(':') === colon) {
    const host = authority.slice(0, colon);
    if (host.length === 0) return null;
    const port = parsePort(authority.slice(colon + 1));
    return port === undefined ? { host } : { host, port };
  }
  return { host: authority };
}
