// The case assistant's calls: ask (rules, then an optional loopback model), run edited SQL
// through the same guard, the history of questions (from the custody log), and the triage
// summary with its acceptance. Each question is an assist.asked custody entry on a writable
// case; read-only cases (another holder, reviewer mode) get answers and record nothing.
import type { AskHistoryEntry, AskResult, AssistLang } from '../../common/assist';
import type { DetectResult } from '../../common/detect';
import { answerQuestion, detectLang, recordAsk, runSql } from '../assist/ask';
import type { ModelConfig } from '../assist/model';
import { acceptedSummary, acceptSummary, buildSummary } from '../assist/summary';
import type { CaseSession } from '../custody/session';
import type { HandlerImpl } from './context';

export type AssistMethod = 'assist.ask' | 'assist.run' | 'assist.history' | 'assist.summary' | 'assist.acceptSummary' | 'assist.acceptedSummary';

export interface AssistContext {
  session(): CaseSession;
  act<T>(fn: (session: CaseSession) => T): Promise<T>;
  lastDetection(): Promise<DetectResult | null>;
  runDetection(): Promise<DetectResult>;
  changed(): void;
}

/** The analyst's local model, if configured for the engine (never a remote one: see loopback.ts). */
function modelConfig(): ModelConfig | null {
  const endpoint = process.env.TRACELIGHT_MODEL_ENDPOINT;
  return endpoint ? { endpoint, model: process.env.TRACELIGHT_MODEL } : null;
}

const lang = (v: unknown, question: string): AssistLang => (v === 'ja' || v === 'en' ? v : detectLang(question));

export function createAssistHandlers(ctx: AssistContext): Pick<HandlerImpl, AssistMethod> {
  // Detection answers come from the run the Incident view shows (or a first run).
  const detection = async (): Promise<DetectResult> => (await ctx.lastDetection()) ?? (await ctx.runDetection());
  const record = async (result: AskResult, edited = false): Promise<AskResult> => {
    const session = ctx.session();
    if (session.readOnly) return result;
    await ctx.act((s) => recordAsk(s, result, { edited }));
    ctx.changed();
    return result;
  };
  return {
    'assist.ask': async (args) => {
      const q = String(args.question ?? '');
      return record(await answerQuestion(ctx.session().store, q, { lang: lang(args.lang, q), model: modelConfig(), detection }));
    },
    'assist.run': async (args) => {
      const q = String(args.question ?? '');
      const why = lang(undefined, q) === 'ja' ? '分析者が編集したSQL' : 'SQL edited by the analyst';
      return record(await runSql(ctx.session().store, q, String(args.sql ?? ''), { lang: lang(undefined, q), detection }, 'rules', why, null), true);
    },
    'assist.history': async () =>
      ctx
        .session()
        .store.all<{ id: number; time: string; examiner: string; details: string }>("SELECT id, time, examiner, details FROM custody_log WHERE action = 'assist.asked' ORDER BY id DESC LIMIT 200")
        .map((r): AskHistoryEntry => {
          const d = JSON.parse(r.details) as { question?: string; sql?: string | null; engine?: string; rows?: number; refused?: string; edited?: boolean };
          const engine = d.refused ? `refused:${d.refused}` : d.edited ? 'edited SQL' : String(d.engine ?? '');
          return { custody_id: r.id, time: r.time, examiner: r.examiner, question: String(d.question ?? ''), sql: String(d.sql ?? ''), engine, rows: Number(d.rows ?? 0) };
        }),
    'assist.summary': async (args) => {
      return buildSummary(ctx.session().store, await detection(), args.lang === 'ja' ? 'ja' : 'en');
    },
    'assist.acceptSummary': async (args) => {
      const accepted = await ctx.act((s) => acceptSummary(s, args.summary));
      ctx.changed();
      return accepted;
    },
    'assist.acceptedSummary': async () => acceptedSummary(ctx.session().store),
  };
}
