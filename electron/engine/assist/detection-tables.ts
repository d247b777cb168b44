// The case's detection results as tables a question can be answered from with plain SQL. They
// are written into the assistant's snapshot only (run-bounded.ts), never into the case: the
// case keeps the events and the examiners' reviews, detection is derived from them. Every
// table carries the ids of the events behind each row (`event_ids`, comma-separated, as the
// assistant's aggregates do), so a detection answer cites evidence like any other.
import type { DetectResult } from '../../common/detect';
import type { SnapshotTable } from './run-bounded';

type Cell = string | number | null;

const ids = (list: readonly number[] | undefined): string => (list ?? []).join(',');

/** The tables and their columns, for the prompt, the docs and the tests. */
export const DETECTION_TABLES = {
  detection_host: ['host', 'src_ip', 'user', 'first_malicious', 'patient_zero', 'reasons', 'event_ids'],
  detection_patient_zero: ['host', 'src_ip', 'user', 'time', 'lure', 'lure_time', 'reason', 'event_ids'],
  detection_c2: ['ip', 'port', 'domain', 'reasons', 'event_ids'],
  detection_url: ['url', 'kind'],
  detection_access: ['host', 'user', 'src_ip', 'url', 'kind', 'time', 'event_ids'],
  detection_finding: ['finding_id', 'rule', 'title', 'severity', 'stage', 'attack', 'host', 'src_ip', 'user', 'time', 'review', 'event_ids'],
  detection_lateral: ['from_host', 'to_host', 'time', 'event_ids'],
  detection_spam: ['host', 'messages', 'first_seen', 'event_ids'],
  detection_web_attacker: ['ip', 'first_seen', 'last_seen', 'requests', 'techniques', 'successes', 'tools'],
  detection_ioc_hit: ['indicator', 'type', 'source', 'host', 'user', 'src_ip', 'time', 'field', 'context', 'event_ids'],
} as const;

export type DetectionTableName = keyof typeof DETECTION_TABLES;

export const DETECTION_TABLE_NAMES = Object.keys(DETECTION_TABLES) as DetectionTableName[];

/** Does the statement read a detection table (then the snapshot must hold them)? */
export function readsDetection(sql: string): boolean {
  return /\bdetection_(host|patient_zero|c2|url|access|finding|lateral|spam|web_attacker|ioc_hit)\b/i.test(sql);
}

function urlKinds(d: DetectResult): Map<string, string> {
  const kinds = new Map<string, string>();
  for (const u of d.incident.indicator_urls ?? []) kinds.set(u, 'indicator');
  for (const u of d.incident.payload_urls) kinds.set(u, 'payload');
  for (const u of d.incident.phishing_urls ?? []) kinds.set(u, 'phishing');
  return kinds;
}

export function detectionTables(d: DetectResult): SnapshotTable[] {
  const inc = d.incident;
  const pz = inc.patient_zero;
  const kinds = urlKinds(d);
  // Findings an examiner dismissed stay out of the story; they are kept here with their review.
  const rows: Record<DetectionTableName, Cell[][]> = {
    detection_host: inc.infected.map((h) => [
      h.host,
      h.src_ip ?? null,
      h.user,
      h.first_malicious,
      pz && pz.host === h.host ? 1 : 0,
      h.reasons.join('; '),
      ids([...new Set(h.steps.flatMap((s) => s.event_ids))]),
    ]),
    detection_patient_zero: pz ? [[pz.host, pz.src_ip ?? null, pz.user, pz.time, pz.lure, pz.lure_time ?? null, pz.reason ?? null, ids(pz.event_ids)]] : [],
    detection_c2: inc.c2.map((c) => [c.ip, c.port, c.domain ?? null, (c.reasons ?? []).join('; '), ids(c.event_ids)]),
    detection_url: [...kinds].map(([url, kind]) => [url, kind]),
    detection_access: inc.clicked.map((c) => [c.host, c.user, c.src_ip, c.url, kinds.get(c.url) ?? null, c.time, String(c.event_id)]),
    detection_finding: d.findings.map((f) => [f.id, f.rule, f.title, f.severity, f.stage, f.attack.join(','), f.host, f.src_ip ?? null, f.user, f.time, f.review?.verdict ?? null, ids(f.event_ids)]),
    detection_lateral: inc.lateral_movement.map((l) => [l.from, l.to, l.time, ids(l.event_ids)]),
    detection_spam: inc.spam.map((s) => [s.host, s.count, s.first, ids(s.event_ids)]),
    detection_web_attacker: (inc.web?.attackers ?? []).map((a) => [a.ip, a.first, a.last, a.requests, a.techniques.join(','), a.successes, (a.tools ?? []).join(',')]),
    detection_ioc_hit: inc.ioc_hits.map((h) => [h.indicator, h.type, h.source, h.host, h.user, h.src_ip, h.time, h.field ?? null, h.context ?? null, String(h.event_id)]),
  };
  return DETECTION_TABLE_NAMES.map((name) => ({ name, columns: [...DETECTION_TABLES[name]], rows: rows[name] }));
}
