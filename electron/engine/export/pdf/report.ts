// The report for management and lawyers: cover, executive summary, incident story, timeline
// chart, tagged evidence with notes, detections with ATT&CK, IOC hits, evidence with hashes,
// custody log, methodology. The app (RPC) and `tracelight export --pdf` both call this function.
// The timeline is summarized (chart + tagged events), never listed row by row: a case of a
// million events gives a report of the same length as a case of a thousand.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { canonicalJson } from '../../custody/chain';
import type { CaseSession } from '../../custody/session';
import { finishExport, writeAtomically, type ExportResult } from '../finish';
import { messages } from '../i18n';
import { collectReportData, type ReportData } from '../report-data';
import type { ExportOptions } from '../types';
import { drawTimelineChart } from './chart';
import { collectFeatureSections } from './feature-sections';
import { writeCover } from './sections/cover';
import { writeCustody } from './sections/custody';
import { writeEvidence } from './sections/evidence';
import { writeDetections, writeIocHits } from './sections/findings';
import { writeMethodology } from './sections/methodology';
import { writeStory } from './sections/story';
import { writeSummary } from './sections/summary';
import { writeTagged } from './sections/tagged';
import { writeWebStory } from './sections/web';
import { ReportWriter } from './writer';

/** SHA-256 of the canonical JSON of everything the report shows (stated on its cover). */
function reportContentDigest(data: ReportData, language: string): string {
  return createHash('sha256').update(canonicalJson({ language, ...data }), 'utf8').digest('hex');
}

export async function writePdfReport(session: CaseSession, file: string, opts: ExportOptions): Promise<ExportResult> {
  const m = messages(opts.language);
  const data = collectReportData(session, opts.detection);
  const lang = opts.language === 'ja' ? 'ja' : 'en';
  const extras = collectFeatureSections(session, opts.detection, lang);
  // Feature sections join the digest under their ids, before the case's own data.
  const shown: ReportData = Object.assign(Object.fromEntries(extras.map((x) => [x.section.id, x.data])), data);
  const digest = reportContentDigest(shown, opts.language);
  await writeAtomically(file, async (tmp) => {
    const w = new ReportWriter(m, {
      title: `${m.reportTitle}: ${data.case.name}`,
      author: data.case.examiners || data.generatedBy,
      subject: data.case.caseNumber || data.case.name,
      creator: `Tracelight ${data.version}`,
      lang: opts.language === 'ja' ? 'ja-JP' : 'en-US',
    });
    const out = createWriteStream(tmp, { flags: 'wx' });
    w.doc.pipe(out);
    writeCover(w, data, digest);
    w.newPage();
    writeSummary(w, data);
    for (const x of extras) if (x.section.after === 'summary') x.section.write(w, x.data, lang);
    writeStory(w, data);
    writeWebStory(w, data, opts.language);
    for (const x of extras) if (x.section.after === 'story') x.section.write(w, x.data, lang);
    w.heading(m.sections.chart);
    drawTimelineChart(w, data.histogram);
    w.para(m.chart.scope, { size: 9, color: '#444444' });
    writeTagged(w, data);
    writeDetections(w, data);
    writeIocHits(w, data);
    writeEvidence(w, data);
    writeCustody(w, data);
    writeMethodology(w, data);
    w.finishPages(`${data.case.name} — ${m.reportTitle}${data.case.caseNumber ? ` (${data.case.caseNumber})` : ''}`);
    w.doc.end();
    await finished(out);
  });
  // For a report, "rows" is the number of events it summarizes.
  return finishExport(session, 'pdf', file, opts, data.totals.events);
}
