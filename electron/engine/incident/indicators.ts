// Indicators for blocking: the candidates the story suggests (C2 endpoints, payload and phishing
// URLs, indicator-file hits, successful web attackers), each with the events that show it, and
// which of them the examiner confirmed: explicitly (incident.indicator.confirmed), or by
// confirming the indicator finding that names it (finding.reviewed). Only confirmed indicators
// go into containment lists; a withdrawn confirmation takes one out again.
import type { DetectResult } from '../../common/detect';
import type { IndicatorCandidate, IndicatorKind } from '../../common/incident';
import { classify } from '../detect/ioc/classify';
import { listReviews } from '../detect/review';
import type { CaseStore } from '../store/case-store';
import { latestIndicators } from './records';
import { webStory } from './web-story';

interface Draft {
  type: IndicatorKind;
  value: string;
  port: number | null;
  sources: Set<string>;
  events: Set<number>;
}

const key = (type: string, value: string) => `${type}\u0000${value}`;

function collect(detection: DetectResult): Map<string, Draft> {
  const i = detection.incident;
  const out = new Map<string, Draft>();
  const add = (raw: string, source: string, events: number[], port: number | null = null) => {
    const c = classify(raw);
    if (!c) return;
    const k = key(c.type, c.value);
    const d = out.get(k) ?? { type: c.type as IndicatorKind, value: c.value, port: c.port ?? port, sources: new Set(), events: new Set() };
    d.sources.add(source);
    for (const e of events) if (Number.isInteger(e)) d.events.add(e);
    if (d.port === null && port !== null) d.port = port;
    out.set(k, d);
  };
  const urlEvents = (url: string) => [...i.clicked.filter((c) => c.url === url).map((c) => c.event_id), ...i.ioc_hits.filter((h) => h.indicator === url).map((h) => h.event_id)];
  for (const c of i.c2) {
    add(c.ip, 'c2', c.event_ids ?? [], c.port);
    if (c.domain) add(c.domain, 'c2', c.event_ids ?? []);
  }
  for (const u of i.payload_urls) add(u, 'payload_url', urlEvents(u));
  for (const u of i.phishing_urls ?? []) add(u, 'phishing_url', urlEvents(u));
  for (const h of i.ioc_hits) add(h.indicator, 'ioc_hit', [h.event_id]);
  const web = webStory(i);
  for (const a of web.attackers.filter((x) => x.successes > 0)) {
    add(a.ip, 'web_attacker', web.successes.filter((s) => s.ip === a.ip).map((s) => s.event_id));
  }
  return out;
}

function seen(store: CaseStore, ids: number[]): { first: string | null; last: string | null; hosts: string[] } {
  if (!ids.length) return { first: null, last: null, hosts: [] };
  const list = ids.slice(0, 1000).join(',');
  const t = store.all<{ first: string | null; last: string | null }>(`SELECT min(time) AS first, max(time) AS last FROM event_row WHERE id IN (${list})`)[0]!;
  const hosts = store.all<{ h: string }>(`SELECT DISTINCT coalesce(host, src_ip) AS h FROM event_row WHERE id IN (${list}) AND coalesce(host, src_ip) IS NOT NULL ORDER BY h`).map((r) => r.h);
  return { first: t.first, last: t.last, hosts };
}

export function indicatorCandidates(store: CaseStore, detection: DetectResult | null): IndicatorCandidate[] {
  const drafts = detection ? collect(detection) : new Map<string, Draft>();
  const confirmed = new Map<string, { examiner: string; time: string; comment: string | null }>();
  // A confirmed indicator finding confirms the indicators of its hits.
  if (detection) {
    const byEvent = new Map<number, string[]>();
    for (const h of detection.incident.ioc_hits) {
      const c = classify(h.indicator);
      if (c) byEvent.set(h.event_id, [...(byEvent.get(h.event_id) ?? []), key(c.type, c.value)]);
    }
    const verdicts = new Map<string, ReturnType<typeof listReviews>[number]>();
    for (const r of listReviews(store)) if (r.rule === 'ioc') verdicts.set(r.finding_id, r);
    for (const r of verdicts.values()) {
      if (r.verdict !== 'confirmed') continue;
      for (const id of r.event_ids) for (const k of byEvent.get(id) ?? []) confirmed.set(k, { examiner: r.examiner, time: r.time, comment: r.comment });
    }
  }
  for (const [k, row] of latestIndicators(store)) {
    if (row.verdict === 'withdrawn') {
      confirmed.delete(k);
      if (!drafts.has(k)) continue;
    } else confirmed.set(k, { examiner: row.examiner, time: row.time, comment: row.comment });
    if (!drafts.has(k)) {
      drafts.set(k, { type: row.type as IndicatorKind, value: row.value, port: row.port, sources: new Set(row.source ? [row.source] : []), events: new Set() });
    }
    // The events named when it was confirmed stay its evidence, whatever a later run says.
    for (const id of JSON.parse(row.event_ids) as number[]) drafts.get(k)!.events.add(id);
  }
  return [...drafts.entries()]
    .map(([k, d]) => {
      const event_ids = [...d.events].sort((a, b) => a - b);
      const s = seen(store, event_ids);
      return { type: d.type, value: d.value, port: d.port, source: [...d.sources].join(','), event_ids, first_seen: s.first, last_seen: s.last, hosts: s.hosts, confirmed: confirmed.get(k) ?? null };
    })
    .sort((a, b) => a.type.localeCompare(b.type) || a.value.localeCompare(b.value));
}
