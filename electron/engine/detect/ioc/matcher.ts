// Matching indicators against events: IPs (exact and CIDR) on src_ip/dst_ip and on IP-literal
// URL hosts and domains; domains on the domain field and URL hosts, subdomains included
// ("evil.example" matches "cdn.evil.example"); URLs exactly or as a prefix ending at a path or
// query boundary; hashes on process_hash and file_hash. Lookups are cached per distinct value
// because one scan sees the same few addresses and domains hundreds of thousands of times.
import { isIpv4, isIpv6 } from '../../formats/net';
import { normalizeIp, normalizeUrl, urlHost } from './classify';
import { CidrSet } from './cidr';
import type { Indicator, IndicatorFile } from './types';

export type MatchField = 'src_ip' | 'dst_ip' | 'domain' | 'url' | 'process_hash' | 'file_hash';

export interface IocMatch {
  indicator: Indicator;
  field: MatchField;
}

export interface MatchableRow {
  src_ip: string | null;
  dst_ip: string | null;
  domain: string | null;
  url: string | null;
  process_hash: string | null;
  file_hash: string | null;
}

const CACHE_LIMIT = 500_000;

function cached<V>(cache: Map<string, V>, key: string, compute: () => V): V {
  const hit = cache.get(key);
  if (hit !== undefined || cache.has(key)) return hit as V;
  const v = compute();
  if (cache.size < CACHE_LIMIT) cache.set(key, v);
  return v;
}

export class IocMatcher {
  private ips = new Map<string, Indicator>();
  private cidrs = new CidrSet();
  private cidrIndicators = new Map<string, Indicator>();
  private domains = new Map<string, Indicator>();
  private urls = new Map<string, Indicator>();
  private hashes = new Map<string, Indicator>();
  private ipCache = new Map<string, Indicator | null>();
  private domainCache = new Map<string, Indicator | null>();
  private urlCache = new Map<string, Indicator | null>();
  readonly count: number;

  constructor(files: readonly IndicatorFile[]) {
    let n = 0;
    for (const f of files) {
      for (const ind of f.indicators) {
        const target =
          ind.type === 'ip' ? this.ips : ind.type === 'domain' ? this.domains : ind.type === 'url' ? this.urls : ind.type === 'cidr' ? this.cidrIndicators : this.hashes;
        if (target.has(ind.value)) continue;
        target.set(ind.value, ind);
        if (ind.type === 'cidr') this.cidrs.add(ind.value);
        n++;
      }
    }
    this.count = n;
  }

  get empty(): boolean {
    return this.count === 0;
  }

  matchIp(raw: string): Indicator | null {
    return cached(this.ipCache, raw, () => {
      const ip = normalizeIp(raw.trim());
      const exact = this.ips.get(ip);
      if (exact) return exact;
      if (this.cidrIndicators.size === 0) return null;
      const cidr = this.cidrs.lookup(ip);
      return cidr ? (this.cidrIndicators.get(cidr) ?? null) : null;
    });
  }

  matchDomain(raw: string): Indicator | null {
    return cached(this.domainCache, raw, () => {
      let d = raw.trim().toLowerCase().replace(/\.$/, '');
      if (isIpv4(d) || isIpv6(d)) return this.ips.size || this.cidrIndicators.size ? this.matchIp(d) : null;
      if (this.domains.size === 0) return null;
      for (;;) {
        const hit = this.domains.get(d);
        if (hit) return hit;
        const dot = d.indexOf('.');
        if (dot === -1 || d.indexOf('.', dot + 1) === -1) return null;
        d = d.slice(dot + 1);
      }
    });
  }

  matchUrl(raw: string): Indicator | null {
    if (this.urls.size === 0) return null;
    return cached(this.urlCache, raw, () => {
      const url = normalizeUrl(raw);
      if (!url) return null;
      const authorityEnd = url.indexOf('/', url.indexOf('://') + 3);
      let candidate = url;
      for (;;) {
        const hit = this.urls.get(candidate);
        if (hit) return hit;
        let cut = -1;
        for (let i = candidate.length - 1; i > authorityEnd && authorityEnd !== -1; i--) {
          const c = candidate[i];
          if (c === '/' || c === '?') {
            cut = i;
            break;
          }
        }
        if (cut === -1) return null;
        candidate = candidate.slice(0, cut);
      }
    });
  }

  /** Every indicator the row matches, one per indicator (the first field that matched it). */
  match(row: MatchableRow): IocMatch[] {
    const out: IocMatch[] = [];
    const seen = new Set<Indicator>();
    const push = (indicator: Indicator | null, field: MatchField) => {
      if (indicator && !seen.has(indicator)) {
        seen.add(indicator);
        out.push({ indicator, field });
      }
    };
    const anyIp = this.ips.size > 0 || this.cidrIndicators.size > 0;
    if (anyIp) {
      if (row.dst_ip) push(this.matchIp(row.dst_ip), 'dst_ip');
      if (row.src_ip) push(this.matchIp(row.src_ip), 'src_ip');
    }
    if (row.domain && (this.domains.size > 0 || anyIp)) push(this.matchDomain(row.domain), 'domain');
    if (row.url) {
      push(this.matchUrl(row.url), 'url');
      if (this.domains.size > 0 || anyIp) {
        const normalized = normalizeUrl(row.url.includes('://') ? row.url : `http://${row.url}`);
        if (normalized) push(this.matchDomain(urlHost(normalized)), 'url');
      }
    }
    if (this.hashes.size > 0) {
      if (row.process_hash) push(this.hashes.get(row.process_hash.trim().toLowerCase()) ?? null, 'process_hash');
      if (row.file_hash) push(this.hashes.get(row.file_hash.trim().toLowerCase()) ?? null, 'file_hash');
    }
    return out;
  }
}
