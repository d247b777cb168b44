// Beacon candidates strong enough to be findings (score >= BEACON.findingScore), placed at
// the C2 stage. A bare public IP on a non-standard port is the Emotet pattern: high.

import type { BeaconCandidate, Finding } from '../../common/detect';
import { isIpv4, isIpv6 } from '../formats/net';
import { BEACON } from './beacon';
import { isInternalIp } from './ioc/cidr';
import { STANDARD_PORTS } from './policy';

export function beaconFindingId(b: BeaconCandidate): string {
  return `beacon:${b.host ?? b.src_ip ?? ''}:${b.event_ids[0] ?? 0}`;
}

export function beaconFindings(beacons: readonly BeaconCandidate[]): Finding[] {
  const out: Finding[] = [];
  for (const b of beacons) {
    if (b.score < BEACON.findingScore) continue;
    const bareIp = (isIpv4(b.destination) || isIpv6(b.destination)) && !isInternalIp(b.destination);
    const oddPort = b.dst_port !== null && !STANDARD_PORTS.has(b.dst_port);
    out.push({
      id: beaconFindingId(b),
      rule: 'beacon',
      title: `Regular beacon to ${b.destination}${b.dst_port !== null ? `:${b.dst_port}` : ''} every ${Math.round(b.interval_s)} s`,
      title_code: { code: 'finding.beacon', params: { dest: `${b.destination}${b.dst_port !== null ? `:${b.dst_port}` : ''}`, s: Math.round(b.interval_s) } },
      severity: bareIp && oddPort ? 'high' : 'medium',
      attack: oddPort ? ['T1071', 'T1571'] : ['T1071'],
      stage: 'c2',
      host: b.host,
      ...(b.host ? {} : { src_ip: b.src_ip }),
      user: null,
      time: b.first,
      event_ids: b.event_ids.slice(0, 1000),
      reasons: [`score ${b.score}`, ...b.reasons],
      reason_codes: [{ code: 'beacon.score', params: { score: b.score } }, ...(b.reason_codes ?? b.reasons.map((text) => ({ code: 'text', params: { text } })))],
    });
  }
  return out;
}
