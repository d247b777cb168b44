// The Summary sheet: what the workbook is about, as field/value rows.
import type { EventFilter } from '../../../common/protocol';
import type { Messages } from '../i18n';
import type { ReportData } from '../report-data';
import type { CellInput } from './cell-value';
import type { XlsxPackage } from './xlsx-package';

export async function writeSummarySheet(
  wb: XlsxPackage,
  m: Messages,
  data: ReportData,
  timeline: { filter: EventFilter | undefined; rows: number },
): Promise<void> {
  const sheet = wb.addSheet(m.sheets.summary, [
    { header: m.col.field, width: 38 },
    { header: m.col.value, width: 90, kind: 'wrap' },
  ]);
  const date = (iso: string | null): CellInput => (iso ? new Date(iso) : null);
  const d = data.detection;
  const rows: [string, CellInput][] = [
    [m.workbookTitle, data.case.name],
    [m.cover.caseNumber, data.case.caseNumber || m.notSet],
    [m.cover.organization, data.case.organization || m.notSet],
    [m.cover.examiners, data.case.examiners || m.notSet],
    [m.cover.caseId, data.case.caseId],
    [`${m.cover.period} — ${m.col.first}`, date(data.period.first)],
    [`${m.cover.period} — ${m.col.last}`, date(data.period.last)],
    [m.cover.generatedAt, date(data.generatedAt)],
    [m.cover.generatedBy, data.generatedBy],
    [m.cover.version, data.version],
    [m.col.events, data.totals.events],
    [m.sheets.evidence, data.evidence.length],
    [m.col.rejected, data.totals.rejected],
    [m.sheets.tagged, data.totals.tagged],
    [m.workbook.filter, timeline.filter && Object.keys(timeline.filter).length ? JSON.stringify(timeline.filter) : m.workbook.allEvents],
    [m.workbook.timelineRows, timeline.rows],
    [m.cover.custody, m.cover.custodyState(data.chain.count, data.chain.ok)],
    [m.cover.custodyHead, data.chain.head],
  ];
  if (!d) rows.push([m.sections.detections, m.detections.notRun]);
  else {
    const pz = d.incident.patient_zero;
    rows.push(
      [m.sections.detections, d.findings.length],
      [m.story.patientZero, pz ? `${pz.host}${pz.user ? ` (${pz.user})` : ''} ${pz.time}${pz.lure ? ` ${pz.lure}` : ''}` : m.none],
      [m.story.infectedHosts, d.incident.hosts.join(', ') || m.none],
      [m.story.c2, d.incident.c2.map((c) => (c.port === null ? c.ip : `${c.ip}:${c.port}`)).join(', ') || m.none],
      [m.story.payloadUrls, d.incident.payload_urls.join('\n') || m.none],
    );
  }
  rows.push(['', m.workbook.zoneNote]);
  for (const r of rows) await sheet.add(r);
  await sheet.commit();
}
