// The compiled form of an ImportScope, asked once per parsed event (in the ingest worker).
import type { ParsedEvent } from '../../formats/types';
import { extraTextOf } from '../../formats/extra-members';
import type { ImportScope } from './types';

/** Text fields an indicator is looked for in (with the event's extra fields). */
const TEXT_FIELDS = [
  'host', 'user', 'process_name', 'process_path', 'process_command_line', 'process_hash',
  'parent_process_name', 'parent_process_command_line', 'src_ip', 'dst_ip', 'url', 'domain',
  'file_path', 'file_hash', 'registry_path', 'message',
] as const;

function ipv4(s: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

/** A time bound: an ISO-8601 instant; without a zone it is UTC. Throws on anything else. */
export function parseBound(text: string, what: string): number {
  const t = text.trim();
  const zoned = /(?:Z|[+-]\d\d:?\d\d)$/i.test(t) || /^\d{4}-\d\d-\d\d$/.test(t) ? t : `${t}Z`;
  const ms = /^\d{4}-\d\d-\d\d/.test(t) ? Date.parse(zoned) : NaN;
  if (!Number.isFinite(ms)) throw new Error(`${what} "${text}" is not an ISO-8601 time (2026-10-05 or 2026-10-05T09:00:00+09:00)`);
  return ms;
}

export class ScopeFilter {
  private readonly since: number;
  private readonly until: number;
  private readonly hosts: Set<string> | null;
  private readonly ips: Set<string>;
  private readonly cidrs: { net: number; mask: number }[] = [];
  private readonly byAddress: boolean;
  private readonly indicators: string[] | null;

  constructor(scope: ImportScope) {
    this.since = scope.since === undefined ? -Infinity : parseBound(scope.since, '--since');
    this.until = scope.until === undefined ? Infinity : parseBound(scope.until, '--until');
    this.hosts = scope.hosts?.length ? new Set(scope.hosts.map((h) => h.toLowerCase())) : null;
    this.ips = new Set();
    for (const ip of scope.ips ?? []) {
      const slash = ip.indexOf('/');
      const net = slash === -1 ? null : ipv4(ip.slice(0, slash));
      const bits = slash === -1 ? NaN : Number(ip.slice(slash + 1));
      if (slash === -1) this.ips.add(ip.toLowerCase());
      else if (net !== null && Number.isInteger(bits) && bits >= 0 && bits <= 32) {
        const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
        this.cidrs.push({ net: (net & mask) >>> 0, mask });
      } else throw new Error(`--ips: "${ip}" is neither an address nor an IPv4 CIDR block`);
    }
    this.byAddress = this.hosts !== null || this.ips.size > 0 || this.cidrs.length > 0;
    this.indicators = scope.indicators ? scope.indicators.values.map((v) => v.toLowerCase()) : null;
  }

  keeps(e: ParsedEvent): boolean {
    if (e.ts < this.since || e.ts > this.until) return false;
    if (this.byAddress && !this.namesHostOrAddress(e)) return false;
    if (this.indicators !== null && !this.mentionsIndicator(e)) return false;
    return true;
  }

  private address(v: unknown): boolean {
    if (typeof v !== 'string' || v === '') return false;
    if (this.ips.has(v.toLowerCase())) return true;
    if (this.cidrs.length === 0) return false;
    const n = ipv4(v);
    return n !== null && this.cidrs.some((c) => ((n & c.mask) >>> 0) === c.net);
  }

  private namesHostOrAddress(e: ParsedEvent): boolean {
    if (this.hosts !== null && typeof e.host === 'string' && this.hosts.has(e.host.toLowerCase())) return true;
    return this.address(e.src_ip) || this.address(e.dst_ip);
  }

  private mentionsIndicator(e: ParsedEvent): boolean {
    let text = '';
    for (const f of TEXT_FIELDS) {
      const v = e[f];
      if (v !== undefined && v !== null) text += `\n${String(v)}`;
    }
    // extra's values as written, not its JSON text (where C:\\ would read C:\\\\).
    const json = e.extra === undefined ? extraTextOf(e) : undefined;
    const extra = e.extra ?? (json !== undefined ? (JSON.parse(json) as Record<string, unknown>) : undefined);
    if (extra) for (const v of Object.values(extra)) text += `\n${typeof v === 'string' ? v : JSON.stringify(v)}`;
    text = text.toLowerCase();
    return this.indicators!.some((i) => text.includes(i));
  }
}
