// `tracelight report monthly FOLDER --month YYYY-MM [--pdf F] [--xlsx F] [--lang ja|en]
//  [--standard FILE] [--json]`: the month's incidents over every case in a folder, read-only.
import path from 'node:path';
import type { MonthlyReport } from '../../common/incident';
import { monthlyReport } from '../../engine/incident/monthly/collect';
import { writeMonthlyPdf } from '../../engine/incident/monthly/pdf';
import { fmtHours, monthlyStrings } from '../../engine/incident/monthly/strings';
import { writeMonthlyXlsx } from '../../engine/incident/monthly/xlsx';
import { UsageError } from '../errors';
import { warn, write } from '../output';
import { langOf, parseCommand } from './incident-args';

export async function reportMain(argv: string[]): Promise<number> {
  const p = parseCommand(argv, {
    month: { type: 'string' },
    pdf: { type: 'string' },
    xlsx: { type: 'string' },
    lang: { type: 'string' },
    standard: { type: 'string' },
  });
  const [kind, folder, ...rest] = p.positionals;
  if (kind !== 'monthly') throw new UsageError('report needs a kind: `report monthly FOLDER --month YYYY-MM`');
  if (!folder || rest.length) throw new UsageError('report monthly needs one FOLDER');
  const month = p.str('month');
  if (!month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new UsageError(`--month is YYYY-MM, not "${month ?? ''}"`);
  const lang = langOf(p.str('lang'));
  const report = await monthlyReport(folder, month, { standardFile: p.str('standard'), lang });
  for (const u of report.unreadable) warn(`${u.case}: not in the report (${u.reason})`);
  const pdf = p.str('pdf');
  const xlsx = p.str('xlsx');
  if (pdf) await writeMonthlyPdf(report, pdf, lang, path.resolve(folder));
  if (xlsx) await writeMonthlyXlsx(report, xlsx, lang);
  await write(p.flag('json') ? `${JSON.stringify(report, null, 2)}\n` : text(report, lang));
  return 0;
}

function text(r: MonthlyReport, lang: 'en' | 'ja'): string {
  const s = monthlyStrings(lang);
  const t = r.totals;
  const out = [
    `${s.title(r.month)}: ${s.cases} ${t.cases}, ${s.infectedHosts} ${t.infected_hosts}, ${s.phishingAccess} ${t.phishing_access}`,
    `${s.ttd}: ${s.mean} ${fmtHours(t.time_to_detect.mean_hours, s)}, ${s.worst} ${fmtHours(t.time_to_detect.worst_hours, s)}`,
    `${s.ttc}: ${s.mean} ${fmtHours(t.time_to_contain.mean_hours, s)}, ${s.worst} ${fmtHours(t.time_to_contain.worst_hours, s)}`,
    `${s.ttclose}: ${s.mean} ${fmtHours(t.time_to_close.mean_hours, s)}, ${s.worst} ${fmtHours(t.time_to_close.worst_hours, s)}`,
  ];
  for (const c of r.cases) out.push(`  ${c.name}: ${s.types[c.type]}, ${s.severities[c.severity ?? 'unset']}, ${s.phases[c.phase]}, ${c.infected_hosts.join(' ') || '-'}`);
  return `${out.join('\n').replace(/[\r\t]/g, ' ')}\n`;
}
