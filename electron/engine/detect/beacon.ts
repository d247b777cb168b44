// Beacons: a host contacting the same destination (IP or domain, and port) at regular
// intervals, as malware checking in with its C2 does. Contacts come from EDR network, proxy
// and firewall events alike (one connection logged by three sources within seconds counts
// once). Regularity is judged on the intervals between contacts with statistics that a few
// missed check-ins or a sleeping laptop do not spoil:
//   - median absolute deviation relative to the median interval (jitter tolerance: ±20%
//     jitter gives about 0.1, random browsing about 0.7);
//   - Bowley skewness of the intervals (quartile-based; 0 for symmetric jitter);
//   - coverage: contacts seen / contacts expected over the span at the median interval;
//   - count.
// Destinations that most hosts talk to, internal addresses and a few well-known time/update
// services are scored down (with the reason), not dropped: the examiner still sees them.
import type { CodedText } from '../../common/coded-text';
import type { BeaconCandidate } from '../../common/detect';
import { said, spoken, type Said } from './said';
import { isIpv4, isIpv6, urlHostPort } from '../formats/net';
import { isInternalIp } from './ioc/cidr';
import { isInboundAction, portOf } from './policy';
import type { ScanRow } from './scan';
import { STANDARD_PORTS } from './policy';

export const BEACON = {
  /** Contacts closer than this are one contact (a burst of requests, or one connection seen by several sources). */
  mergeSeconds: 5,
  minContacts: 6,
  minSpanSeconds: 10 * 60,
  minIntervalSeconds: 10,
  maxIntervalSeconds: 24 * 3600,
  /** Candidates below this are not reported. */
  reportScore: 0.5,
  /** Candidates at or above this become findings. */
  findingScore: 0.7,
  maxEventIds: 10_000,
} as const;

/**
 * Well-known time and update services, documented as such: regular by design and contacted by
 * every Windows machine. Matched as a domain suffix. Not an allow-list: scored down, still shown.
 */
const WELL_KNOWN_PERIODIC = [
  // time
  'time.windows.com', 'time.nist.gov', 'pool.ntp.org', 'time.google.com', 'time.apple.com',
  // updates
  'windowsupdate.com', 'update.microsoft.com', 'delivery.mp.microsoft.com', 'officecdn.microsoft.com', 'update.googleapis.com', 'swcdn.apple.com', 'download.mozilla.org',
  // telemetry and connectivity checks
  'events.data.microsoft.com', 'settings-win.data.microsoft.com', 'msftconnecttest.com', 'msftncsi.com', 'connectivitycheck.gstatic.com', 'clients3.google.com', 'captive.apple.com',
  // certificate status
  'ocsp.digicert.com', 'ocsp.pki.goog', 'ocsp.sectigo.com', 'ocsp.globalsign.com', 'crl.microsoft.com', 'ocsp.msocsp.com',
  // CDNs
  'akamaiedge.net', 'akamaitechnologies.com', 'edgekey.net', 'cloudfront.net', 'fastly.net', 'azureedge.net',
];
/** NTP: periodic by protocol. */
const PERIODIC_PORTS = new Set([123]);


export interface Regularity {
  score: number;
  intervalS: number;
  reasons: string[];
  reason_codes: CodedText[];
}

const median = (sorted: readonly number[]): number => {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
};
const quantile = (sorted: readonly number[], q: number): number => {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
};
const clamp = (x: number) => Math.max(0, Math.min(1, x));

function durationSaid(seconds: number): Said {
  if (seconds < 120) return said('duration.s', { n: Math.round(seconds) }, `${Math.round(seconds)} s`);
  if (seconds < 7200) return said('duration.min', { n: Math.round(seconds / 60) }, `${Math.round(seconds / 60)} min`);
  return said('duration.h', { n: (seconds / 3600).toFixed(1) }, `${(seconds / 3600).toFixed(1)} h`);
}

/** Neighbour window (intervals each side) for the local spread. */
const LOCAL = 5;

/**
 * Each interval divided by the median of the intervals around it (LOCAL each side, in time
 * order): 1 for a steady beacon whatever its sleep, 2 for a missed check-in. Null when the
 * series is too short for neighbours.
 */
export function localRatios(contactsMs: readonly number[]): number[] | null {
  const d: number[] = [];
  for (let i = 1; i < contactsMs.length; i++) d.push(contactsMs[i]! - contactsMs[i - 1]!);
  if (d.length < 2 * LOCAL + 1) return null;
  const ratios: number[] = [];
  for (let i = 0; i < d.length; i++) {
    const lo = Math.max(0, Math.min(i - LOCAL, d.length - 2 * LOCAL - 1));
    const m = median(d.slice(lo, lo + 2 * LOCAL + 1).sort((a, b) => a - b));
    if (m > 0) ratios.push(d[i]! / m);
  }
  return ratios.sort((a, b) => a - b);
}

/** The spread (relative median absolute deviation) of the local ratios. */
export function localSpread(contactsMs: readonly number[]): number {
  const ratios = localRatios(contactsMs);
  if (!ratios) return Number.POSITIVE_INFINITY;
  const center = median(ratios);
  return median(ratios.map((r) => Math.abs(r - center)).sort((a, b) => a - b)) / (center || 1);
}

/** Collapses contacts closer than mergeSeconds; returns contact start times (ms, sorted). */
export function mergeContacts(sortedMs: readonly number[]): number[] {
  const out: number[] = [];
  for (const t of sortedMs) if (out.length === 0 || t - out[out.length - 1]! > BEACON.mergeSeconds * 1000) out.push(t);
  return out;
}

/** How regular a series of contacts is (0..1, with reasons); null when too few or too short. */
export function regularity(contactsMs: readonly number[]): Regularity | null {
  const n = contactsMs.length;
  if (n < BEACON.minContacts) return null;
  const span = (contactsMs[n - 1]! - contactsMs[0]!) / 1000;
  if (span < BEACON.minSpanSeconds) return null;
  const intervals: number[] = [];
  for (let i = 1; i < n; i++) intervals.push((contactsMs[i]! - contactsMs[i - 1]!) / 1000);
  intervals.sort((a, b) => a - b);
  const m = median(intervals);
  if (m < BEACON.minIntervalSeconds || m > BEACON.maxIntervalSeconds) return null;
  const deviations = intervals.map((d) => Math.abs(d - m)).sort((a, b) => a - b);
  const mad = median(deviations);
  // A sleep change (3 minutes, then 10) spoils the spread around one median; each interval
  // against the median of its neighbours does not mind it, while random traffic stays random.
  const local = localSpread(contactsMs);
  const relMad = Math.min(mad / m, local);
  // When the sleep changed, skew and coverage are read on the intervals against their
  // neighbours too (against one median, the longer sleep looks like missed check-ins).
  const ratios = local < mad / m ? localRatios(contactsMs)! : null;
  const xs = ratios ?? intervals;
  const xm = ratios ? median(ratios) : m;
  const q1 = quantile(xs, 0.25);
  const q3 = quantile(xs, 0.75);
  const bowley = q3 - q1 > 0 ? (q3 + q1 - 2 * xm) / (q3 - q1) : 0;
  const expected = ratios ? 1 + ratios.reduce((sum, r) => sum + Math.max(1, Math.round(r / xm)), 0) : span / m + 1;
  const coverage = Math.min(1, n / expected);
  // Full marks up to a spread of 0.2 (uniform ±50% jitter, as Cobalt Strike and Emotet
  // profiles allow, gives 0.17-0.27 on 40 contacts), nothing from 0.5 (Poisson traffic with
  // the same mean rate: 0.5-0.75).
  const madScore = clamp((0.5 - relMad) / 0.3);
  const skewScore = clamp(1 - Math.abs(bowley));
  const countScore = clamp((n - BEACON.minContacts) / (30 - BEACON.minContacts));
  const score = 0.55 * madScore + 0.15 * skewScore + 0.15 * coverage + 0.15 * countScore;
  return {
    score,
    intervalS: m,
    ...spoken(regularityReasons(n, span, m, mad, relMad, bowley, coverage)),
  };
}

function regularityReasons(n: number, span: number, m: number, mad: number, relMad: number, bowley: number, coverage: number): Said[] {
  const spanD = durationSaid(span);
  const medianD = durationSaid(m);
  const madD = durationSaid(mad);
  const ofInterval = Math.round((mad / m) * 100);
  const changed = relMad < mad / m;
  const skew = bowley.toFixed(2);
  const seen = Math.round(coverage * 100);
  return [
    said('beacon.contacts', { n, span: spanD.coded, median: medianD.coded }, `${n} contacts over ${spanD.text}, median interval ${medianD.text}`),
    said(
      changed ? 'beacon.jitterChanged' : 'beacon.jitter',
      { mad: madD.coded, pct: ofInterval, local: Math.round(relMad * 100) },
      `interval jitter: median absolute deviation ${madD.text} (${ofInterval}% of the interval${changed ? `; ${Math.round(relMad * 100)}% against neighbouring intervals: the sleep changed` : ''})`,
    ),
    said('beacon.skew', { skew, pct: seen }, `interval skew ${skew}; ${seen}% of the contacts expected over the span were seen`),
  ];
}

interface Group {
  actorKey: string;
  host: string | null;
  /** The first source address and destination address seen (one host, one destination: they rarely differ). */
  srcIp: string | null;
  destination: string;
  dstIp: string | null;
  port: number | null;
  ms: number[];
  ids: number[];
}

/** Collects outbound contacts during the scan, then scores each (actor, destination, port). */
export class BeaconCollector {
  /**
   * Groups by actor, then destination, then port, in maps of maps: on a million events,
   * building and hashing one joined key string per event cost more than the rest of the visit.
   */
  private byActor = new Map<string, Map<string, Map<number | null, Group>>>();
  /** Every group in the order first seen (the order candidates are scored in). */
  private groups: Group[] = [];
  private lower = new Map<string, string>();
  /** Domain column value -> destination ('' when it is an address: the dst_ip is used). */
  private domains = new Map<string, string>();
  /** Whether an action names an inbound connection, by action text. */
  private inbound = new Map<string, boolean>();

  private destinationOf(row: ScanRow): string | null {
    if (row.domain) {
      let d = this.domains.get(row.domain);
      if (d === undefined) {
        const n = row.domain.trim().toLowerCase();
        this.domains.set(row.domain, (d = isIpv4(n) || isIpv6(n) ? '' : n));
      }
      if (d) return d;
    }
    if (row.dst_ip) return row.dst_ip.toLowerCase();
    if (row.domain) return row.domain.trim().toLowerCase();
    return row.url ? (urlHostPort(row.url)?.host.toLowerCase() ?? null) : null;
  }

  /** Per-row work is kept small: this runs on every network, web and firewall event. */
  visit = (row: ScanRow): void => {
    const c = row.category;
    if (c !== 'network' && c !== 'web' && c !== 'firewall') return;
    if (row.action !== null) {
      let inbound = this.inbound.get(row.action);
      if (inbound === undefined) {
        inbound = isInboundAction(row.action);
        // Actions are a small vocabulary; a source with free text there is not cached whole.
        if (this.inbound.size < 10_000) this.inbound.set(row.action, inbound);
      }
      if (inbound) return;
    }
    const actor = row.host ?? row.src_ip;
    if (!actor || Number.isNaN(row.ms)) return;
    const destination = this.destinationOf(row);
    if (!destination) return;
    const port = portOf(row);
    let actorKey = this.lower.get(actor);
    if (actorKey === undefined) this.lower.set(actor, (actorKey = actor.toLowerCase()));
    let destinations = this.byActor.get(actorKey);
    if (!destinations) this.byActor.set(actorKey, (destinations = new Map()));
    let ports = destinations.get(destination);
    if (!ports) destinations.set(destination, (ports = new Map()));
    let g = ports.get(port);
    if (!g) {
      g = { actorKey, host: row.host, srcIp: row.src_ip, destination, dstIp: row.dst_ip, port, ms: [], ids: [] };
      ports.set(port, g);
      this.groups.push(g);
    }
    g.ms.push(row.ms);
    g.ids.push(row.id);
    g.srcIp ??= row.src_ip;
    g.dstIp ??= row.dst_ip;
  };

  /** Every actor that contacted a destination on a port (however rarely): who, first time, events. */
  contactsTo(destination: string, port: number | null): { host: string | null; srcIp: string | null; first: string; ids: number[] }[] {
    const dest = destination.toLowerCase();
    const out: { host: string | null; srcIp: string | null; first: string; ids: number[] }[] = [];
    for (const g of this.groups) {
      if ((g.destination !== dest && g.dstIp?.toLowerCase() !== dest) || g.port !== port) continue;
      out.push({ host: g.host, srcIp: g.srcIp, first: new Date(Math.min(...g.ms)).toISOString(), ids: g.ids.slice(0, 50) });
    }
    return out;
  }

  /** Candidates scoring at least BEACON.reportScore, best first. */
  finish(): BeaconCandidate[] {
    const out: BeaconCandidate[] = [];
    const actorsByDestination = new Map<string, Set<string>>();
    const actors = new Set<string>();
    for (const g of this.groups) {
      actors.add(g.actorKey);
      const seen = actorsByDestination.get(g.destination);
      if (seen) seen.add(g.actorKey);
      else actorsByDestination.set(g.destination, new Set([g.actorKey]));
    }
    const totalActors = actors.size;
    for (const g of this.groups) {
      if (g.ms.length < BEACON.minContacts) continue;
      const order = g.ms.map((_, i) => i).sort((a, b) => g.ms[a]! - g.ms[b]! || g.ids[a]! - g.ids[b]!);
      const contacts = mergeContacts(order.map((i) => g.ms[i]!));
      const r = regularity(contacts);
      if (!r) continue;
      let score = r.score;
      const reasons = [...r.reasons];
      const codes = [...r.reason_codes];
      const add = (x: Said) => (reasons.push(x.text), codes.push(x.coded));
      const prevalence = actorsByDestination.get(g.destination)?.size ?? 1;
      const isIpDest = isIpv4(g.destination) || isIpv6(g.destination);
      // A bare public address on an odd port that every collected host beacons to is what an
      // outbreak looks like when only the suspects were collected: no discount for it.
      const outbreakLike = isIpDest && !isInternalIp(g.destination) && g.port !== null && !STANDARD_PORTS.has(g.port);
      if (prevalence >= 4 && prevalence >= totalActors / 2 && !outbreakLike) {
        score *= 0.5;
        add(said('beacon.common', { n: prevalence, total: totalActors }, `contacted by ${prevalence} of ${totalActors} hosts: common infrastructure (scored down)`));
      }
      const dstIp = g.dstIp;
      const isIp = isIpv4(g.destination) || isIpv6(g.destination);
      if (isIp && isInternalIp(g.destination)) {
        score *= 0.6;
        add(said('beacon.internal', {}, 'internal destination (scored down)'));
      }
      if (WELL_KNOWN_PERIODIC.some((d) => g.destination === d || g.destination.endsWith(`.${d}`)) || (g.port !== null && PERIODIC_PORTS.has(g.port))) {
        score *= 0.3;
        add(said('beacon.wellKnown', {}, 'well-known time, update, telemetry or CDN service, periodic by design (scored down)'));
      }
      if (isIp && !isInternalIp(g.destination)) add(said('beacon.bareIp', {}, 'destination is a bare IP address (no domain name)'));
      if (score < BEACON.reportScore) continue;
      out.push({
        host: g.host,
        src_ip: g.srcIp,
        destination: g.destination,
        dst_ip: dstIp,
        dst_port: g.port,
        count: contacts.length,
        first: new Date(g.ms[order[0]!]!).toISOString(),
        last: new Date(g.ms[order[order.length - 1]!]!).toISOString(),
        interval_s: Math.round(r.intervalS * 10) / 10,
        score: Math.round(score * 100) / 100,
        reasons,
        reason_codes: codes,
        event_ids: order.slice(0, BEACON.maxEventIds).map((i) => g.ids[i]!),
      });
    }
    return out.sort((a, b) => b.score - a.score || a.first.localeCompare(b.first));
  }
}
