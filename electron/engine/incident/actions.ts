// The examiner's incident actions, each one custody entry (see apply.ts for its effect):
// phase and severity changes with a reason, asset statuses, task ticks, and the indicators
// confirmed for blocking. Validation happens here, before anything is journaled.
import type { Severity } from '../../common/detect';
import {
  ASSET_STATUSES,
  INCIDENT_PHASES,
  SEVERITY_LEVELS,
  type AssetStatus,
  type IncidentPhase,
  type IndicatorCandidate,
  type Localized,
  type SeverityProposal,
} from '../../common/incident';
import { ActionError } from '../custody/actions';
import type { CustodyEntry } from '../custody/chain';
import type { CaseSession } from '../custody/session';
import { assetKey } from './apply';
import { currentPhase, currentSeverity, latestAssets, latestIndicators, latestTasks } from './records';
import { taskTemplate } from './tasks';

const MAX_TEXT = 4096;

function requiredText(v: unknown, what: string): string {
  const t = v === undefined || v === null ? '' : String(v).normalize('NFC').trim();
  if (!t) throw new ActionError(`${what} needs a reason`);
  if (t.length > MAX_TEXT) throw new ActionError(`${what}: at most ${MAX_TEXT} characters`);
  return t;
}

function optionalText(v: unknown): string | null {
  const t = v === undefined || v === null ? '' : String(v).normalize('NFC').trim();
  if (t.length > MAX_TEXT) throw new ActionError(`at most ${MAX_TEXT} characters`);
  return t || null;
}

export function setPhase(session: CaseSession, phase: unknown, reason: unknown): CustodyEntry | null {
  session.requireWritable();
  if (!INCIDENT_PHASES.includes(phase as IncidentPhase)) throw new ActionError(`unknown phase "${String(phase)}" (one of ${INCIDENT_PHASES.join(', ')})`);
  const from = currentPhase(session.store).phase;
  if (from === phase) return null;
  return session.record('incident.phase.set', { from, to: phase, reason: requiredText(reason, 'a phase change') });
}

export function setSeverity(session: CaseSession, level: unknown, reason: unknown, proposal: SeverityProposal, standardFile: string): CustodyEntry | null {
  session.requireWritable();
  if (!SEVERITY_LEVELS.includes(level as Severity)) throw new ActionError(`unknown severity "${String(level)}" (one of ${SEVERITY_LEVELS.join(', ')})`);
  const from = currentSeverity(session.store);
  if (from === level) return null;
  return session.record('incident.severity.set', {
    from,
    to: level,
    reason: requiredText(reason, 'a severity change'),
    proposed: { level: proposal.level, reasons: proposal.reasons, criteria: proposal.criteria },
    standard: standardFile,
  });
}

export interface AssetRef {
  host?: string | null;
  src_ip?: string | null;
  user?: string | null;
}

export function setAssetStatus(session: CaseSession, asset: AssetRef, status: unknown, reason?: unknown): CustodyEntry | null {
  session.requireWritable();
  if (!ASSET_STATUSES.includes(status as AssetStatus)) throw new ActionError(`unknown asset status "${String(status)}" (one of ${ASSET_STATUSES.join(', ')})`);
  const clean = (v: unknown) => optionalText(v);
  const ref = { host: clean(asset.host), src_ip: clean(asset.src_ip), user: clean(asset.user) };
  if (!ref.host && !ref.src_ip && !ref.user) throw new ActionError('an asset needs a host, an address or a user');
  const prev = latestAssets(session.store).get(assetKey(ref));
  if (prev?.status === status) return null;
  return session.record('incident.asset.set', { ...ref, from: prev?.status ?? null, status, reason: optionalText(reason) });
}

export function setTaskDone(session: CaseSession, taskId: string, done: boolean): CustodyEntry | null {
  session.requireWritable();
  const custom = latestTasks(session.store).get(taskId);
  const template = taskTemplate().find((t) => t.id === taskId);
  const task = template ?? (custom ? { phase: custom.phase, text: { en: custom.text_en, ja: custom.text_ja } } : null);
  if (!task) throw new ActionError(`no task "${taskId}"`);
  if ((custom?.done === 1) === done) return null;
  return session.record('incident.task.set', { taskId, phase: task.phase, text: task.text, done });
}

export function addTask(session: CaseSession, phase: unknown, text: Partial<Localized>): CustodyEntry {
  session.requireWritable();
  if (!INCIDENT_PHASES.includes(phase as IncidentPhase)) throw new ActionError(`unknown phase "${String(phase)}"`);
  const en = optionalText(text.en) ?? optionalText(text.ja);
  if (!en) throw new ActionError('a task needs text');
  return session.record('incident.task.added', { phase, text: { en, ja: optionalText(text.ja) ?? en }, done: false });
}

export function confirmIndicator(session: CaseSession, c: IndicatorCandidate, comment?: unknown): CustodyEntry | null {
  session.requireWritable();
  const prev = latestIndicators(session.store).get(`${c.type}\u0000${c.value}`);
  if (prev?.verdict === 'confirmed') return null;
  return session.record('incident.indicator.confirmed', {
    type: c.type,
    value: c.value,
    port: c.port,
    source: c.source,
    eventIds: c.event_ids.slice(0, 1000),
    comment: optionalText(comment),
  });
}

export function withdrawIndicator(session: CaseSession, type: string, value: string, reason?: unknown): CustodyEntry | null {
  session.requireWritable();
  const prev = latestIndicators(session.store).get(`${type}\u0000${value}`);
  if (!prev || prev.verdict !== 'confirmed') throw new ActionError(`indicator ${value} is not confirmed`);
  return session.record('incident.indicator.withdrawn', { type, value, port: prev.port, source: prev.source, eventIds: [], comment: optionalText(reason) });
}
