// One host at a glance: when it was seen, by whom it was used, which addresses it had and
// when, what ran on it and where it talked to, and what detection found there. Findings come
// from the last detection run of this session (they are not stored in the case) and from the
// examiners' reviews, which are.
import type { DetectResult } from '../../common/detect';
import type { CountedValue, HostFinding, HostView } from '../../common/investigate';
import type { CaseStore } from '../store/case-store';

const TOP = 10;

export function hostView(store: CaseStore, host: string, lastRun: DetectResult | null): HostView {
  const where = 'host = ? COLLATE NOCASE';
  const head = store.all<{ n: number; lo: string | null; hi: string | null }>(`SELECT count(*) AS n, min(time) AS lo, max(time) AS hi FROM event_row WHERE ${where}`, [host])[0]!;
  const top = (expr: string, extra = ''): CountedValue[] =>
    store.all<CountedValue>(
      `SELECT ${expr} AS value, count(*) AS count FROM event_row WHERE ${where} AND ${expr} IS NOT NULL AND ${expr} <> '' ${extra}
       GROUP BY value ORDER BY count DESC, value LIMIT ${TOP}`,
      [host],
    );
  // Addresses: the EDR's IP-to-host map, else the source addresses the host's own events name.
  let addresses = store.all<{ ip: string; first: string; last: string; events: number }>(
    'SELECT ip, min(first_seen) AS first, max(last_seen) AS last, sum(events) AS events FROM ip_host WHERE host = ? COLLATE NOCASE GROUP BY ip ORDER BY first',
    [host],
  );
  if (addresses.length === 0) {
    addresses = store.all(
      `SELECT src_ip AS ip, min(time) AS first, max(time) AS last, count(*) AS events FROM event_row
       WHERE ${where} AND host_resolved = 0 AND src_ip IS NOT NULL AND src_ip NOT IN ('127.0.0.1', '::1', '0.0.0.0', '::', '-')
       GROUP BY src_ip ORDER BY first LIMIT 50`,
      [host],
    );
  }
  const findings: HostFinding[] = [];
  const verdicts = new Map(
    store.all<{ finding_id: string; verdict: string }>('SELECT finding_id, verdict FROM finding_verdict').map((r) => [r.finding_id, r.verdict]),
  );
  const same = (h: string | null | undefined) => !!h && h.toLowerCase() === host.toLowerCase();
  for (const f of lastRun?.findings ?? []) {
    if (!same(f.host)) continue;
    findings.push({ rule: f.rule, title: f.title, ...(f.title_code ? { title_code: f.title_code } : {}), severity: f.severity, time: f.time, eventIds: f.event_ids, verdict: f.review?.verdict ?? verdicts.get(f.id) ?? null });
  }
  if (!lastRun) {
    for (const r of store.all<{ rule: string; title: string | null; host: string | null; verdict: string; event_ids: string; time: string }>(
      'SELECT rule, title, host, verdict, event_ids, time FROM finding_verdict ORDER BY time',
    )) {
      if (!same(r.host)) continue;
      findings.push({ rule: r.rule, title: r.title ?? r.rule, severity: '', time: r.time, eventIds: JSON.parse(r.event_ids) as number[], verdict: r.verdict });
    }
  }
  findings.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  return {
    host,
    events: Number(head.n),
    first: head.lo,
    last: head.hi,
    users: top('user'),
    addresses,
    processes: top('process_name'),
    destinations: top("coalesce(domain, dst_ip)", "AND category IN ('network', 'web', 'dns', 'firewall')"),
    categories: top('category'),
    findings,
    detectionRun: lastRun !== null,
  };
}
