// An actor the story names by a host although its own evidence named only an address: proxy,
// firewall or Zeek events whose source address EDR (or DHCP-like) evidence mapped to a host at
// ingest (ingest/resolve-hosts.ts, table ip_host). The investigator must see that the name was
// inferred, from which evidence and for which span, not read it as what the log said.
import type { ActorResolution } from '../../../common/detect';
import { isIpv4, isIpv6 } from '../../formats/net';
import type { StoryEvent } from './events';
import type { StoryData } from './network';

const ENDPOINT_CATEGORIES = new Set(['network', 'dns', 'web']);

/**
 * How the actor's name was found, when its infection evidence (the given events, else all of
 * its events) carries only hosts filled from the address map; null when a source named it.
 */
export function actorResolution(data: StoryData, key: string, label: string, evidence: readonly StoryEvent[] = []): ActorResolution | null {
  if (isIpv4(label) || isIpv6(label)) return null;
  const own = data.index.eventsOf(data.store, key);
  // Known only by address: none of the evidence that made it infected was named by its source.
  const shown = (evidence.length ? evidence : own).filter((e) => e.host);
  if (shown.some((e) => e.host_resolved === 0)) return null;
  const resolved = shown.find((e) => e.host_resolved === 1 && e.src_ip);
  if (!resolved) return null;
  const ip = resolved.src_ip!;
  const host = resolved.host!;
  const span = data.store.all<{ first: string | null; last: string | null }>('SELECT min(first_seen) AS first, max(last_seen) AS last FROM ip_host WHERE ip = ? AND host = ?', [ip, host])[0];
  // The endpoint events that said "this host had this address" (what ip_host was built from).
  const ids = [...new Set(own.filter((e) => e.host_resolved === 0 && e.src_ip === ip && e.host === host && ENDPOINT_CATEGORIES.has(e.category)).map((e) => e.evidence_id!))];
  const files = ids.length ? data.store.all<{ name: string; format: string }>(`SELECT name, format FROM evidence WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY id`, ids) : [];
  return {
    ip,
    host,
    evidence: files.map((f) => `${f.name} (${f.format})`),
    first_seen: span?.first ?? null,
    last_seen: span?.last ?? null,
  };
}
