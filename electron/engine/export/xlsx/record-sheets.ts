// The sheets listing the case's records: tagged evidence with notes, detections, IOC hits,
// the evidence registry and the custody log.
import type { Messages } from '../i18n';
import { eventSummary } from '../event-summary';
import type { ReportData } from '../report-data';
import type { XlsxPackage } from './xlsx-package';
import { reportText } from '../i18n/coded';
import type { ReportLanguage } from '../types';

export async function writeTaggedSheet(wb: XlsxPackage, m: Messages, data: ReportData): Promise<void> {
  const c = m.col;
  const sheet = wb.addSheet(m.sheets.tagged, [
    { header: c.eventId, width: 10, kind: 'number' },
    { header: c.time, width: 24, kind: 'date' },
    { header: c.host, width: 18 },
    { header: c.user, width: 18 },
    { header: c.summary, width: 60, kind: 'wrap' },
    { header: c.labels, width: 20 },
    { header: `${c.labels} — ${c.examiner}`, width: 20 },
    { header: c.notes, width: 60, kind: 'wrap' },
    { header: `${c.notes} — ${c.examiner}`, width: 20 },
    { header: `${c.notes} — ${c.time}`, width: 24, kind: 'date' },
    { header: m.tagged.source, width: 40 },
    { header: 'source_line', width: 10, kind: 'number' },
  ]);
  for (const b of data.tagged) {
    const r = b.row;
    const labels = b.tags.map((t) => t.label).join(', ');
    const taggers = [...new Set(b.tags.map((t) => t.examiner))].join(', ');
    const base = [r.id, r.time, r.host, r.user, eventSummary(r), labels, taggers] as const;
    // One row per note, so each note keeps its own examiner and time; a tag without notes gets one row.
    const notes = b.notes.length ? b.notes : [null];
    for (const n of notes) await sheet.add([...base, n?.text ?? null, n?.edited_by ?? null, n?.edited_at ?? null, r.source_file, r.source_line]);
  }
  await sheet.commit();
}

export async function writeDetectionsSheet(wb: XlsxPackage, m: Messages, data: ReportData, language: ReportLanguage): Promise<void> {
  const c = m.col;
  const sheet = wb.addSheet(m.sheets.detections, [
    { header: c.time, width: 24, kind: 'date' },
    { header: c.severity, width: 12 },
    { header: c.attack, width: 22 },
    { header: c.stage, width: 14 },
    { header: c.title, width: 50, kind: 'wrap' },
    { header: c.rule, width: 30 },
    { header: c.host, width: 18 },
    { header: c.user, width: 18 },
    { header: c.events, width: 10, kind: 'number' },
    { header: c.eventIds, width: 30 },
    { header: c.reasons, width: 70, kind: 'wrap' },
    { header: 'review', width: 30 },
  ]);
  const d = data.detection;
  if (!d) await sheet.add([null, null, null, null, m.detections.notRun]);
  else if (!d.findings.length) await sheet.add([null, null, null, null, m.detections.none]);
  for (const f of d?.findings ?? []) {
    await sheet.add([
      f.time,
      m.severity[f.severity] ?? f.severity,
      f.attack.join(', '),
      m.stage[f.stage] ?? f.stage,
      reportText(language, f.title_code, f.title),
      f.rule,
      f.host ?? f.src_ip ?? null,
      f.user,
      f.event_ids.length,
      f.event_ids.join(', '),
      // A reason the engine wrote in the report's language (beacon timing, decoded payloads...);
      // the values from the evidence inside it stay as written.
      f.reasons.map((r, i) => reportText(language, f.reason_codes?.[i], r)).join('\n'),
      f.review ? `${f.review.verdict} — ${f.review.examiner} ${f.review.time}${f.review.comment ? `: ${f.review.comment}` : ''}` : null,
    ]);
  }
  await sheet.commit();
}

export async function writeIocSheet(wb: XlsxPackage, m: Messages, data: ReportData): Promise<void> {
  const c = m.col;
  const sheet = wb.addSheet(m.sheets.iocs, [
    { header: c.time, width: 24, kind: 'date' },
    { header: c.indicator, width: 40 },
    { header: c.type, width: 10 },
    { header: c.iocSource, width: 30 },
    { header: c.host, width: 18 },
    { header: c.user, width: 18 },
    { header: c.srcIp, width: 16 },
    { header: c.eventId, width: 10, kind: 'number' },
  ]);
  const d = data.detection;
  if (!d) await sheet.add([null, m.detections.notRun]);
  else if (!d.incident.ioc_hits.length) await sheet.add([null, m.none]);
  for (const h of d?.incident.ioc_hits ?? []) await sheet.add([h.time, h.indicator, h.type, h.source, h.host, h.user, h.src_ip, h.event_id]);
  await sheet.commit();
}

export async function writeEvidenceSheet(wb: XlsxPackage, m: Messages, data: ReportData): Promise<void> {
  const c = m.col;
  const sheet = wb.addSheet(m.sheets.evidence, [
    { header: c.exhibit, width: 10 },
    { header: c.name, width: 30 },
    { header: c.path, width: 50 },
    { header: c.size, width: 14, kind: 'number' },
    { header: 'SHA-256', width: 66 },
    { header: 'SHA-1', width: 42 },
    { header: 'MD5', width: 34 },
    { header: c.format, width: 22 },
    { header: c.encoding, width: 12 },
    { header: c.timezone, width: 18 },
    { header: c.clockSkew, width: 14, kind: 'number' },
    { header: c.events, width: 12, kind: 'number' },
    { header: c.rejected, width: 10, kind: 'number' },
    { header: c.status, width: 12 },
    { header: c.providedBy, width: 20 },
    { header: c.acquiredAt, width: 20 },
    { header: c.acquiredHow, width: 24 },
    { header: c.sourceHost, width: 18 },
    { header: c.addedAt, width: 24, kind: 'date' },
    { header: c.mtime, width: 24, kind: 'date' },
    { header: 'container', width: 12 },
    { header: 'entry_name', width: 30 },
  ]);
  for (const e of data.evidence) {
    await sheet.add([
      e.exhibit, e.name, e.path, e.size, e.sha256, e.sha1, e.md5, e.format, e.encoding, e.timezone, e.clock_skew_ms,
      e.events, e.rejected, e.status, e.provided_by, e.acquired_at, e.acquired_how, e.source_host, e.added_at, e.mtime,
      e.container, e.entry_name,
    ]);
  }
  await sheet.commit();
}

export async function writeCustodySheet(wb: XlsxPackage, m: Messages, data: ReportData): Promise<void> {
  const c = m.col;
  const sheet = wb.addSheet(m.sheets.custody, [
    { header: c.id, width: 8, kind: 'number' },
    { header: c.time, width: 24, kind: 'date' },
    { header: c.examiner, width: 20 },
    { header: c.workstation, width: 18 },
    { header: m.cover.version, width: 12 },
    { header: c.action, width: 20 },
    { header: c.details, width: 80 },
    { header: 'prev_hash', width: 66 },
    { header: c.entryHash, width: 66 },
  ]);
  for (const e of data.custody) await sheet.add([e.id, e.time, e.examiner, e.workstation, e.version, e.action, e.details, e.prev_hash, e.entry_hash]);
  await sheet.commit();
}
