// Patient zero's inputs and its entry in the story: what ties each infected actor to the chain
// (chain-link.ts decides), and how a machine known only from the network is reported.
import type { ActorResolution, BeaconCandidate, Incident } from '../../../common/detect';
import { isIpv4, isIpv6 } from '../../formats/net';
import { BEACON } from '../beacon';
import { asParam, say } from '../said';
import type { RichIocHit } from '../ioc-hits';
import { addTie, chainReason, type ChainChoice, type ChainTie } from './chain-link';
import { HostNames, hostKey } from './hosts';
import type { Lure } from './lure';
import type { Actor, C2Set } from './network';
import type { NetworkInfection } from './network-infection';
import type { UrlSet } from './urls';

export interface ContactInfection {
  key: string;
  label: string;
  first: string;
  reasons: string[];
}

/** A C2 endpoint as a tie's label ("C2 198.51.100.23:8080"). */
export function c2Label(ip: string, port: number | null): string {
  const dest = `${ip}${port !== null ? `:${port}` : ''}`;
  return say('tie.c2', { dest }, `C2 ${dest}`);
}

/** Patient zero known from network evidence only: the payload it fetched, else its beacon. */
export function networkPatientZero(choice: ChainChoice, n: NetworkInfection | undefined, c: ContactInfection | undefined, names: HostNames): Incident['patient_zero'] {
  const display = names.display(choice.key);
  const p = n?.payloads[0];
  const b = n ? [...n.beacons].sort((x, y) => x.first.localeCompare(y.first))[0] : undefined;
  const dest = b ? `${b.destination}${b.dst_port !== null ? `:${b.dst_port}` : ''}` : '';
  const how = p && b
    ? say('pz.payload', { url: p.url!, time: p.time, dest }, `first machine to fetch the payload ${p.url} (${p.time}) before beaconing to ${dest}`)
    : b
      ? say('pz.beacon', { dest, time: b.first }, `first machine to beacon to ${dest} (${b.first})`)
      : say('pz.contact', { what: c?.reasons[0] !== undefined ? asParam(c.reasons[0]) : { code: 'pz.contactChain' } }, `first machine tied to the chain: ${c?.reasons[0] ?? 'contact with the chain'}`);
  const link = chainReason(choice);
  return {
    host: display,
    ...(isIpv4(display) || isIpv6(display) ? { src_ip: display } : n?.srcIp ? { src_ip: n.srcIp } : {}),
    user: p?.user ?? null,
    time: n?.first ?? c?.first ?? choice.tie?.time ?? '',
    lure: null,
    event_ids: [...(p ? [p.id] : []), ...(b ? b.event_ids.slice(0, 1) : [])],
    reason: link ? say('pz.andLink', { how: asParam(how), link: asParam(link) }, `${how}; ${link}`) : how,
  };
}

/** What each infected actor shares with the others, and when it first did (see chain-link.ts). */
export function linkTies(
  actors: readonly Actor[],
  lures: ReadonlyMap<string, Lure>,
  clicks: readonly { host: string | null; src_ip: string | null; url: string; time: string }[],
  payload: UrlSet,
  beacons: readonly BeaconCandidate[],
  c2: C2Set,
  hits: readonly RichIocHit[],
  net: ReadonlyMap<string, NetworkInfection>,
  contactTies: ReadonlyMap<string, ChainTie[]>,
): Map<string, ChainTie[]> {
  const keys = new Set(actors.map((a) => a.key));
  const ties = new Map<string, ChainTie[]>();
  const endpoint = (ip: string, port: number | null) => ({ id: `c2|${ip.toLowerCase()}|${port ?? ''}`, label: c2Label(ip, port) });
  for (const [key, l] of lures) {
    const name = l.document?.replace(/^.*[\\/]/, '');
    if (name && keys.has(key)) addTie(ties, key, { id: `lure|${name.toLowerCase()}`, label: say('tie.lure', { name }, `lure ${name}`), time: l.time });
  }
  for (const c of clicks) {
    const k = hostKey(c.host ?? c.src_ip ?? '');
    const hit = payload.matches(c.url);
    if (keys.has(k) && hit) addTie(ties, k, { id: `payload|${hit}`, label: say('tie.payload', { url: c.url }, `payload ${c.url}`), time: c.time });
  }
  for (const n of net.values()) {
    for (const p of n.payloads) {
      const hit = payload.matches(p.url!);
      if (hit) addTie(ties, n.key, { id: `payload|${hit}`, label: say('tie.payload', { url: p.url! }, `payload ${p.url}`), time: p.time });
    }
    for (const b of n.beacons) addTie(ties, n.key, { ...endpoint(b.dst_ip ?? b.destination, b.dst_port), time: b.first });
  }
  for (const b of beacons) {
    const k = hostKey(b.host ?? b.src_ip ?? '');
    const domain = isIpv4(b.destination) || isIpv6(b.destination) ? null : b.destination;
    if (keys.has(k) && b.score >= BEACON.reportScore && c2.has(b.dst_ip ?? b.destination, domain)) addTie(ties, k, { ...endpoint(b.dst_ip ?? b.destination, b.dst_port), time: b.first });
  }
  for (const h of hits) {
    const k = hostKey(h.host ?? h.src_ip ?? '');
    if (keys.has(k) && ['ip', 'cidr', 'url', 'sha256', 'md5', 'sha1', 'domain'].includes(h.type)) addTie(ties, k, { id: `ioc|${h.indicator.toLowerCase()}`, label: say('tie.indicator', { indicator: h.indicator }, `indicator ${h.indicator}`), time: h.time });
  }
  for (const [k, list] of contactTies) for (const t of list) if (keys.has(k)) addTie(ties, k, { ...t });
  return ties;
}

export function withResolution(pz: Incident['patient_zero'], r: ActorResolution | undefined): Incident['patient_zero'] {
  if (!pz || !r) return pz;
  // The reason stays the link that chose the machine; `resolved` says how it got its name.
  return { ...pz, src_ip: r.ip, resolved: r };
}
