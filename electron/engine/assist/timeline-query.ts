// An answer as a query of the workspace's query bar (docs/search.md): the events the answer
// counted, written as field terms the examiner sees as chips and keeps refining. The text is
// built from the plan, then checked on the snapshot: the query language's own compiler
// (store/query) turns it into SQL and the events it selects are compared with the events the
// answer's SQL counted. Any difference (a URL compared whole by the answer but searched inside
// by the query language, case variants the query bar folds together, a field the language
// lacks) makes the answer say it cannot be shown as a query, rather than show other rows.
import type { AskTimeline } from '../../common/assist';
import type { CaseStore } from '../store/case-store';
import { parseQuery } from '../store/query/parser';
import { compileNode } from '../store/query/compile';
import type { DimField } from './lexicon';
import type { Filter, FilterField, Plan } from './plan';
import { QueryError, runBounded } from './run-bounded';
import { dimExpr, whereOf } from './sql';

export class Unexpressible extends Error {
  override name = 'Unexpressible';
}

/** A value as the query language reads it: quoted, with `"` and `\` escaped. */
const phrase = (v: string | number): string => (typeof v === 'number' ? String(v) : `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`);
/** A word with wildcards: special characters escaped, `*` kept as the wildcard. */
const wildWord = (v: string): string => v.replace(/[\\"():[\]{}\s*?]/g, (c) => `\\${c}`);

const NUMBER_FIELDS = new Set(['dst_port', 'src_port', 'http_status']);
const TEXT_FIELDS = ['process_command_line', 'url', 'file_path', 'registry_path', 'message', 'extra'];

function term(field: FilterField, v: string | number): string {
  switch (field) {
    case 'hash':
      return `hash:${phrase(String(v))}`;
    case 'file_name':
      // The answer's file name: the last part of a Windows or POSIX path, or the whole value.
      return `(file_path:*\\\\${wildWord(String(v))} OR file_path:*/${wildWord(String(v))})`;
    case 'text':
      return `(${TEXT_FIELDS.map((f) => `${f}:${phrase(String(v))}`).join(' OR ')})`;
    case 'method':
      // The method is kept in extra as JSON ("action_original":"GET"); verified like any term.
      return `extra:${phrase(`"action_original":"${String(v)}"`)}`;
    case 'url_part':
      return `url:${phrase(String(v))}`;
    case 'user_agent':
      throw new Unexpressible('the user agent is not a field of the query language');
    default:
      return `${field}:${phrase(v)}`;
  }
}

function clause(f: Filter): string {
  if (f.op === 'range') return `${f.fields[0]}:[${f.min} TO ${f.max}]`;
  if (f.op === 'nonnull') {
    const d = f.fields[0] as DimField;
    if (d === 'user_agent') throw new Unexpressible('the user agent is not a field of the query language');
    if (d === 'hash') return '(hash:* AND NOT hash:"")';
    return NUMBER_FIELDS.has(d) ? `${d}:*` : `NOT ${d}:""`;
  }
  const each = f.values.map((v) => {
    const parts = f.fields.map((field) => term(field, v));
    return parts.length > 1 ? `(${parts.join(' OR ')})` : parts[0]!;
  });
  const joined = each.length > 1 ? `(${each.join(' OR ')})` : each[0]!;
  return f.op === 'ne' ? `NOT ${joined}` : joined;
}

/** The rows a ranked answer lists (top 5 domains, the first event): only those groups/events. */
export interface Listed {
  dim: DimField | null;
  values: (string | number)[];
  ids: number[];
}

export function queryText(plan: Plan, listed: Listed | null): string {
  // A listed dimension's values are never empty: its "has a value" clause would only be noise.
  const parts = plan.filters.filter((f) => !(f.op === 'nonnull' && listed?.dim && f.fields[0] === listed.dim)).map(clause);
  const { from, to } = plan.time ?? { from: null, to: null };
  if (from != null && to != null) parts.push(`time:[${new Date(from).toISOString()} TO ${new Date(to).toISOString()}}`);
  else if (from != null) parts.push(`time:>=${new Date(from).toISOString()}`);
  else if (to != null) parts.push(`time:<${new Date(to).toISOString()}`);
  if (listed?.dim) {
    if (listed.dim === 'user_agent') throw new Unexpressible('the user agent is not a field of the query language');
    const d = listed.dim === 'hash' ? 'hash' : listed.dim;
    parts.push(listed.values.length === 1 ? `${d}:${phrase(listed.values[0]!)}` : `(${listed.values.map((v) => `${d}:${phrase(v)}`).join(' OR ')})`);
  } else if (listed) {
    parts.push(listed.ids.length === 1 ? `id:${listed.ids[0]}` : `(${listed.ids.map((id) => `id:${id}`).join(' OR ')})`);
  }
  return parts.join(' ');
}

/** The answer's own condition over `events`, with the listed groups or events. */
function answerWhere(plan: Plan, listed: Listed | null): string {
  const parts = whereOf(plan);
  if (listed?.dim) parts.push(`${dimExpr(listed.dim)} IN (${listed.values.map((v) => (typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`)).join(', ')})`);
  else if (listed) parts.push(`id IN (${listed.ids.join(', ')})`);
  return parts.length ? parts.join(' AND ') : '1';
}

/**
 * The answer as a timeline query, checked: `events` is how many events the query selects (the
 * events the answer counted), or the reason the answer cannot be shown as a query.
 */
export async function timelineQuery(store: CaseStore, plan: Plan, listed: Listed | null, timeoutMs: number): Promise<AskTimeline> {
  let text: string;
  try {
    text = queryText(plan, listed);
  } catch (err) {
    if (err instanceof Unexpressible) return { query: null, events: null, reason: err.message, reason_code: 'field' };
    throw err;
  }
  if (!text) return { query: '', events: null, reason: null, reason_code: null };
  const node = parseQuery(text);
  if (!node) return { query: null, events: null, reason: 'the query language could not read the answer as a query', reason_code: 'check' };
  const compiled = compileNode(node, { ftsReady: false });
  const sql = `SELECT sum(q) AS matches, sum(q <> a) AS differ FROM (SELECT coalesce((${compiled.sql}), 0) <> 0 AS q, coalesce((${answerWhere(plan, listed)}), 0) <> 0 AS a FROM events)`;
  try {
    const r = await runBounded(store, sql, { rowCap: 1, timeoutMs, params: compiled.params as (string | number | null)[] });
    const [matches, differ] = r.rows[0] ?? [0, 0];
    if (Number(differ) > 0) return { query: null, events: null, reason: `the query bar would select ${Number(differ)} event(s) the answer did not count (or miss some it did): the answer compares values exactly where the query language does not`, reason_code: 'differs' };
    return { query: text, events: Number(matches ?? 0), reason: null, reason_code: null };
  } catch (err) {
    if (err instanceof QueryError) return { query: null, events: null, reason: `the check of the query failed: ${err.message}`, reason_code: 'check' };
    throw err;
  }
}
