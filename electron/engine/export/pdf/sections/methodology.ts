// The methodology appendix: the tool and its version, how times were handled for each evidence
// file (format, zone, encoding, clock correction, the format's own time semantics), detection
// (rules, problems, time taken), and the report's scope.
import { findFormat } from '../../../formats/registry';
import type { ReportData } from '../../report-data';
import type { ReportWriter } from '../writer';

export function writeMethodology(w: ReportWriter, data: ReportData): void {
  const { m } = w;
  const t = m.methodology;
  w.heading(m.sections.methodology);
  w.para(t.tool(data.version));
  w.para(t.times);
  w.heading(t.evidenceHeading, 2);
  for (const e of data.evidence) {
    w.ensure(50);
    w.para(t.fileLine(`${e.exhibit ?? `#${e.id}`} ${e.name}`, e.format, e.timezone, e.encoding), { size: 10 });
    const lines = [t.counts(e.events, e.rejected, e.skipped)];
    if (e.clock_skew_ms) lines.push(t.clockSkew(e.clock_skew_ms));
    const semantics = findFormat(e.format)?.timeSemantics;
    if (semantics) lines.push(`${t.semantics}: ${semantics}`);
    w.bullets(lines);
  }
  w.heading(t.detectionHeading, 2);
  const d = data.detection;
  if (!d) w.para(m.detections.notRun);
  else {
    w.para(t.detectionRun(d.rules.loaded, d.elapsed_s, d.findings.length));
    if (d.rules.problems.length) {
      w.para(t.ruleProblems(d.rules.problems.length));
      w.bullets(d.rules.problems.slice(0, 200).map((p) => `${p.file}${p.rule ? ` (${p.rule})` : ''}: ${p.message}`));
    }
  }
  w.para(t.reportScope);
  w.para(t.custody);
}
