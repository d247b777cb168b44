// The monthly report as PDF (Japanese or English): summary, one chart per measure (by type,
// severity and phase; hours to detect, contain and close per incident), the incidents, infected
// hosts, phishing URL accesses and top indicators. The shipped IPA Gothic font carries Japanese.
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { MonthlyReport } from '../../../common/incident';
import { writeAtomically } from '../../export/finish';
import { messages } from '../../export/i18n';
import { TIME_WIDTH, ReportWriter } from '../../export/pdf/writer';
import { VERSION } from '../../version';
import { drawBars } from './bars';
import { INCIDENT_TYPES } from './collect';
import { fmtHours, monthlyStrings } from './strings';

export async function writeMonthlyPdf(report: MonthlyReport, file: string, lang: 'en' | 'ja', folder: string): Promise<void> {
  const s = monthlyStrings(lang);
  const t = report.totals;
  await writeAtomically(file, async (tmp) => {
    const w = new ReportWriter(messages(lang), { title: s.title(report.month), author: 'Tracelight', subject: s.title(report.month), creator: `Tracelight ${VERSION}`, lang: lang === 'ja' ? 'ja-JP' : 'en-US' });
    const out = createWriteStream(tmp, { flags: 'wx' });
    w.doc.pipe(out);
    w.heading(s.title(report.month));
    w.fields([
      [s.generated, new Date().toISOString()],
      [s.folder, folder],
    ]);
    w.heading(s.summary, 2);
    w.fields([
      [s.cases, String(t.cases)],
      ...INCIDENT_TYPES.map((k): [string, string] => [`  ${s.types[k]}`, String(t.by_type[k] ?? 0)]),
      [s.infectedHosts, String(t.infected_hosts)],
      [s.phishingAccess, String(t.phishing_access)],
      [s.ttd, `${s.mean} ${fmtHours(t.time_to_detect.mean_hours, s)} / ${s.worst} ${fmtHours(t.time_to_detect.worst_hours, s)}`],
      [s.ttc, `${s.mean} ${fmtHours(t.time_to_contain.mean_hours, s)} / ${s.worst} ${fmtHours(t.time_to_contain.worst_hours, s)}`],
      [s.ttclose, `${s.mean} ${fmtHours(t.time_to_close.mean_hours, s)} / ${s.worst} ${fmtHours(t.time_to_close.worst_hours, s)}`],
    ]);
    w.para(s.definitions, { size: 8, color: '#444444' });
    drawBars(w, s.byType, INCIDENT_TYPES.map((k) => ({ label: s.types[k], values: [t.by_type[k] ?? 0] })));
    drawBars(w, s.bySeverity, Object.entries(t.by_severity).map(([k, n]) => ({ label: s.severities[k] ?? k, values: [n] })));
    drawBars(w, s.byPhase, Object.entries(t.by_phase).map(([k, n]) => ({ label: s.phases[k] ?? k, values: [n] })));
    const h = (a: string | null, b: string | null) => (a && b ? Math.max(0, (Date.parse(b) - Date.parse(a)) / 3_600_000) : 0);
    if (report.cases.length) {
      drawBars(
        w,
        s.durationsChart,
        report.cases.map((c) => ({ label: c.name, values: [h(c.started, c.opened), h(c.opened, c.contained), h(c.opened, c.closed)] })),
        [s.ttd, s.ttc, s.ttclose],
      );
    }
    w.heading(s.caseList);
    if (!report.cases.length) w.para(s.none);
    else {
      w.table(
        [
          { header: s.col.case, share: 2 },
          { header: s.col.type, share: 1.4 },
          { header: s.col.severity, share: 0.8 },
          { header: s.col.phase, share: 0.9 },
          { header: s.col.started, share: 0, width: TIME_WIDTH, nowrap: true },
          { header: s.col.contained, share: 0, width: TIME_WIDTH, nowrap: true },
          { header: s.col.hosts, share: 2 },
        ],
        report.cases.map((c) => [c.name, s.types[c.type], s.severities[c.severity ?? 'unset']!, s.phases[c.phase]!, c.started ?? '', c.contained ?? '', c.infected_hosts.join(', ')]),
      );
    }
    w.heading(s.phishingAccess);
    if (!report.phishing_access.length) w.para(s.none);
    else {
      w.table(
        [
          { header: s.col.time, share: 0, width: TIME_WIDTH, nowrap: true },
          { header: s.col.host, share: 1.4 },
          { header: s.col.user, share: 1.2 },
          { header: s.col.url, share: 3 },
        ],
        report.phishing_access.map((a) => [a.time, a.host ?? a.src_ip ?? '', a.user ?? '', a.url]),
      );
    }
    w.heading(s.topIndicators);
    if (!t.top_indicators.length) w.para(s.none);
    else w.table([{ header: s.col.indicator, share: 4 }, { header: s.col.count, share: 0.6 }], t.top_indicators.map((i) => [i.indicator, String(i.cases)]));
    if (report.unreadable.length) {
      w.heading(s.unreadable);
      w.table([{ header: s.col.case, share: 2 }, { header: s.col.reason, share: 3 }], report.unreadable.map((u) => [u.case, u.reason]));
    }
    w.finishPages(s.title(report.month));
    w.doc.end();
    await finished(out);
  });
}
