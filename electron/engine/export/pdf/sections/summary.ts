// The executive summary: what the case holds and, when detection ran, what happened.
import type { Severity } from '../../../../common/detect';
import type { ReportData } from '../../report-data';
import type { ReportWriter } from '../writer';
import { writeTriage } from './triage';

const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'informational'];

export function writeSummary(w: ReportWriter, data: ReportData): void {
  const { m } = w;
  const s = m.summary;
  w.heading(m.sections.summary);
  if (!data.chain.ok) w.para(s.chainBroken(data.chain.problem?.reason ?? ''), { color: '#b00000' });
  w.para(data.period.first ? s.overview(data.totals.events, data.evidence.length, data.period.first, data.period.last ?? '') : s.noEvents);
  if (data.totals.rejected) w.para(s.rejected(data.totals.rejected));
  writeTriage(w, data);
  const d = data.detection;
  if (!d) w.para(s.noDetection);
  else {
    const bySeverity = SEVERITIES.map((sev) => [sev, d.findings.filter((f) => f.severity === sev).length] as const)
      .filter(([, n]) => n > 0)
      .map(([sev, n]) => `${m.severity[sev]} ${n}`)
      .join(', ');
    const pz = d.incident.patient_zero;
    w.bullets([
      s.findings(d.findings.length, bySeverity),
      pz ? s.patientZero(pz.host, pz.user ?? '', pz.time, pz.lure ?? '') : s.noPatientZero,
      s.infected(d.incident.hosts.length, d.incident.hosts.join(', ') || m.none),
      s.c2(d.incident.c2.map((c) => (c.port === null ? c.ip : `${c.ip}:${c.port}`)).join(', ') || m.none),
    ]);
  }
  w.para(s.tagged(data.totals.tagged));
  w.heading(s.categories, 2);
  w.table(
    [
      { header: m.col.category, share: 3 },
      { header: m.col.events, share: 1 },
    ],
    data.categories.map((c) => [c.category, c.events.toLocaleString('en')]),
    9,
  );
  if (data.hosts.length) {
    w.heading(s.hosts, 2);
    w.table(
      [
        { header: m.col.host, share: 3 },
        { header: m.col.events, share: 1 },
      ],
      data.hosts.map((h) => [h.host, h.events.toLocaleString('en')]),
      9,
    );
  }
}
