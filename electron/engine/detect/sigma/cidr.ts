// The `cidr` modifier: is an address inside a network? IPv4 and IPv6, parsed without
// dependencies (and without throwing: an unparsable event value simply does not match).
// Rules test one address against many networks (every private range, say), and a case holds
// millions of addresses: IPv4 stays in plain numbers and the last address parsed is reused.

interface Ip {
  v6: boolean;
  /** IPv4 as an unsigned 32-bit number. */
  v4: number;
  /** IPv6 as a big integer. */
  n6: bigint;
}

/** "a.b.c.d" -> unsigned 32-bit number, or -1. */
function parseV4(s: string): number {
  let n = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      // No leading zeros: "010" is octal to some parsers and decimal to others.
      if (digits === 1 && part === 0) return -1;
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return -1;
    } else if (c === 46 && digits > 0 && dots < 3) {
      n = n * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else {
      return -1;
    }
  }
  if (dots !== 3 || digits === 0) return -1;
  return n * 256 + part;
}

function parseV6(s: string): bigint | null {
  // An embedded IPv4 tail (::ffff:192.0.2.1) becomes two 16-bit groups.
  let text = s;
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (v4) {
    const n = parseV4(v4[1]!);
    if (n < 0) return null;
    text = `${text.slice(0, v4.index)}${Math.floor(n / 65536).toString(16)}:${(n % 65536).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  let n = 0n;
  for (const g of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
    n = (n << 16n) | BigInt(parseInt(g, 16));
  }
  return n;
}

let lastText = '';
let lastIp: Ip | null = null;

function parseIp(text: string): Ip | null {
  if (text === lastText) return lastIp;
  // Not trimmed: the SQL prefilter (cidrLike) compares the value as it is.
  const s = text;
  let ip: Ip | null = null;
  if (s.includes(':')) {
    const n6 = parseV6(s.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
    ip = n6 === null ? null : { v6: true, v4: 0, n6 };
  } else {
    const v4 = parseV4(s);
    ip = v4 < 0 ? null : { v6: false, v4, n6: 0n };
  }
  lastText = text;
  lastIp = ip;
  return ip;
}

/** A membership test for "a.b.c.d/n" or "x::/n"; null when the network is not valid. */
export function cidrTest(network: string): ((address: string) => boolean) | null {
  const slash = network.indexOf('/');
  const base = parseIp(slash === -1 ? network : network.slice(0, slash));
  if (!base) return null;
  const bits = base.v6 ? 128 : 32;
  const prefixText = slash === -1 ? String(bits) : network.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > bits) return null;
  if (base.v6) {
    const shift = BigInt(128 - prefix);
    const want = base.n6 >> shift;
    return (address) => {
      const ip = parseIp(address);
      return ip !== null && ip.v6 && ip.n6 >> shift === want;
    };
  }
  // 2^(32 - prefix) as a divisor keeps the arithmetic in safe integers (no 32-bit sign issues).
  const size = 2 ** (32 - prefix);
  const want = Math.floor(base.v4 / size);
  return (address) => {
    const ip = parseIp(address);
    return ip !== null && !ip.v6 && Math.floor(ip.v4 / size) === want;
  };
}
