// Detections with their ATT&CK techniques, and IOC hits.
import { reportText } from '../../i18n/coded';
import type { ReportData } from '../../report-data';
import { TIME_WIDTH, type ReportWriter } from '../writer';

const LIMIT = 500;

export function writeDetections(w: ReportWriter, data: ReportData): void {
  const { m } = w;
  const c = m.col;
  w.heading(m.sections.detections);
  const d = data.detection;
  if (!d) return w.para(m.detections.notRun);
  if (!d.findings.length) return w.para(m.detections.none);
  const rank = { critical: 0, high: 1, medium: 2, low: 3, informational: 4 } as const;
  const findings = [...d.findings].sort((a, b) => rank[a.severity] - rank[b.severity] || a.time.localeCompare(b.time));
  w.table(
    [
      { header: c.severity, share: 1 },
      { header: c.time, share: 0, width: TIME_WIDTH, nowrap: true },
      { header: c.host, share: 1.4 },
      { header: c.title, share: 3.2 },
      { header: c.attack, share: 1.4 },
      { header: c.events, share: 0.7 },
    ],
    findings.slice(0, LIMIT).map((f) => [
      m.severity[f.severity] ?? f.severity,
      f.time,
      [f.host ?? f.src_ip, f.user].filter(Boolean).join(' / '),
      // Titles and reasons the engine wrote (web attacks) in the report's language; a rule's own words as written.
      `${reportText(w.language, f.title_code, f.title)}${f.reasons.length ? `\n${f.reasons.slice(0, 2).map((r, i) => reportText(w.language, f.reason_codes?.[i], r)).join('\n')}` : ''}${f.review ? `\n[${f.review.verdict}: ${f.review.examiner}]` : ''}`,
      f.attack.join(', '),
      String(f.event_ids.length),
    ]),
  );
  if (findings.length > LIMIT) w.para(m.moreRows(findings.length - LIMIT, m.theWorkbook), { size: 8 });
}

export function writeIocHits(w: ReportWriter, data: ReportData): void {
  const { m } = w;
  const c = m.col;
  w.heading(m.sections.iocs);
  const d = data.detection;
  if (!d) return w.para(m.detections.notRun);
  const hits = d.incident.ioc_hits;
  if (!hits.length) return w.para(m.none);
  w.table(
    [
      { header: c.time, share: 0, width: TIME_WIDTH, nowrap: true },
      { header: c.indicator, share: 2.6 },
      { header: c.type, share: 0.8 },
      { header: c.host, share: 1.4 },
      { header: c.srcIp, share: 1.3 },
      { header: c.eventId, share: 0.8 },
      { header: c.iocSource, share: 1.5 },
    ],
    hits.slice(0, LIMIT).map((h) => [h.time, h.indicator, h.type, [h.host, h.user].filter(Boolean).join(' / '), h.src_ip ?? '', String(h.event_id), h.source]),
  );
  if (hits.length > LIMIT) w.para(m.moreRows(hits.length - LIMIT, m.theWorkbook), { size: 8 });
}
