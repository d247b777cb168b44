// Affected assets as the detection story names them: infected hosts (infected), hosts a spread
// reached and everyone who reached a phishing or payload URL or an indicator (suspected). The
// examiner's statuses (incident.asset.set) override these and add assets the story missed.
import type { DetectResult } from '../../common/detect';
import type { AssetStatus, IncidentAsset, IncidentLang } from '../../common/incident';
import { assetKey } from './apply';
import type { AssetRow } from './records';

interface Seed {
  host: string | null;
  src_ip: string | null;
  user: string | null;
  status: AssetStatus;
  why: string;
}

function seeds(detection: DetectResult, lang: IncidentLang): Seed[] {
  const i = detection.incident;
  const ja = lang === 'ja';
  const out: Seed[] = [];
  const infected = new Set(i.hosts.map((h) => h.toLowerCase()));
  for (const h of i.infected) {
    out.push({ host: h.host, src_ip: null, user: h.user, status: 'infected', why: (ja ? '感染: ' : 'infected: ') + (h.reasons[0] ?? '') });
  }
  for (const l of i.lateral_movement) {
    if (!infected.has(l.to.toLowerCase())) out.push({ host: l.to, src_ip: null, user: null, status: 'suspected', why: ja ? `${l.from} からの横展開先` : `reached by a spread from ${l.from}` });
  }
  for (const c of i.clicked) {
    if (c.host && infected.has(c.host.toLowerCase())) continue;
    out.push({ host: c.host, src_ip: c.host ? null : c.src_ip, user: c.user, status: 'suspected', why: ja ? `URLにアクセス: ${c.url}` : `reached ${c.url}` });
  }
  for (const h of i.ioc_hits) {
    if (h.host && infected.has(h.host.toLowerCase())) continue;
    if (!h.host && !h.src_ip) continue;
    out.push({ host: h.host, src_ip: h.host ? null : h.src_ip, user: h.user, status: 'suspected', why: ja ? `指標に一致: ${h.indicator}` : `matched indicator ${h.indicator}` });
  }
  return out;
}

/** The story's assets (one per host, address or user) with the examiner's changes applied. */
export function mergeAssets(detection: DetectResult | null, examiner: Map<string, AssetRow>, lang: IncidentLang): IncidentAsset[] {
  const out = new Map<string, IncidentAsset>();
  // One row per actor: a host once, however many users or URLs the story lists for it.
  const actorKey = (s: { host: string | null; src_ip: string | null; user: string | null }) =>
    s.host ? `h:${s.host.toLowerCase()}` : s.src_ip ? `a:${s.src_ip}` : `u:${(s.user ?? '').toLowerCase()}`;
  const byActor = new Map<string, string>();
  for (const s of detection ? seeds(detection, lang) : []) {
    const actor = actorKey(s);
    if (byActor.has(actor)) continue;
    const key = assetKey(s);
    byActor.set(actor, key);
    out.set(key, { host: s.host, src_ip: s.src_ip, user: s.user, status: s.status, origin: 'story', why: s.why, updated_by: null, updated_at: null });
  }
  for (const [key, row] of examiner) {
    const base = out.get(key) ?? out.get(byActor.get(actorKey(row)) ?? '');
    const merged: IncidentAsset = {
      host: row.host,
      src_ip: row.src_ip,
      user: row.user,
      status: row.status as AssetStatus,
      origin: 'examiner',
      why: row.reason ?? base?.why ?? null,
      updated_by: row.examiner,
      updated_at: row.time,
    };
    if (base) out.delete(assetKey(base));
    out.set(key, merged);
  }
  const rank: Record<AssetStatus, number> = { infected: 0, suspected: 1, contained: 2, cleared: 3 };
  return [...out.values()].sort((a, b) => rank[a.status] - rank[b.status] || (a.host ?? a.src_ip ?? a.user ?? '').localeCompare(b.host ?? b.src_ip ?? b.user ?? ''));
}
