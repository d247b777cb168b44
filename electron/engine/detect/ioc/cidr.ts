// CIDR membership for IPv4 (32-bit integers, one Set per prefix length, so a lookup costs one
// probe per distinct length in the feed) and IPv6 (BigInt, rare in feeds).
import { isIpv4, isIpv6 } from '../../formats/net';

function ipv4ToInt(ip: string): number {
  const p = ip.split('.');
  return ((Number(p[0]) << 24) | (Number(p[1]) << 16) | (Number(p[2]) << 8) | Number(p[3])) >>> 0;
}

function ipv6ToBigInt(ip: string): bigint | null {
  let s = ip.toLowerCase();
  const zone = s.indexOf('%');
  if (zone !== -1) s = s.slice(0, zone);
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes two hex groups.
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (v4) {
    if (!isIpv4(v4[1]!)) return null;
    const n = ipv4ToInt(v4[1]!);
    s = `${s.slice(0, -v4[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const fill = 8 - head.length - tail.length;
  if (fill < 0 || (halves.length === 1 && fill !== 0)) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? fill : 0).fill('0'), ...tail];
  let v = 0n;
  for (const g of groups) {
    if (!/^[0-9a-f]{1,4}$/.test(g)) return null;
    v = (v << 16n) | BigInt(parseInt(g, 16));
  }
  return v;
}

export class CidrSet {
  private v4 = new Map<number, Map<number, string>>();
  private v6: { net: bigint; bits: number; cidr: string }[] = [];

  get size(): number {
    let n = this.v6.length;
    for (const m of this.v4.values()) n += m.size;
    return n;
  }

  /** Adds "a.b.c.d/n" or "x:y::/n"; false when it is not a CIDR. */
  add(cidr: string): boolean {
    const [ip, len] = cidr.split('/');
    const bits = Number(len);
    if (!ip || !Number.isInteger(bits)) return false;
    if (isIpv4(ip) && bits >= 0 && bits <= 32) {
      const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
      let byNet = this.v4.get(bits);
      if (!byNet) this.v4.set(bits, (byNet = new Map()));
      byNet.set((ipv4ToInt(ip) & mask) >>> 0, cidr);
      return true;
    }
    if (isIpv6(ip) && bits >= 0 && bits <= 128) {
      const v = ipv6ToBigInt(ip);
      if (v === null) return false;
      const shift = BigInt(128 - bits);
      this.v6.push({ net: (v >> shift) << shift, bits, cidr });
      return true;
    }
    return false;
  }

  /** The CIDR containing ip (the most specific one), or null. */
  lookup(ip: string): string | null {
    if (isIpv4(ip)) {
      const n = ipv4ToInt(ip);
      let best: string | null = null;
      let bestBits = -1;
      for (const [bits, byNet] of this.v4) {
        if (bits <= bestBits) continue;
        const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
        const hit = byNet.get((n & mask) >>> 0);
        if (hit !== undefined) {
          best = hit;
          bestBits = bits;
        }
      }
      return best;
    }
    if (this.v6.length === 0 || !isIpv6(ip)) return null;
    const v = ipv6ToBigInt(ip);
    if (v === null) return null;
    let best: { bits: number; cidr: string } | null = null;
    for (const e of this.v6) {
      const shift = BigInt(128 - e.bits);
      if ((v >> shift) << shift === e.net && (!best || e.bits > best.bits)) best = e;
    }
    return best?.cidr ?? null;
  }
}

/** RFC 1918, loopback, link-local, CGNAT and IPv6 ULA/link-local: addresses that never leave a site. */
export function isInternalIp(ip: string): boolean {
  if (isIpv4(ip)) {
    const n = ipv4ToInt(ip);
    const a = n >>> 24;
    const b = (n >>> 16) & 255;
    return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127) || a === 0;
  }
  const s = ip.toLowerCase();
  return s === '::1' || s.startsWith('fc') || s.startsWith('fd') || s.startsWith('fe80');
}
