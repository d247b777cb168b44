// The incident as the examiners ran it: phase and severity (with Tracelight's proposal and its
// reasons), the escalation due, the history of changes, affected assets with their status, the
// tasks done and the indicators confirmed for blocking. Read from the case's incident records
// (custody) and the detection result the report shows.
import type { DetectResult } from '../../common/detect';
import type { IncidentLang, IncidentState } from '../../common/incident';
import type { CaseSession } from '../custody/session';
import { resolveStandard } from './standard';
import { incidentState } from './state';
import { monthlyStrings } from './monthly/strings';
import { TIME_WIDTH, type ReportWriter } from '../export/pdf/writer';
import path from 'node:path';
import { registerReportSection } from '../export/pdf/feature-sections';

const WORDS = {
  en: { title: 'Incident handling', phase: 'Phase', severity: 'Severity (set by the examiner)', proposed: 'Severity proposed from the evidence', escalation: 'Escalation', within: (m: number) => `within ${m} minutes`, history: 'Changes', assets: 'Affected assets', tasks: 'Tasks done', indicators: 'Indicators confirmed for blocking', none: 'none', notSet: 'not set', status: { suspected: 'Suspected', infected: 'Infected', contained: 'Contained', cleared: 'Cleared' }, col: { time: 'Time (UTC)', examiner: 'Examiner', change: 'Change', reason: 'Reason', asset: 'Host / address', user: 'User', status: 'Status', why: 'Why', task: 'Task', by: 'Done by', indicator: 'Indicator', events: 'Source events' } },
  ja: { title: 'インシデント対応', phase: 'フェーズ', severity: '重大度（担当者の判断）', proposed: '証拠に基づく推奨重大度', escalation: 'エスカレーション', within: (m: number) => `${m}分以内`, history: '変更履歴', assets: '影響を受けた資産', tasks: '完了したタスク', indicators: '遮断対象として確定した指標', none: 'なし', notSet: '未設定', status: { suspected: '疑いあり', infected: '感染', contained: '封じ込め済み', cleared: '問題なし' }, col: { time: '日時（UTC）', examiner: '担当者', change: '変更', reason: '理由', asset: '端末／アドレス', user: 'ユーザー', status: '状態', why: '根拠', task: 'タスク', by: '実施者', indicator: '指標', events: '根拠イベント' } },
};

/** The incident state for the report, or null when it cannot be read (the report goes on without it). */
export function reportIncident(session: CaseSession, detection: DetectResult | null, lang: IncidentLang): IncidentState | null {
  try {
    return incidentState(session.store, detection, resolveStandard(undefined, [path.dirname(session.path)]), lang);
  } catch {
    return null;
  }
}

export function writeIncident(w: ReportWriter, s: IncidentState, lang: IncidentLang): void {
  const x = WORDS[lang];
  const names = monthlyStrings(lang);
  w.heading(x.title);
  const esc = s.escalation;
  w.fields([
    [x.phase, names.phases[s.phase] ?? s.phase],
    [x.severity, s.severity ? (names.severities[s.severity] ?? s.severity) : x.notSet],
    [x.proposed, `${names.severities[s.proposed_severity.level]}: ${s.proposed_severity.reasons.join(' / ')}`],
    [x.escalation, esc ? `${esc.targets.map((t) => t[lang]).join(', ') || x.none}${esc.deadline_minutes !== null ? ` (${x.within(esc.deadline_minutes)})` : ''}` : x.none],
  ]);
  const label = (field: string, v: string | null) => (v === null ? '—' : field === 'phase' ? (names.phases[v] ?? v) : (names.severities[v] ?? v));
  w.heading(x.history, 2);
  if (!s.history.length) w.para(x.none);
  else {
    w.table(
      [{ header: x.col.time, share: 0, width: TIME_WIDTH, nowrap: true }, { header: x.col.examiner, share: 1 }, { header: x.col.change, share: 1.4 }, { header: x.col.reason, share: 2.4 }],
      s.history.map((h) => [h.time, h.examiner, `${h.field === 'phase' ? x.phase : names.col.severity}: ${label(h.field, h.from)} → ${label(h.field, h.to)}`, h.reason ?? '']),
    );
  }
  w.heading(x.assets, 2);
  if (!s.assets.length) w.para(x.none);
  else {
    w.table(
      [{ header: x.col.asset, share: 1.6 }, { header: x.col.user, share: 1.2 }, { header: x.col.status, share: 0.8 }, { header: x.col.why, share: 2.6 }],
      s.assets.map((a) => [a.host ?? a.src_ip ?? '', a.user ?? '', x.status[a.status], `${a.why ?? ''}${a.updated_by ? ` (${a.updated_by} ${a.updated_at})` : ''}`]),
    );
  }
  const done = s.tasks.filter((t) => t.done);
  w.heading(x.tasks, 2);
  if (!done.length) w.para(x.none);
  else w.table([{ header: x.col.task, share: 3 }, { header: x.col.by, share: 1.2 }, { header: x.col.time, share: 0, width: TIME_WIDTH, nowrap: true }], done.map((t) => [`${names.phases[t.phase]}: ${t.text}`, t.by ?? '', t.at ?? '']));
  const confirmed = s.indicators.filter((i) => i.confirmed);
  w.heading(x.indicators, 2);
  if (!confirmed.length) w.para(x.none);
  else {
    w.table(
      [{ header: x.col.indicator, share: 3 }, { header: x.col.examiner, share: 1 }, { header: x.col.events, share: 1.4 }],
      confirmed.map((i) => [`${i.type} ${i.value}${i.port !== null ? `:${i.port}` : ''}`, i.confirmed!.examiner, i.event_ids.slice(0, 30).join(', ') + (i.event_ids.length > 30 ? ' …' : '')]),
    );
  }
}

registerReportSection<IncidentState>({
  id: 'incident',
  after: 'story',
  collect: (session, detection, lang) => reportIncident(session, detection, lang),
  write: writeIncident,
});
