// Questions the rules cannot read may go to a local OpenAI-compatible server (llama.cpp's
// server, Ollama) the analyst runs on loopback. The model sees only the columns this case has
// values in and a few examples written by the rules from the case's own values; what it
// returns is taken apart (SQL only), checked by the read-only guard, limited to known tables,
// and compiled with EXPLAIN before it is shown or run.
import http from 'node:http';
import https from 'node:https';
import type { AskRefusal, AssistLang } from '../../common/assist';
import type { CaseStore } from '../store/case-store';
import { GuardError, guardSql, stripLiterals } from './guard';
import { checkEndpoint, EndpointError, type CheckedEndpoint } from './loopback';
import { parseQuestion } from './parse';
import { buildSql } from './sql';
import { presentColumns, type Vocabulary } from './vocabulary';

export interface ModelConfig {
  endpoint: string;
  /** Model name sent to the server; the server's reply names the model in the label. */
  model?: string;
  timeoutMs?: number;
}

export type ModelOutcome = { ok: true; sql: string; model: string } | { ok: false; kind: AskRefusal['kind']; problem: string; sql?: string };

const TABLES = new Set(['events', 'finding_verdict', 'finding_review', 'tag', 'notes', 'ioc_file']);

/** Example questions answered by the rules with this case's values, as few-shot examples. */
export function examplesFor(vocab: Vocabulary): { q: string; sql: string }[] {
  const first = (field: string): string | null => {
    for (const list of vocab.keys.values()) for (const e of list) if (e.field === field) return e.value;
    return null;
  };
  const host = first('host');
  const qs = [host ? `how many events on ${host}` : 'how many events', 'top 5 domains', host ? `which users were on ${host}` : 'which users'];
  const out: { q: string; sql: string }[] = [];
  for (const q of qs) {
    const p = parseQuestion(q, vocab);
    if (p.ok) out.push({ q, sql: buildSql(p.plan, 100) });
  }
  return out;
}

export function promptFor(store: CaseStore, vocab: Vocabulary, question: string, lang: AssistLang): { role: string; content: string }[] {
  const columns = presentColumns(store);
  const examples = examplesFor(vocab)
    .map((e) => `Q: ${e.q}\nSQL:\n${e.sql}`)
    .join('\n\n');
  const system =
    `You translate an investigator's question about one forensic case into ONE SQLite SELECT statement.\n` +
    `Table: events(${columns.join(', ')}). time is ISO-8601 UTC text like 2026-10-05T00:12:41.000Z.\n` +
    `Categories in this case: ${vocab.categories.join(', ')}. Case time zone: ${vocab.zone}.\n` +
    `Rules: read only (SELECT or WITH); select the id column, or group_concat(id) AS event_ids for aggregates; no PRAGMA, no ATTACH.\n` +
    `Answer with the SQL only, no explanation. The question may be in ${lang === 'ja' ? 'Japanese' : 'English'}.\n\n${examples}`;
  return [
    { role: 'system', content: system },
    { role: 'user', content: question },
  ];
}

/** The SQL inside a model's reply: a fenced block if there is one, else the text from SELECT/WITH. */
export function extractSql(content: string): string | null {
  const fenced = /```(?:sql|sqlite)?\s*\n?([\s\S]*?)```/i.exec(content);
  const text = (fenced ? fenced[1]! : content).trim();
  // Any statement is taken (a write too: the guard then refuses it and says why).
  const start = text.search(/\b(?:select\s|with\s+(?:recursive\s+)?\w+\s*(?:\(|as\s*\()|insert\s+into|update\s+\w+\s+set|delete\s+from|drop\s+\w|pragma\s|attach\s|create\s+\w|alter\s+table|replace\s+into)/i);
  if (start < 0) return null;
  return text.slice(start).trim();
}

function checkTables(sql: string): void {
  const bare = stripLiterals(sql);
  const ctes = new Set([...bare.matchAll(/(?:\bwith\s+(?:recursive\s+)?|,\s*)([a-z_]\w*)\s*(?:\([^)]*\))?\s+as\s*\(/gi)].map((m) => m[1]!.toLowerCase()));
  for (const m of bare.matchAll(/\b(?:from|join)\s+([a-z_][\w.]*)/gi)) {
    const name = m[1]!.toLowerCase();
    if (!TABLES.has(name) && !ctes.has(name)) throw new GuardError(`unknown table "${m[1]}": the assistant reads events and the detection tables only`);
  }
}

function post(target: CheckedEndpoint, path: string, body: unknown, timeoutMs: number): Promise<unknown> {
  const data = Buffer.from(JSON.stringify(body));
  const mod = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(
      {
        host: target.address,
        family: target.family,
        port: target.url.port || (target.url.protocol === 'https:' ? 443 : 80),
        path,
        method: 'POST',
        servername: target.url.hostname,
        headers: { 'content-type': 'application/json', 'content-length': data.length, host: target.url.host },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if ((res.statusCode ?? 500) >= 400) return reject(new Error(`model server answered HTTP ${res.statusCode}`));
          try {
            resolve(JSON.parse(text));
          } catch {
            reject(new Error('model server did not answer JSON'));
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`model server did not answer within ${Math.round(timeoutMs / 1000)} s`)));
    req.on('error', reject);
    req.end(data);
  });
}

export async function askModel(store: CaseStore, vocab: Vocabulary, question: string, config: ModelConfig, lang: AssistLang): Promise<ModelOutcome> {
  let target: CheckedEndpoint;
  try {
    target = await checkEndpoint(config.endpoint);
  } catch (err) {
    if (err instanceof EndpointError) return { ok: false, kind: 'model-error', problem: err.message };
    throw err;
  }
  const base = target.url.pathname.replace(/\/+$/, '');
  const path = /\/chat\/completions$/.test(base) ? base : `${base.replace(/\/v1$/, '')}/v1/chat/completions`;
  let reply: { model?: unknown; choices?: { message?: { content?: unknown } }[] };
  try {
    reply = (await post(target, path, { model: config.model ?? 'local', temperature: 0, messages: promptFor(store, vocab, question, lang) }, config.timeoutMs ?? 60000)) as typeof reply;
  } catch (err) {
    return { ok: false, kind: 'model-error', problem: `model: ${(err as Error).message}` };
  }
  const content = reply?.choices?.[0]?.message?.content;
  const model = String(reply?.model ?? config.model ?? 'local').replace(/[^\w.:\-/]/g, '').slice(0, 80) || 'local';
  if (typeof content !== 'string') return { ok: false, kind: 'model-error', problem: 'model reply has no message content' };
  const sql = extractSql(content);
  if (!sql) return { ok: false, kind: 'model-error', problem: `model ${model} returned no SQL` };
  try {
    const safe = guardSql(store.db, sql);
    checkTables(safe);
    return { ok: true, sql: safe, model };
  } catch (err) {
    if (err instanceof GuardError) return { ok: false, kind: /^SQL error/.test(err.message) ? 'sql-error' : 'unsafe-sql', problem: `model ${model}: ${err.message}`, sql };
    throw err;
  }
}
