// Infection told from network evidence alone (proxy, firewall, NetFlow-like logs; no EDR): an
// actor (a host, else a source address) is infected when it beacons regularly to a public
// destination and something else says the beacon is malware's: the destination is a bare
// address on an odd port (Emotet's and most loaders' habit), the actor fetched an executable
// or archive minutes before the beaconing began, an indicator names the actor's traffic, a
// network rule flagged it, or an actor already found infected beacons to the same place.
// A regular HTTPS poll of a named service with none of these is what agents do: not enough.
import { asParam, say } from '../said';
import type { BeaconCandidate, Finding } from '../../../common/detect';
import { isIpv4, isIpv6 } from '../../formats/net';
import { BEACON } from '../beacon';
import { isInternalIp } from '../ioc/cidr';
import type { RichIocHit } from '../ioc-hits';
import { ms, type StoryEvent } from './events';
import { hostKey } from './hosts';
import type { StoryData } from './network';
import { STANDARD_PORTS } from '../policy';
import { looksLikePayload } from './loader-payloads';

/** A payload is fetched at most this long before the beaconing starts. */
const PAYLOAD_BEFORE_MS = 30 * 60_000;
export interface NetworkInfection {
  key: string;
  /** The actor's name as its events carry it: a host, else the source address. */
  label: string;
  srcIp: string | null;
  first: string;
  reasons: string[];
  /** The beacons that count as C2 for this actor. */
  beacons: BeaconCandidate[];
  payloads: StoryEvent[];
}

const isIp = (s: string) => isIpv4(s) || isIpv6(s);
const wellKnown = (b: BeaconCandidate) => b.reasons.some((r) => r.startsWith('well-known'));

/** A beacon worth asking about: reported, to a public destination, not a well-known service. */
function candidate(b: BeaconCandidate): boolean {
  if (b.score < BEACON.reportScore || wellKnown(b)) return false;
  const ip = b.dst_ip ?? b.destination;
  return !(isIp(ip) && isInternalIp(ip));
}

const oddPortBareIp = (b: BeaconCandidate) => isIp(b.destination) && !isInternalIp(b.destination) && b.dst_port !== null && !STANDARD_PORTS.has(b.dst_port);

/** Executable or archive downloads by the actor in the half hour before the beacon began. */
function payloadsBefore(data: StoryData, key: string, b: BeaconCandidate): StoryEvent[] {
  const start = ms(b.first);
  return data.index.eventsOf(data.store, key).filter((e) => {
    if (!e.url || e.category !== 'web') return false;
    const t = ms(e.time);
    if (t < start - PAYLOAD_BEFORE_MS || t > start + 60_000) return false;
    return looksLikePayload(e);
  });
}

const keyOf = (host: string | null, srcIp: string | null) => hostKey(host ?? srcIp ?? '');

export function networkInfections(data: StoryData, beacons: readonly BeaconCandidate[], hits: readonly RichIocHit[], findings: readonly Finding[], exclude: ReadonlySet<string>): Map<string, NetworkInfection> {
  const byActor = new Map<string, BeaconCandidate[]>();
  for (const b of beacons) {
    if (!(b.host ?? b.src_ip) || !candidate(b)) continue;
    const k = keyOf(b.host, b.src_ip);
    byActor.set(k, [...(byActor.get(k) ?? []), b]);
  }
  // Indicator hits and network rule findings per actor, with their times: each must fall in
  // the half hour before a beacon began (or name its destination) to vouch for it.
  const iocByActor = new Map<string, RichIocHit[]>();
  for (const h of hits) {
    if (h.field === 'src_ip' || !['ip', 'cidr', 'domain', 'url'].includes(h.type)) continue;
    const k = keyOf(h.host, h.src_ip);
    iocByActor.set(k, [...(iocByActor.get(k) ?? []), h]);
  }
  const flagged = new Map<string, Finding[]>();
  for (const f of findings) {
    if ((f.stage === 'download' || f.stage === 'c2') && f.rule !== 'beacon' && f.rule !== 'ioc' && f.severity !== 'low' && f.severity !== 'informational') {
      const k = keyOf(f.host, f.src_ip ?? null);
      flagged.set(k, [...(flagged.get(k) ?? []), f]);
    }
  }
  const near = (time: string, b: BeaconCandidate) => ms(time) >= ms(b.first) - PAYLOAD_BEFORE_MS && ms(time) <= ms(b.first) + 60_000;

  const out = new Map<string, NetworkInfection>();
  const make = (k: string, list: BeaconCandidate[]): NetworkInfection => ({ key: k, label: list[0]!.host ?? list[0]!.src_ip!, srcIp: list[0]!.src_ip, first: '', reasons: [], beacons: [], payloads: [] });
  for (const [k, list] of byActor) {
    if (exclude.has(k)) continue;
    const inf = make(k, list);
    for (const b of list) {
      const why: string[] = [];
      const payloads = payloadsBefore(data, k, b);
      // Below the finding line, only a payload fetched just before makes a beacon the malware's.
      if (b.score < BEACON.findingScore && payloads.length === 0) continue;
      if (oddPortBareIp(b)) why.push(say('infected.oddPort', { dest: b.destination, port: b.dst_port ?? '', s: Math.round(b.interval_s) }, `beacons to ${b.destination}:${b.dst_port} (a bare address on a non-standard port) every ${Math.round(b.interval_s)} s`));
      if (payloads.length) why.push(say(payloads[0]!.bytes_in !== null ? 'infected.payloadBytes' : 'infected.payload', { url: payloads[0]!.url!, type: payloads[0]!.content_type ?? 'executable', bytes: payloads[0]!.bytes_in ?? '', dest: b.destination }, `fetched ${payloads[0]!.url} (${payloads[0]!.content_type ?? 'executable'}${payloads[0]!.bytes_in !== null ? `, ${payloads[0]!.bytes_in} bytes` : ''}) just before beaconing to ${b.destination}`));
      const ioc = (iocByActor.get(k) ?? []).find((h) => near(h.time, b) || [h.dst_ip, h.domain].includes(b.destination) || h.indicator === b.destination);
      if (ioc) why.push(say('infected.iocBeacon', { indicator: ioc.indicator, source: ioc.source, dest: b.destination }, `indicator ${ioc.indicator} (${ioc.source}) in its traffic, and a regular beacon to ${b.destination}`));
      const f = (flagged.get(k) ?? []).find((x) => near(x.time, b));
      if (f) why.push(say('infected.findingBeacon', { title: asParam(f.title), dest: b.destination }, `${f.title} just before a regular beacon to ${b.destination}`));
      if (why.length === 0) continue;
      inf.beacons.push(b);
      inf.payloads.push(...payloads);
      for (const w of why) if (!inf.reasons.includes(w)) inf.reasons.push(w);
    }
    if (inf.beacons.length) out.set(k, inf);
  }
  // Beacons to the same destination as an infected actor's C2.
  const c2 = new Set([...out.values()].flatMap((i) => i.beacons.map((b) => `${b.destination}|${b.dst_port}`)));
  for (const [k, list] of byActor) {
    if (exclude.has(k)) continue;
    for (const b of list) {
      if (!c2.has(`${b.destination}|${b.dst_port}`)) continue;
      let inf = out.get(k);
      if (!inf) out.set(k, (inf = make(k, list)));
      if (inf.beacons.includes(b)) continue;
      inf.beacons.push(b);
      for (const p of payloadsBefore(data, k, b)) if (!inf.payloads.some((x) => x.id === p.id)) inf.payloads.push(p);
      inf.reasons.push(say('infected.sharedC2', { dest: `${b.destination}${b.dst_port !== null ? `:${b.dst_port}` : ''}`, s: Math.round(b.interval_s) }, `beacons to ${b.destination}${b.dst_port !== null ? `:${b.dst_port}` : ''}, the C2 of another infected machine, every ${Math.round(b.interval_s)} s`));
    }
  }
  for (const inf of out.values()) {
    const times = [...inf.beacons.map((b) => b.first), ...inf.payloads.map((p) => p.time)].sort();
    inf.first = times[0]!;
    inf.payloads.sort((a, b) => a.time.localeCompare(b.time));
  }
  return out;
}
