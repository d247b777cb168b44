// The incident calls of the RPC: the open case's phase, severity, assets, tasks and indicators
// (every change a custody entry), and the workspace-wide views the case list offers (phase and
// severity columns, the monthly report, the retro-hunt), which read the other cases for
// inspection only.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DetectResult } from '../../common/detect';
import type { CaseIncidentSummary, IncidentLang, IncidentState, MonthlyReportFile } from '../../common/incident';
import { ActionError } from '../custody/actions';
import { CaseSession } from '../custody/session';
import { detectWithCaseIocs } from '../detect/case-detection';
import { parseIndicatorContent } from '../detect/ioc/load';
import { confirmIndicator, setAssetStatus, setPhase, setSeverity, setTaskDone, withdrawIndicator } from '../incident/actions';
import { casesIn } from '../incident/case-folder';
import { huntCases } from '../incident/hunt';
import { monthlyReport } from '../incident/monthly/collect';
import { writeMonthlyPdf } from '../incident/monthly/pdf';
import { writeMonthlyXlsx } from '../incident/monthly/xlsx';
import { currentPhase, currentSeverity } from '../incident/records';
import { resolveStandard } from '../incident/standard';
import { incidentState } from '../incident/state';
import type { HandlerImpl } from './context';

export type IncidentMethod = keyof import('../../common/incident').IncidentHandlers;

export interface IncidentContext {
  session(): CaseSession;
  /** Runs fn as a write (one at a time, after ingests), then schedules the case's save. */
  act<T>(fn: (session: CaseSession) => T): Promise<T>;
  /** The app's last detection run on the open case, or null. */
  lastDetection(): Promise<DetectResult | null>;
  /** Where the workspace's cases are (and an organization's severity-standard.json). */
  workspaceDir(): string;
  changed(): void;
}

// A read-only detection run per open case when the app has not run one, kept while the case's
// events, indicator files and reviews stay the same.
const fallback = new WeakMap<CaseSession, { key: string; result: DetectResult }>();

const inFlight = new WeakMap<CaseSession, { key: string; result: Promise<DetectResult> }>();

const lang = (v: unknown): IncidentLang => (v === 'ja' ? 'ja' : 'en');

export function createIncidentHandlers(ctx: IncidentContext): Pick<HandlerImpl, IncidentMethod> {
  const standard = () => resolveStandard(undefined, [ctx.workspaceDir(), path.dirname(ctx.session().path)]);

  async function detection(session: CaseSession): Promise<DetectResult> {
    const last = await ctx.lastDetection();
    if (last) return last;
    const s = session.store;
    const key = [s.scalar('SELECT count(*) FROM event_row'), s.scalar('SELECT count(*) FROM ioc_file'), s.scalar('SELECT count(*) FROM finding_review')].join('/');
    const cached = fallback.get(session);
    if (cached?.key === key) return cached.result;
    // Not in the write queue (a case opened next must not wait for it); a second view asking
    // meanwhile shares the run under way.
    const running = inFlight.get(session);
    if (running?.key === key) return running.result;
    const result = detectWithCaseIocs(s, []);
    inFlight.set(session, { key, result });
    try {
      const done = await result;
      fallback.set(session, { key, result: done });
      return done;
    } finally {
      if (inFlight.get(session)?.result === result) inFlight.delete(session);
    }
  }

  async function state(l: unknown): Promise<IncidentState> {
    const session = ctx.session();
    return incidentState(session.store, await detection(session), standard(), lang(l));
  }

  /** One examiner action, then the state as it now is. */
  async function change(l: unknown, fn: (session: CaseSession, current: IncidentState) => unknown): Promise<IncidentState> {
    const current = await state('en');
    await ctx.act((session) => fn(session, current));
    ctx.changed();
    return state(l);
  }

  const candidate = (s: IncidentState, type: unknown, value: unknown) => {
    const c = s.indicators.find((i) => i.type === type && i.value === value);
    if (!c) throw new ActionError(`"${String(value)}" is not an indicator of this case's story`);
    return c;
  };

  return {
    'incident.state': (args) => state(args.lang),
    'incident.setPhase': (args) => change(args.lang, (session) => setPhase(session, args.phase, args.reason)),
    'incident.setSeverity': (args) =>
      change(args.lang, (session, s) => setSeverity(session, args.level, args.reason, s.proposed_severity, path.basename(standard().file))),
    'incident.setTask': (args) => change(args.lang, (session) => setTaskDone(session, String(args.taskId), args.done === true)),
    'incident.setAsset': (args) => change(args.lang, (session) => setAssetStatus(session, args, args.status, args.reason)),
    'incident.confirmIndicator': (args) => change(args.lang, (session, s) => confirmIndicator(session, candidate(s, args.type, args.value), args.comment)),
    'incident.withdrawIndicator': (args) => change(args.lang, (session) => withdrawIndicator(session, String(args.type), String(args.value), args.comment)),
    'incident.cases': async () => {
      const open = safeSession(ctx);
      const out: CaseIncidentSummary[] = [];
      for (const file of casesIn(ctx.workspaceDir())) {
        // Named as case.list names it, so the case list can match them.
        const listed = path.join(ctx.workspaceDir(), path.basename(file));
        if (open && path.resolve(open.path) === file) {
          out.push({ path: listed, phase: currentPhase(open.store).phase, severity: currentSeverity(open.store) });
          continue;
        }
        try {
          const s = await CaseSession.open(file, { readOnly: true });
          try {
            out.push({ path: listed, phase: currentPhase(s.store).phase, severity: currentSeverity(s.store) });
          } finally {
            s.close();
          }
        } catch {
          out.push({ path: listed, phase: null, severity: null });
        }
      }
      return out;
    },
    'incident.monthly': async (args) => {
      const month = String(args.month ?? '');
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new ActionError(`a month is YYYY-MM, not "${month}"`);
      const l = lang(args.lang);
      const report = await monthlyReport(ctx.workspaceDir(), month, { lang: l });
      const files: MonthlyReportFile[] = [];
      const wanted = Array.isArray(args.files) ? args.files : [];
      if (wanted.length) {
        const tmp = mkdtempSync(path.join(os.tmpdir(), 'tracelight-monthly-'));
        try {
          for (const kind of (['pdf', 'xlsx'] as const).filter((k) => wanted.includes(k))) {
            const name = `tracelight-monthly-${month}-${l}.${kind}`;
            const file = path.join(tmp, name);
            if (kind === 'pdf') await writeMonthlyPdf(report, file, l, ctx.workspaceDir());
            else await writeMonthlyXlsx(report, file, l);
            const bytes = readFileSync(file);
            files.push({ kind, name, base64: bytes.toString('base64'), sha256: createHash('sha256').update(bytes).digest('hex') });
          }
        } finally {
          rmSync(tmp, { recursive: true, force: true });
        }
      }
      return { report, files };
    },
    'incident.hunt': async (args) => {
      const text = String(args.indicators ?? '');
      if (!text.trim()) throw new ActionError('paste at least one indicator (one per line)');
      const file = parseIndicatorContent('pasted indicators', text);
      return huntCases(ctx.workspaceDir(), [file]);
    },
  };
}

function safeSession(ctx: IncidentContext): CaseSession | null {
  try {
    return ctx.session();
  } catch {
    return null;
  }
}
