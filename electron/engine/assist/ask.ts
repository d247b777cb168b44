// One question, end to end: refuse requests to write, read the question (rules, then the
// optional local model), guard the SQL, run it bounded, cite the events, record it in custody.
import type { AskAnswer, AskEngine, AskRefusal, AskResult, AssistLang } from '../../common/assist';
import type { CaseSession } from '../custody/session';
import type { CaseStore } from '../store/case-store';
import type { DetectResult } from '../../common/detect';
import { detectWithCaseIocs } from '../detect/case-detection';
import { citedIds, countedEvents, listedOf, rowsOf } from './answer';
import { detectionSql, explainDetection, readDetectionQuestion } from './detection-question';
import { detectionTables, readsDetection } from './detection-tables';
import { checkReadOnlyText, GuardError } from './guard';
import { askModel, type ModelConfig } from './model';
import { parseQuestion } from './parse';
import type { Plan } from './plan';
import { QueryError, QueryTimeoutError, runBounded, withSnapshotTables } from './run-bounded';
import { timelineQuery } from './timeline-query';
import { buildSql, explain } from './sql';
import { loadVocabulary, type Vocabulary } from './vocabulary';
import { isWriteRequest } from './write-request';

export interface AskOptions {
  lang?: AssistLang;
  rowCap?: number;
  timeoutMs?: number;
  model?: ModelConfig | null;
  /**
   * The case's detection results, for questions answered from them (the workbench's last run;
   * by default a fresh run over the case with its kept indicator files, as `detect` does).
   */
  detection?: () => Promise<DetectResult>;
}

export const DEFAULT_ROW_CAP = 1000;
export const DEFAULT_TIMEOUT_MS = 10000;

const vocabularies = new WeakMap<CaseStore, { key: string; vocab: Vocabulary }>();

/** The case vocabulary, read again only when events were added or removed. */
export function vocabularyOf(store: CaseStore): Vocabulary {
  const key = JSON.stringify(store.db.exec('SELECT count(*), max(id) FROM event_row')[0]?.values[0] ?? []);
  const hit = vocabularies.get(store);
  if (hit && hit.key === key) return hit.vocab;
  const vocab = loadVocabulary(store);
  vocabularies.set(store, { key, vocab });
  return vocab;
}

export function detectLang(question: string): AssistLang {
  return /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(question) ? 'ja' : 'en';
}

const SUGGEST = {
  en: 'try e.g. "how many events on HOST between 00:10 and 00:20 UTC", "which hosts ran powershell.exe", "top 5 domains", "first connection to 198.51.100.23"',
  ja: '例: 「HOSTで00:10から00:20(UTC)のイベントは何件」「powershell.exeを実行したホストは」「上位5件のドメイン」「198.51.100.23への最初の通信」',
};

function refuse(question: string, kind: AskRefusal['kind'], problem: string, suggestion: string, sql?: string): AskResult {
  return { ok: false, question, refusal: { kind, problem, suggestion }, ...(sql ? { sql } : {}) };
}

/** Reads and answers a question without recording anything (recordAsk does that). */
export async function answerQuestion(store: CaseStore, question: string, opts: AskOptions = {}): Promise<AskResult> {
  const lang = opts.lang ?? detectLang(question);
  const q = question.trim();
  if (!q) return refuse(q, 'unparsed', 'empty question', SUGGEST[lang]);
  if (isWriteRequest(q)) {
    return refuse(q, 'write-request', lang === 'ja' ? 'ケースを変更する依頼です。アシスタントは読み取り専用のため、何も変更していません' : 'this asks to change the case; the assistant only reads, and nothing was changed', lang === 'ja' ? 'タグやメモは事象の詳細パネルから付けてください（カストディログに記録されます）' : 'tags and notes are added from the event detail panel (recorded in the custody log)');
  }
  const vocab = vocabularyOf(store);
  const detectionPlan = readDetectionQuestion(q, vocab);
  if (detectionPlan) return runSql(store, q, detectionSql(detectionPlan), { ...opts, lang }, 'rules', explainDetection(detectionPlan, lang), null);
  const parsed = parseQuestion(q, vocab);
  let sql: string;
  let engine: AskEngine = 'rules';
  let plan: Plan | null = null;
  let why: string;
  if (parsed.ok) {
    plan = parsed.plan;
    sql = buildSql(plan, opts.rowCap ?? DEFAULT_ROW_CAP);
    why = explain(plan, lang);
  } else if (opts.model) {
    const m = await askModel(store, vocab, q, opts.model, lang);
    if (!m.ok) return refuse(q, m.kind, m.problem, SUGGEST[lang], m.sql);
    sql = m.sql;
    engine = `model:${m.model}`;
    why = lang === 'ja' ? `規則で読めなかった質問を ${m.model} がSQLにしました（検査済み・読み取り専用）` : `rules could not read this question; ${m.model} wrote the SQL (checked, read-only)`;
  } else {
    return refuse(q, 'unparsed', `cannot turn this question into a query: ${parsed.problem}`, SUGGEST[lang]);
  }
  const result = await runSql(store, q, sql, { ...opts, lang }, engine, why, plan);
  return result;
}

/** Runs SQL (generated or edited by the analyst) through the guard, bounded. */
export async function runSql(store: CaseStore, question: string, sql: string, opts: AskOptions, engine: AskEngine, why: string, plan: Plan | null): Promise<AskResult> {
  const lang = opts.lang ?? detectLang(question);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const refusal = (err: GuardError, text: string): AskResult =>
    refuse(question, /^SQL error/.test(err.message) ? 'sql-error' : 'unsafe-sql', err.message, 'only one SELECT over events (and the detection tables) may run', text);
  let safe: string;
  try {
    safe = checkReadOnlyText(sql);
  } catch (err) {
    if (err instanceof GuardError) return refusal(err, sql);
    throw err;
  }
  try {
    // The detection tables exist only in the snapshot, made from one detection run per state of the case.
    if (readsDetection(safe)) await withSnapshotTables(store, async () => detectionTables(await (opts.detection ?? (() => detectWithCaseIocs(store, [])))()));
    // The guard's compile step runs in the worker, on the snapshot the statement runs on.
    const r = await runBounded(store, safe, { rowCap: opts.rowCap ?? DEFAULT_ROW_CAP, timeoutMs, guard: true });
    const ids = citedIds(r);
    const timeline = plan
      ? await timelineQuery(store, plan, listedOf(plan, r), timeoutMs)
      : readsDetection(safe)
        ? { query: null, events: null, reason: 'answered from the detection results, not a filter over the events: its cited events are listed with it', reason_code: 'detection' as const }
        : { query: null, events: null, reason: 'SQL not written by the question reader (edited or from a model) is not turned into a query', reason_code: 'sql' as const };
    const answer: AskAnswer = {
      question,
      sql: safe,
      columns: r.columns,
      rows: rowsOf(r),
      event_ids: ids,
      engine,
      explanation: why,
      truncated: r.truncated,
      elapsed_ms: Math.round(r.elapsedMs),
      timeline,
      counted: countedEvents(plan, r),
      process_ids: await processIds(store, ids, timeoutMs),
      custody_id: null,
    };
    return { ok: true, answer };
  } catch (err) {
    if (err instanceof GuardError) return refusal(err, safe);
    if (err instanceof QueryTimeoutError) return refuse(question, 'timeout', err.message, lang === 'ja' ? '時間や対象ホストで絞り込んでください' : 'narrow it by time or host', safe);
    if (err instanceof QueryError) return refuse(question, 'sql-error', `SQL error: ${err.message}`, 'check the SQL', safe);
    throw err;
  }
}

/** The cited events that are process events (their rows open the process tree). */
async function processIds(store: CaseStore, ids: number[], timeoutMs: number): Promise<number[]> {
  if (!ids.length) return [];
  const r = await runBounded(store, `SELECT id FROM events WHERE category = 'process' AND id IN (${ids.map((n) => Math.trunc(n)).join(',')})`, { rowCap: ids.length, timeoutMs });
  return r.rows.map((row) => Number(row[0]));
}

/** Records the question and the SQL that ran (or why none did) as an assist.asked entry. */
export function recordAsk(session: CaseSession, result: AskResult, opts: { edited?: boolean } = {}): number | null {
  if (session.readOnly) return null;
  const details = result.ok
    ? { question: result.answer.question, sql: result.answer.sql, engine: result.answer.engine, rows: result.answer.rows.length, eventIds: result.answer.event_ids.length }
    : { question: result.question, sql: result.sql ?? null, refused: result.refusal.kind, problem: result.refusal.problem };
  // SQL the analyst edited is recorded as such: the engine did not write it.
  if (opts.edited) Object.assign(details, { edited: true });
  const entry = session.record('assist.asked', details);
  if (result.ok) result.answer.custody_id = entry.id;
  return entry.id;
}
