// `tracelight incident CASE [--phase P] [--severity S] [--reason TEXT] [--examiner NAME]
//  [--task-done ID]... [--task-undone ID]... [--asset NAME --status S] [--standard FILE]
//  [--lang en|ja] [--json]`: the incident's phase, severity (set and proposed, with reasons),
// history, affected assets and tasks. Changes are custody entries; without any, the case is
// only read (no lock, nothing recorded).
import path from 'node:path';
import type { IncidentState } from '../../common/incident';
import { ActionError } from '../../engine/custody/actions';
import type { CaseSession } from '../../engine/custody/session';
import { setAssetStatus, setPhase, setSeverity, setTaskDone } from '../../engine/incident/actions';
import { loadIncident } from '../../engine/incident/case-incident';
import { UsageError } from '../errors';
import { write } from '../output';
import { langOf, parseCommand, type Parsed } from './incident-args';
import { openCase } from './open-case';

/** The contract's JSON shape (ARCHITECTURE.md, incident issue), plus what the app shows too. */
export function incidentJson(s: IncidentState) {
  return {
    case: s.case.path,
    phase: s.phase,
    severity: s.severity,
    proposed_severity: { level: s.proposed_severity.level, reasons: s.proposed_severity.reasons, criteria: s.proposed_severity.criteria },
    escalation: s.escalation,
    history: s.history.map((h) => ({ time: h.time, examiner: h.examiner, field: h.field, from: h.from, to: h.to, reason: h.reason, ...(h.field === 'severity' ? { proposed: h.proposed ?? null } : {}) })),
    assets: s.assets.map((a) => ({ host: a.host, src_ip: a.src_ip, user: a.user, status: a.status, origin: a.origin, why: a.why })),
    tasks: s.tasks.map((t) => ({ id: t.id, phase: t.phase, text: t.text, done: t.done, by: t.by, at: t.at })),
    times: s.times,
  };
}

export async function incidentMain(argv: string[]): Promise<number> {
  const p = parseCommand(argv, {
    examiner: { type: 'string' },
    ioc: { type: 'string', multiple: true },
    reason: { type: 'string' },
    standard: { type: 'string' },
    lang: { type: 'string' },
    phase: { type: 'string' },
    severity: { type: 'string' },
    'task-done': { type: 'string', multiple: true },
    'task-undone': { type: 'string', multiple: true },
    asset: { type: 'string' },
    status: { type: 'string' },
  });
  const [casePath, ...rest] = p.positionals;
  if (!casePath || rest.length) throw new UsageError('incident needs one CASE');
  const lang = langOf(p.str('lang'));
  if ((p.str('asset') === undefined) !== (p.str('status') === undefined)) throw new UsageError('--asset and --status go together');
  const writes = p.str('phase') !== undefined || p.str('severity') !== undefined || p.list('task-done').length > 0 || p.list('task-undone').length > 0 || p.str('asset') !== undefined;
  const session = await openCase(casePath, writes ? { examiner: p.str('examiner'), mustWrite: true } : { readOnly: true });
  try {
    let loaded = await loadIncident(session, { standardFile: p.str('standard'), lang, iocFiles: p.list('ioc') });
    if (writes) {
      try {
        act(session, p, loaded);
      } catch (err) {
        if (err instanceof ActionError) throw new UsageError(`${casePath}: ${err.message}`);
        throw err;
      }
      session.checkpoint();
      loaded = await loadIncident(session, { standardFile: p.str('standard'), lang, detection: loaded.detection, iocFiles: p.list('ioc') });
    }
    const s = loaded.state;
    await write(p.flag('json') ? `${JSON.stringify(incidentJson(s), null, 2)}\n` : summary(s, lang));
    return 0;
  } finally {
    session.close();
  }
}

function act(session: CaseSession, p: Parsed, loaded: Awaited<ReturnType<typeof loadIncident>>): void {
  const reason = p.str('reason');
  if (p.str('phase') !== undefined) setPhase(session, p.str('phase'), reason);
  if (p.str('severity') !== undefined) setSeverity(session, p.str('severity'), reason, loaded.state.proposed_severity, path.basename(loaded.standard.file));
  for (const id of p.list('task-done')) setTaskDone(session, id, true);
  for (const id of p.list('task-undone')) setTaskDone(session, id, false);
  const name = p.str('asset');
  if (name !== undefined) {
    const known = loaded.state.assets.find((a) => a.host === name || a.src_ip === name || a.user === name);
    const ref = known ?? (/^[0-9.]+$|:/.test(name) ? { src_ip: name } : { host: name });
    setAssetStatus(session, ref, p.str('status'), reason);
  }
}

function summary(s: IncidentState, lang: 'en' | 'ja'): string {
  const out: string[] = [];
  out.push(`${s.case.path}: phase ${s.phase}, severity ${s.severity ?? 'not set'} (proposed: ${s.proposed_severity.level})`);
  for (const r of s.proposed_severity.reasons) out.push(`  proposed because: ${r}`);
  if (s.escalation) {
    const targets = s.escalation.targets.map((t) => t[lang]).join(', ') || '-';
    out.push(`Escalation (${s.escalation.name[lang]}): ${targets}${s.escalation.deadline_minutes !== null ? ` within ${s.escalation.deadline_minutes} min` : ''}`);
  }
  for (const h of s.history) out.push(`${h.time}  ${h.examiner}  ${h.field}: ${h.from ?? '-'} -> ${h.to}${h.reason ? ` (${h.reason})` : ''}`);
  if (s.assets.length) out.push('', 'Assets:');
  for (const a of s.assets) out.push(`  ${a.status.padEnd(10)} ${a.host ?? a.src_ip ?? '-'}${a.user ? ` (${a.user})` : ''}${a.why ? `  ${a.why}` : ''}`);
  out.push('', 'Tasks:');
  for (const t of s.tasks) out.push(`  [${t.done ? 'x' : ' '}] ${t.phase.padEnd(13)} ${t.id}: ${t.text}${t.done ? ` (${t.by}, ${t.at})` : ''}`);
  return `${out.join('\n').replace(/[\r\t]/g, ' ')}\n`;
}
