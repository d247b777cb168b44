// Reading the incident tables (migration 010) back: the latest row per key is what is in force.
import type { Severity } from '../../common/detect';
import type { IncidentChange, IncidentPhase, SeverityProposal } from '../../common/incident';
import type { CaseStore } from '../store/case-store';

export interface ChangeRow {
  id: number;
  field: 'phase' | 'severity';
  old_value: string | null;
  new_value: string;
  reason: string | null;
  proposed: string | null;
  examiner: string;
  time: string;
}

export interface AssetRow {
  id: number;
  asset_key: string;
  host: string | null;
  src_ip: string | null;
  user: string | null;
  status: string;
  reason: string | null;
  examiner: string;
  time: string;
}

export interface TaskRow {
  id: number;
  task_id: string;
  phase: IncidentPhase;
  text_en: string;
  text_ja: string;
  done: number;
  examiner: string;
  time: string;
}

export interface IndicatorRow {
  id: number;
  type: string;
  value: string;
  port: number | null;
  verdict: 'confirmed' | 'withdrawn';
  source: string | null;
  event_ids: string;
  comment: string | null;
  examiner: string;
  time: string;
}

/** Cases written before migration 010 was applied have no tables until opened by a writer. */
function hasTables(store: CaseStore): boolean {
  return store.scalar("SELECT 1 FROM sqlite_master WHERE name = 'incident_change'") !== null;
}

export function changes(store: CaseStore): ChangeRow[] {
  return hasTables(store) ? store.all<ChangeRow>('SELECT * FROM incident_change ORDER BY id') : [];
}

export function history(store: CaseStore): IncidentChange[] {
  return changes(store).map((r) => ({
    id: r.id,
    time: r.time,
    examiner: r.examiner,
    field: r.field,
    from: r.old_value,
    to: r.new_value,
    reason: r.reason,
    ...(r.field === 'severity' ? { proposed: r.proposed ? (JSON.parse(r.proposed) as SeverityProposal) : null } : {}),
  }));
}

export function currentPhase(store: CaseStore): { phase: IncidentPhase; since: string } {
  const last = changes(store).filter((c) => c.field === 'phase').at(-1);
  return last ? { phase: last.new_value as IncidentPhase, since: last.time } : { phase: 'detection', since: store.meta().createdAt };
}

export function currentSeverity(store: CaseStore): Severity | null {
  return (changes(store).filter((c) => c.field === 'severity').at(-1)?.new_value as Severity | undefined) ?? null;
}

function latest<R extends { id: number }>(rows: R[], key: (r: R) => string): Map<string, R> {
  const out = new Map<string, R>();
  for (const r of rows) out.set(key(r), r);
  return out;
}

export function latestAssets(store: CaseStore): Map<string, AssetRow> {
  return hasTables(store) ? latest(store.all<AssetRow>('SELECT * FROM incident_asset ORDER BY id'), (r) => r.asset_key) : new Map();
}

export function latestTasks(store: CaseStore): Map<string, TaskRow> {
  return hasTables(store) ? latest(store.all<TaskRow>('SELECT * FROM incident_task ORDER BY id'), (r) => r.task_id) : new Map();
}

export function latestIndicators(store: CaseStore): Map<string, IndicatorRow> {
  return hasTables(store) ? latest(store.all<IndicatorRow>('SELECT * FROM incident_indicator ORDER BY id'), (r) => `${r.type}\u0000${r.value}`) : new Map();
}
