// The query language, compiled in one place: EventFilter -> SQL WHERE (grid, count, facets,
// exports all call whereClause, so they agree on what a query matches).
import type { SqlValue } from 'sql.js';
import type { EventFilter } from '../../../common/protocol';
import type { QueryNode } from './ast';
import { compileNode, escapeLike, type CompileOptions } from './compile';
import { QueryError } from './errors';
import { TEXT_COLUMNS } from './fields';
import { parseQuery } from './parser';
import { timeInterval } from './time-bounds';

export { QueryError } from './errors';
export { parseQuery } from './parser';
export { FIELDS, TEXT_COLUMNS } from './fields';
export type { CompileOptions } from './compile';

export interface WhereClause {
  /** `WHERE ...`, or '' when nothing is filtered. */
  sql: string;
  params: SqlValue[];
  /** MATCH expressions every matching event must contain (see compile.ts ftsRequired). */
  ftsRequired: string[];
  /**
   * When the whole filter is bare words the index answers, their conjunction as one MATCH
   * expression (FTS4 reads space-separated phrases as AND): the matching events are exactly
   * the index's documents for it, so they can be counted without reading a row.
   */
  ftsOnly: string | null;
}

const SCAN: CompileOptions = { ftsReady: false };

export function whereClause(filter: EventFilter | undefined, opts: CompileOptions = SCAN): WhereClause {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  let ftsRequired: string[] = [];
  let onlyFts = false;
  const query = filter?.query?.trim();
  if (query) {
    const node = parseQuery(query);
    if (node) {
      const c = compileNode(node, opts);
      parts.push(c.sql);
      params.push(...c.params);
      ftsRequired = c.ftsRequired;
      onlyFts = c.onlyFts;
    }
  }
  if (filter?.text?.trim()) {
    // The old substring box: the same as one quoted bare phrase.
    const like = `%${escapeLike(filter.text.trim())}%`;
    parts.push(`(${TEXT_COLUMNS.map((f) => `${f} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    for (let i = 0; i < TEXT_COLUMNS.length; i++) params.push(like);
  }
  if (filter?.category) {
    parts.push('category = ?');
    params.push(filter.category);
  }
  if (filter?.host) {
    parts.push('host = ?');
    params.push(filter.host);
  }
  if (filter?.evidenceId !== undefined) {
    parts.push('evidence_id = ?');
    params.push(filter.evidenceId);
  }
  if (filter?.from) {
    parts.push('time >= ?');
    params.push(instant(filter.from, 'from'));
  }
  if (filter?.to) {
    parts.push('time < ?');
    params.push(instant(filter.to, 'to'));
  }
  const ftsOnly = onlyFts && parts.length === 1 ? ftsRequired.join(' ') : null;
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params, ftsRequired, ftsOnly };
}

function instant(text: string, name: string): string {
  const i = timeInterval(text);
  if (!i) throw new QueryError(`time range ${name}: not a time ("${text}")`, 0);
  return i.start;
}

export interface QueryClause {
  /** The clause as typed (a chip's text). */
  text: string;
  start: number;
  end: number;
  /** The clause is a NOT/-: the chip shows it inverted, text without the negation. */
  negated: boolean;
}

export type ParseResult =
  | { ok: true; clauses: QueryClause[] }
  | { ok: false; message: string; column: number; offset: number; code: string; vars: Record<string, string> };

/**
 * The query's top-level AND clauses, for chips: `host:x (a OR b) -user:y` is three. Also
 * compiles the query, so an error a search would raise (a bad number) shows while typing.
 */
export function splitClauses(text: string): ParseResult {
  try {
    const node = parseQuery(text);
    if (!node) return { ok: true, clauses: [] };
    compileNode(node, SCAN);
    const top: QueryNode[] = node.kind === 'and' ? node.children : [node];
    return {
      ok: true,
      clauses: top.map((n) => {
        const inner = n.kind === 'not' ? n.child : n;
        return { text: text.slice(inner.start, inner.end), start: n.start, end: n.end, negated: n.kind === 'not' };
      }),
    };
  } catch (err) {
    if (err instanceof QueryError) return { ok: false, message: err.reason, column: err.column, offset: err.offset, code: err.code, vars: err.vars };
    throw err;
  }
}
