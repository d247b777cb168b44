// The incident as a reader sees it: phase, severity (the examiner's) beside the severity
// Tracelight proposes from the evidence, the escalation due, the history of changes, affected
// assets, tasks and indicators, and the times the report's measures are taken from.
import type { DetectResult } from '../../common/detect';
import { INCIDENT_PHASES, type EscalationStep, type IncidentLang, type IncidentState, type IncidentTask } from '../../common/incident';
import type { CaseStore } from '../store/case-store';
import { indicatorCandidates } from './indicators';
import { proposeSeverity } from './propose';
import { changes, currentPhase, currentSeverity, history, latestAssets, latestTasks } from './records';
import type { SeverityStandard } from './standard';
import { mergeAssets } from './story-assets';
import { taskTemplate } from './tasks';
import { webStory } from './web-story';

const CONTAINED_FROM = INCIDENT_PHASES.indexOf('containment');

/** The first sign of the incident in the evidence (lure opened, first malicious run, first access). */
export function incidentStart(detection: DetectResult | null): string | null {
  if (!detection) return null;
  const i = detection.incident;
  const times = [
    i.patient_zero?.lure_time ?? null,
    i.patient_zero?.time ?? null,
    ...i.infected.map((h) => h.first_malicious),
    ...i.clicked.map((c) => c.time),
    ...i.ioc_hits.map((h) => h.time),
    ...webStory(i).attackers.filter((a) => a.successes > 0).map((a) => a.first),
    ...webStory(i).successes.map((s) => s.time),
  ].filter((t): t is string => typeof t === 'string' && t.length > 0);
  return times.length ? times.reduce((a, b) => (b < a ? b : a)) : null;
}

/** When containment was first reached and when the case was (last) closed, from the phase changes. */
export function phaseTimes(store: CaseStore): { contained: string | null; closed: string | null } {
  const phases = changes(store).filter((c) => c.field === 'phase');
  const contained = phases.find((c) => INCIDENT_PHASES.indexOf(c.new_value as never) >= CONTAINED_FROM)?.time ?? null;
  const closed = currentPhase(store).phase === 'closed' ? (phases.at(-1)?.time ?? null) : null;
  return { contained, closed };
}

export function incidentTasks(store: CaseStore, lang: IncidentLang): IncidentTask[] {
  const ticks = latestTasks(store);
  const out: IncidentTask[] = taskTemplate().map((t) => {
    const tick = ticks.get(t.id);
    return { id: t.id, phase: t.phase, text: t.text[lang], done: tick?.done === 1, by: tick?.done === 1 ? tick.examiner : null, at: tick?.done === 1 ? tick.time : null };
  });
  for (const [id, row] of ticks) {
    if (!id.startsWith('custom-')) continue;
    out.push({ id, phase: row.phase, text: lang === 'ja' ? row.text_ja : row.text_en, done: row.done === 1, by: row.done === 1 ? row.examiner : null, at: row.done === 1 ? row.time : null });
  }
  return out.sort((a, b) => INCIDENT_PHASES.indexOf(a.phase) - INCIDENT_PHASES.indexOf(b.phase));
}

export function escalationFor(standard: SeverityStandard, level: string | null): EscalationStep | null {
  const l = standard.levels.find((x) => x.id === level);
  return l ? { level: l.id, name: l.name, targets: l.escalation.targets, deadline_minutes: l.escalation.deadline_minutes } : null;
}

export function incidentState(store: CaseStore, detection: DetectResult | null, standard: SeverityStandard, lang: IncidentLang = 'en'): IncidentState {
  const meta = store.meta();
  const severity = currentSeverity(store);
  const proposed = proposeSeverity(detection, standard, lang);
  return {
    case: { path: store.path, name: meta.name, caseId: meta.caseId, createdAt: meta.createdAt },
    phase: currentPhase(store).phase,
    severity,
    proposed_severity: proposed,
    escalation: escalationFor(standard, severity ?? proposed.level),
    history: history(store),
    assets: mergeAssets(detection, latestAssets(store), lang),
    tasks: incidentTasks(store, lang),
    indicators: indicatorCandidates(store, detection),
    times: { opened: meta.createdAt, started: incidentStart(detection), ...phaseTimes(store) },
  };
}
