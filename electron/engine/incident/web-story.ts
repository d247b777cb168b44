// The web-attack part of the detection story (incident.web), landed by the detection issue. It
// is read defensively: a detection result without it (an older engine, a case from before)
// simply has no web attackers, successes or web shells.
import type { Incident } from '../../common/detect';

export interface WebStoryView {
  attackers: { ip: string; first: string | null; successes: number }[];
  successes: { ip: string; time: string; url: string; event_id: number }[];
  webshells: { path: string; first_seen: string | null; ips: string[]; event_ids: number[] }[];
}

type Json = Record<string, unknown>;
const list = (v: unknown): Json[] => (Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Json[]) : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

export function webStory(incident: Incident): WebStoryView {
  const web = ((incident as unknown as Json).web ?? {}) as Json;
  return {
    attackers: list(web.attackers)
      .filter((a) => str(a.ip))
      .map((a) => ({ ip: String(a.ip), first: str(a.first), successes: Number(a.successes) || 0 })),
    successes: list(web.successes)
      .filter((s) => str(s.ip) && str(s.time))
      .map((s) => ({ ip: String(s.ip), time: String(s.time), url: String(s.url ?? ''), event_id: Number(s.event_id) })),
    webshells: list(web.webshells).map((w) => ({
      path: String(w.path ?? ''),
      first_seen: str(w.first_seen),
      ips: Array.isArray(w.ips) ? w.ips.map(String) : [],
      event_ids: Array.isArray(w.event_ids) ? w.event_ids.map(Number) : [],
    })),
  };
}
