// The monthly report as a workbook: Summary (measures), Incidents, Phishing accesses and Top
// indicators sheets, written by the export's own streaming SpreadsheetML writer.
import type { MonthlyReport } from '../../../common/incident';
import { writeAtomically } from '../../export/finish';
import { XlsxPackage } from '../../export/xlsx/xlsx-package';
import { VERSION } from '../../version';
import { INCIDENT_TYPES } from './collect';
import { monthlyStrings } from './strings';

const date = (iso: string | null): Date | null => (iso ? new Date(iso) : null);

export async function writeMonthlyXlsx(report: MonthlyReport, file: string, lang: 'en' | 'ja'): Promise<void> {
  const s = monthlyStrings(lang);
  const t = report.totals;
  const created = new Date();
  await writeAtomically(file, async (tmp) => {
    const wb = new XlsxPackage(tmp, created);
    try {
      const sum = wb.addSheet(s.sheets.summary, [
        { header: s.col.measure, width: 40 },
        { header: s.col.value, width: 60, kind: 'wrap' },
      ]);
      const rows: [string, string | number | null][] = [
        [s.title(report.month), report.month],
        [s.cases, t.cases],
        ...INCIDENT_TYPES.map((k): [string, number] => [`${s.byType}: ${s.types[k]}`, t.by_type[k] ?? 0]),
        ...Object.entries(t.by_severity).map(([k, n]): [string, number] => [`${s.bySeverity}: ${s.severities[k] ?? k}`, n]),
        ...Object.entries(t.by_phase).map(([k, n]): [string, number] => [`${s.byPhase}: ${s.phases[k] ?? k}`, n]),
        [s.infectedHosts, t.infected_hosts],
        [s.phishingAccess, t.phishing_access],
        [`${s.ttd} (${s.mean}, ${s.hoursUnit})`, t.time_to_detect.mean_hours],
        [`${s.ttd} (${s.worst}, ${s.hoursUnit})`, t.time_to_detect.worst_hours],
        [`${s.ttc} (${s.mean}, ${s.hoursUnit})`, t.time_to_contain.mean_hours],
        [`${s.ttc} (${s.worst}, ${s.hoursUnit})`, t.time_to_contain.worst_hours],
        [`${s.ttclose} (${s.mean}, ${s.hoursUnit})`, t.time_to_close.mean_hours],
        [`${s.ttclose} (${s.worst}, ${s.hoursUnit})`, t.time_to_close.worst_hours],
        ['', s.definitions],
      ];
      for (const r of rows) await sum.add(r);
      await sum.commit();
      const cases = wb.addSheet(s.sheets.cases, [
        { header: s.col.case, width: 30 },
        { header: s.col.type, width: 22 },
        { header: s.col.severity, width: 12 },
        { header: s.col.phase, width: 14 },
        { header: s.col.started, width: 22, kind: 'date' },
        { header: s.col.opened, width: 22, kind: 'date' },
        { header: s.col.contained, width: 22, kind: 'date' },
        { header: s.col.closed, width: 22, kind: 'date' },
        { header: s.col.hosts, width: 40, kind: 'wrap' },
        { header: s.col.attackers, width: 30, kind: 'wrap' },
      ]);
      for (const c of report.cases) {
        await cases.add([c.name, s.types[c.type], s.severities[c.severity ?? 'unset']!, s.phases[c.phase]!, date(c.started), date(c.opened), date(c.contained), date(c.closed), c.infected_hosts.join('\n'), c.attackers.join('\n')]);
      }
      await cases.commit();
      const access = wb.addSheet(s.sheets.phishing, [
        { header: s.col.time, width: 22, kind: 'date' },
        { header: s.col.case, width: 30 },
        { header: s.col.host, width: 28 },
        { header: s.col.user, width: 24 },
        { header: s.col.url, width: 70 },
      ]);
      for (const a of report.phishing_access) {
        const name = report.cases.find((c) => c.case === a.case)?.name ?? a.case;
        await access.add([date(a.time), name, a.host ?? a.src_ip, a.user, a.url]);
      }
      await access.commit();
      const top = wb.addSheet(s.sheets.indicators, [
        { header: s.col.indicator, width: 70 },
        { header: s.col.count, width: 10 },
      ]);
      for (const i of t.top_indicators) await top.add([i.indicator, i.cases]);
      await top.commit();
      await wb.finish({ title: s.title(report.month), creator: `Tracelight ${VERSION}`, lastModifiedBy: 'Tracelight', created });
    } catch (err) {
      await wb.abort();
      throw err;
    }
  });
}
