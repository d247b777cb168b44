// The analyst-accepted triage summary (assist.summary.accepted in the custody log) in the
// executive summary: its sentences with the events they cite, uncorroborated points flagged,
// the open questions and the proposed severity. Read from the custody entries the report
// already carries, so the report shows exactly what was accepted, by whom and when.
import type { TriageSummary } from '../../../../common/assist';
import type { ReportData } from '../../report-data';
import type { ReportWriter } from '../writer';

const LABELS = {
  en: {
    heading: 'Triage summary (accepted by the examiner)',
    accepted: (who: string, when: string, entry: number) => `Accepted by ${who} at ${when} (custody entry #${entry}).`,
    events: 'events',
    unverified: '[uncorroborated: one evidence file only]',
    unknown: 'Still unknown',
    severity: (s: string, why: string) => `Proposed severity: ${s} (${why}).`,
  },
  ja: {
    heading: 'トリアージ要約（分析者が承認）',
    accepted: (who: string, when: string, entry: number) => `${who} が ${when} に承認（カストディ記録 #${entry}）。`,
    events: 'イベント',
    unverified: '［未裏付け：単一の証拠ファイルのみ］',
    unknown: '未解明の点',
    severity: (s: string, why: string) => `提案する重大度：${s}（${why}）。`,
  },
};

export function writeTriage(w: ReportWriter, data: ReportData): void {
  const entry = [...data.custody].reverse().find((e) => e.action === 'assist.summary.accepted');
  if (!entry) return;
  let summary: TriageSummary;
  try {
    summary = (JSON.parse(entry.details) as { summary: TriageSummary }).summary;
  } catch {
    return;
  }
  const l = LABELS[summary.lang === 'ja' ? 'ja' : 'en'];
  const sep = summary.lang === 'ja' ? '、' : ', ';
  w.heading(l.heading, 2);
  w.para(l.accepted(entry.examiner, entry.time, entry.id), { size: 8, color: '#555555' });
  w.bullets(summary.sentences.map((s) => `${s.text}${s.event_ids.length ? ` [${l.events} ${s.event_ids.join(', ')}]` : ''}${s.uncorroborated ? ` ${l.unverified}` : ''}`));
  w.para(l.severity(summary.severity, summary.severity_reasons.join(sep)));
  if (summary.unknowns.length) {
    w.para(l.unknown);
    w.bullets(summary.unknowns);
  }
}
