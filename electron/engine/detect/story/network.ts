// The network side of the story: C2 endpoints, hosts infected only by talking to them,
// lateral movement and spam, all read from the events of infected hosts after their first
// malicious act (the same connection before infection is not part of the incident).
import { say } from '../said';
import type { BeaconCandidate } from '../../../common/detect';
import { isIpv4, isIpv6 } from '../../formats/net';
import type { CaseStore } from '../../store/case-store';
import { BEACON } from '../beacon';
import { isInternalIp } from '../ioc/cidr';
import type { EventIndex } from '../event-index';
import { ms, type StoryEvent } from './events';
import { hostKey } from './hosts';
import { FAN_OUT_TARGETS, isInboundAction, portOf, REMOTE_EXEC_PORTS, SMTP_PORTS, STANDARD_PORTS } from '../policy';

const GRACE_MS = 60_000;

export interface Actor {
  key: string;
  /** The host string (or source address) its events carry. */
  label: string;
  first: string;
}

export interface C2Endpoint {
  ip: string;
  port: number | null;
  domain: string | null;
  reasons: string[];
  event_ids: number[];
}

/** Where the story reads events: the case, and the scan's index of events per host and domain. */
export interface StoryData {
  store: CaseStore;
  index: EventIndex;
  /** Every actor's contacts with a destination and port, from the scan (beacon collector). */
  contactsTo?: (destination: string, port: number | null) => { host: string | null; srcIp: string | null; first: string; ids: number[] }[];
}

/** Events of each actor that pass the filter, from a minute before its infection on, in time order. */
export function actorEvents(data: StoryData, actors: readonly Actor[], keep: (e: StoryEvent) => boolean): Map<string, StoryEvent[]> {
  const out = new Map<string, StoryEvent[]>();
  for (const a of actors) {
    const from = ms(a.first) - GRACE_MS;
    const list = data.index.eventsOf(data.store, a.key).filter((e) => ms(e.time) >= from && keep(e));
    if (list.length) out.set(a.key, list);
  }
  return out;
}

const endpointKey = (ip: string, port: number | null) => `${ip}|${port ?? ''}`;

export class C2Set {
  readonly endpoints = new Map<string, C2Endpoint>();

  add(ip: string, port: number | null, domain: string | null, reason: string, ids: readonly number[]): void {
    const key = endpointKey(ip.toLowerCase(), port);
    let e = this.endpoints.get(key);
    if (!e) this.endpoints.set(key, (e = { ip: ip.toLowerCase(), port, domain, reasons: [], event_ids: [] }));
    if (!e.reasons.includes(reason)) e.reasons.push(reason);
    e.domain ??= domain;
    for (const id of ids) if (e.event_ids.length < 1000) e.event_ids.push(id);
  }

  /** Does a contact to this address (or domain) reach a known C2? */
  has(addr: string | null | undefined, domain?: string | null): boolean {
    if (!addr && !domain) return false;
    for (const e of this.endpoints.values()) {
      if (addr && e.ip === addr.toLowerCase()) return true;
      if (domain && e.domain && e.domain === domain.toLowerCase()) return true;
    }
    return false;
  }
}

/** Direct-to-IP connections on non-standard ports from infected hosts, after infection. */
export function directIpContacts(data: StoryData, infected: readonly Actor[], c2: C2Set, payloadUrls: ReadonlySet<string>): void {
  const events = actorEvents(data, infected, (e) => (e.category === 'network' || e.category === 'firewall' || e.category === 'web') && e.dst_ip !== null);
  for (const [, list] of events) {
    for (const e of list) {
      if (isInboundAction(e.action)) continue;
      const ip = e.dst_ip!;
      const port = portOf(e);
      if (port === null || STANDARD_PORTS.has(port) || isInternalIp(ip)) continue;
      const domain = e.domain?.toLowerCase() ?? null;
      if (domain && domain !== ip.toLowerCase() && !isIpv4(domain) && !isIpv6(domain)) continue;
      if (e.url && payloadUrls.has(e.url)) continue;
      c2.add(ip, port, null, say('c2.direct', { port: port ?? '' }, `direct-to-IP connection on port ${port} from an infected host`), [e.id]);
    }
  }
}

/** Regular beacons of infected hosts that began after their infection (a beacon older than the infection is not its C2). */
export function beaconC2(beacons: readonly BeaconCandidate[], infected: ReadonlyMap<string, Actor>, c2: C2Set): void {
  for (const b of beacons) {
    if (b.score < BEACON.findingScore) continue;
    const actor = infected.get(hostKey(b.host ?? b.src_ip ?? ''));
    // A beacon already running before the infection (a SaaS agent) is not its C2; two minutes
    // allow for clocks that disagree between sources.
    if (!actor || ms(b.first) < ms(actor.first) - 2 * 60_000) continue;
    const ip = b.dst_ip ?? b.destination;
    if ((isIpv4(ip) || isIpv6(ip)) && isInternalIp(ip)) continue;
    const domain = isIpv4(b.destination) || isIpv6(b.destination) ? null : b.destination;
    c2.add(ip, b.dst_port, domain, say('c2.beacon', { s: Math.round(b.interval_s), host: actor.label, score: b.score }, `beacon every ${Math.round(b.interval_s)} s from ${actor.label} (score ${b.score})`), b.event_ids.slice(0, 50));
  }
}

export interface LateralStep {
  from: string;
  to: string;
  time: string;
  event_ids: number[];
}

function hostForIp(store: CaseStore, ip: string, time: string): string | null {
  const v = store.scalar('SELECT host FROM ip_host WHERE ip = ? AND ? BETWEEN window_start AND window_end ORDER BY events DESC LIMIT 1', [ip, time]);
  return v === null ? null : String(v);
}

/**
 * SMB/RPC/WinRM from an infected host to another internal host, counted as lateral movement
 * when the target was itself infected afterwards, when the source fanned out to many hosts,
 * or when a lateral-movement rule flagged the connection.
 */
export function lateralMovement(
  data: StoryData,
  infected: readonly Actor[],
  firstByKey: ReadonlyMap<string, string>,
  flaggedIds: ReadonlySet<number>,
  name: (key: string) => string,
): LateralStep[] {
  const events = actorEvents(data, infected, (e) => (e.category === 'network' || e.category === 'firewall') && e.dst_port !== null && REMOTE_EXEC_PORTS.has(e.dst_port) && e.dst_ip !== null);
  const out = new Map<string, LateralStep>();
  for (const [fromKey, list] of events) {
    const outbound = list.filter((e) => !(isInboundAction(e.action)) && isInternalIp(e.dst_ip!) && e.dst_ip !== e.src_ip);
    const targets = outbound.map((e) => {
      const host = hostForIp(data.store, e.dst_ip!, e.time);
      return { e, key: host ? hostKey(host) : e.dst_ip!, label: host ?? e.dst_ip! };
    });
    for (const t of targets) {
      if (t.key === fromKey) continue;
      const targetFirst = firstByKey.get(t.key);
      const spread = targetFirst !== undefined && ms(targetFirst) >= ms(t.e.time) && ms(targetFirst) - ms(t.e.time) <= 24 * 3600_000;
      const hourStart = ms(t.e.time);
      const fanOut = new Set(targets.filter((o) => Math.abs(ms(o.e.time) - hourStart) <= 3600_000).map((o) => o.key)).size >= FAN_OUT_TARGETS;
      if (!spread && !fanOut && !flaggedIds.has(t.e.id)) continue;
      const k = `${fromKey}>${t.key}`;
      const step = out.get(k);
      if (step) {
        if (step.event_ids.length < 200) step.event_ids.push(t.e.id);
      } else {
        out.set(k, { from: name(fromKey), to: targetFirst !== undefined ? name(t.key) : t.label, time: t.e.time, event_ids: [t.e.id] });
      }
    }
  }
  return [...out.values()].sort((a, b) => a.time.localeCompare(b.time));
}

export interface SpamActivity {
  host: string;
  count: number;
  first: string;
  event_ids: number[];
}

/** SMTP sessions from infected hosts (workstations relay through the mail server, never directly). */
export function spamActivity(data: StoryData, infected: readonly Actor[], flagged: ReadonlyMap<string, number[]>, name: (key: string) => string): SpamActivity[] {
  const events = actorEvents(data, infected, (e) => (e.category === 'network' || e.category === 'firewall') && e.dst_port !== null && SMTP_PORTS.has(e.dst_port));
  const out: SpamActivity[] = [];
  for (const a of infected) {
    const list = (events.get(a.key) ?? []).filter((e) => !(isInboundAction(e.action)));
    const ids = new Set([...list.map((e) => e.id), ...(flagged.get(a.key) ?? [])]);
    if (ids.size === 0) continue;
    const first = list[0]?.time ?? a.first;
    out.push({ host: name(a.key), count: ids.size, first, event_ids: [...ids].slice(0, 1000) });
  }
  return out.sort((a, b) => a.first.localeCompare(b.first));
}
