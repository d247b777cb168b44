// AST -> an SQL condition over the columns of event_row (equally valid over the `events`
// view, whose columns carry the same names). Every value the examiner typed is a bound
// parameter; only column names from fields.ts and fixed operators are written into the SQL.
import type { SqlValue } from 'sql.js';
import { hasWildcard, partsText, type QueryNode, type Value } from './ast';
import { QueryError } from './errors';
import { fieldSpec, TEXT_COLUMNS, type FieldSpec } from './fields';
import { ftsMatchText } from './fts-match';
import { timeInterval } from './time-bounds';
import type { Part } from './tokenizer';

export interface CompileOptions {
  /** The full-text index covers every event: bare words use it instead of scanning. */
  ftsReady: boolean;
}

/**
 * A bare word answered by the full-text index. Exported so the readers of a compiled query can
 * tell its plan: the count of a query that is only this needs no row (count-and-plan.ts).
 */
export const FTS_MEMBERSHIP = 'id IN (SELECT docid FROM event_fts WHERE event_fts MATCH ?)';

export interface SqlCondition {
  sql: string;
  params: SqlValue[];
  /**
   * The MATCH expressions of bare words every matching event must contain (the query itself,
   * or a clause of its top-level AND): a row can match only if it is in each one's set.
   */
  ftsRequired: string[];
  /** Every clause of the top-level AND is a bare word the index answers. */
  onlyFts: boolean;
}

export function compileNode(node: QueryNode, opts: CompileOptions): SqlCondition {
  const params: SqlValue[] = [];
  const sql = emit(node, opts, params);
  const required = node.kind === 'and' ? node.children : [node];
  const ftsRequired = opts.ftsReady ? required.flatMap((n) => (n.kind === 'term' && n.field === null ? ftsMatchOf(n.value) : [])) : [];
  return { sql, params, ftsRequired, onlyFts: ftsRequired.length === required.length };
}

function emit(node: QueryNode, opts: CompileOptions, params: SqlValue[]): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(${node.children.map((c) => emit(c, opts, params)).join(node.kind === 'and' ? ' AND ' : ' OR ')})`;
    case 'not':
      // IS NOT 1, not NOT: a NULL column (no host) must satisfy NOT host:x.
      return `((${emit(node.child, opts, params)}) IS NOT 1)`;
    case 'term':
      return node.field === null ? bareTerm(node.value, node.start, opts, params) : fieldTerm(node.field, node.value, node.start, params);
  }
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE pattern from word parts; `contains` puts % at both ends. */
function likePattern(parts: Part[], contains: boolean): string {
  const body = parts.map((p) => ('lit' in p ? escapeLike(p.lit) : p.wild === '*' ? '%' : '_')).join('');
  return contains ? `%${body}%` : body;
}

function anyColumn(columns: readonly string[], test: (column: string) => string): string {
  return columns.length === 1 ? test(columns[0]!) : `(${columns.map(test).join(' OR ')})`;
}

function bareParts(value: Value): Part[] | null {
  if (value.type !== 'word' && value.type !== 'phrase') return null;
  return value.type === 'word' ? value.parts : [{ lit: value.text }];
}

/** The MATCH expression of a bare word, when the index can answer it ([] when it cannot). */
function ftsMatchOf(value: Value): string[] {
  const parts = bareParts(value);
  const match = parts ? ftsMatchText(parts) : null;
  return match === null ? [] : [match];
}

function bareTerm(value: Value, at: number, opts: CompileOptions, params: SqlValue[]): string {
  const parts = bareParts(value);
  if (parts === null) throw new QueryError('a range or comparison needs a field (e.g. dst_port:>1024)', at, 'rangeNeedsField');
  if (opts.ftsReady) {
    const match = ftsMatchText(parts);
    if (match !== null) {
      params.push(match);
      return FTS_MEMBERSHIP;
    }
  }
  const pattern = likePattern(parts, true);
  return anyColumn(TEXT_COLUMNS, (c) => {
    params.push(pattern);
    return `${c} LIKE ? ESCAPE '\\'`;
  });
}

function fieldTerm(field: string, value: Value, at: number, params: SqlValue[]): string {
  const spec = fieldSpec(field)!;
  switch (spec.kind) {
    case 'number':
      return numberTerm(field, spec, value, at, params);
    case 'time':
      return timeTerm(field, spec, value, at, params);
    case 'tag':
      return `id IN (SELECT event_id FROM tag WHERE removed_at IS NULL AND ${textCondition('label', false, value, params)})`;
    case 'evidence':
      return `evidence_id IN (SELECT id FROM evidence WHERE ${textCondition(spec.columns[0]!, field === 'source_file', value, params)})`;
    default:
      return anyColumn(spec.columns, (c) => textCondition(c, spec.kind === 'text', value, params));
  }
}

/** Text compared whole (keyword) or searched inside (text), ASCII case-insensitively. */
function textCondition(column: string, contains: boolean, value: Value, params: SqlValue[]): string {
  if (value.type === 'range' || value.type === 'cmp') {
    const parts: string[] = [];
    const add = (op: string, v: string): void => {
      params.push(v);
      parts.push(`${column} ${op} ? COLLATE NOCASE`);
    };
    if (value.type === 'cmp') add(value.op, value.value);
    else {
      if (value.low !== null) add(value.lowInclusive ? '>=' : '>', value.low);
      if (value.high !== null) add(value.highInclusive ? '<=' : '<', value.high);
    }
    return parts.length ? `(${parts.join(' AND ')})` : `${column} IS NOT NULL`;
  }
  const parts: Part[] = value.type === 'word' ? value.parts : [{ lit: value.text }];
  const text = partsText(parts);
  if (text === '') return `(${column} IS NULL OR ${column} = '')`;
  if (!contains && !hasWildcard(parts)) {
    params.push(text);
    return `${column} = ? COLLATE NOCASE`;
  }
  params.push(likePattern(parts, contains && !hasWildcard(parts)));
  return `${column} LIKE ? ESCAPE '\\'`;
}

const INTEGER = /^[+-]?\d{1,18}$/;

function number(field: string, text: string, at: number): number {
  if (!INTEGER.test(text)) throw new QueryError(`${field} takes a whole number, not "${text}"`, at, 'notNumber', { field, text });
  return Number(text);
}

function numberTerm(field: string, spec: FieldSpec, value: Value, at: number, params: SqlValue[]): string {
  return anyColumn(spec.columns, (c) => {
    switch (value.type) {
      case 'word':
        if (hasWildcard(value.parts)) {
          if (value.parts.length === 1 && 'wild' in value.parts[0]! && value.parts[0].wild === '*') return `${c} IS NOT NULL`;
          throw new QueryError(`${field} takes a number; use a range such as ${field}:[1024 TO *]`, at, 'numberWildcard', { field });
        }
        params.push(number(field, partsText(value.parts), at));
        return `${c} = ?`;
      case 'phrase':
        params.push(number(field, value.text, at));
        return `${c} = ?`;
      case 'cmp':
        params.push(number(field, value.value, at));
        return `${c} ${value.op} ?`;
      case 'range': {
        const parts: string[] = [];
        if (value.low !== null) {
          params.push(number(field, value.low, at));
          parts.push(`${c} ${value.lowInclusive ? '>=' : '>'} ?`);
        }
        if (value.high !== null) {
          params.push(number(field, value.high, at));
          parts.push(`${c} ${value.highInclusive ? '<=' : '<'} ?`);
        }
        return parts.length ? `(${parts.join(' AND ')})` : `${c} IS NOT NULL`;
      }
    }
  });
}

function interval(field: string, text: string, at: number, dateOf?: string) {
  const i = timeInterval(text, dateOf);
  if (!i) throw new QueryError(`${field} takes a time such as 2026-10-05T00:10 (UTC), not "${text}"`, at, 'notTime', { field, text });
  return i;
}

function timeTerm(field: string, spec: FieldSpec, value: Value, at: number, params: SqlValue[]): string {
  // time_original is NULL until the evidence's clock is corrected: then it equals time.
  const c = spec.columns[0] === 'time' ? 'time' : 'COALESCE(time_original, time)';
  const between = (start: string | null, end: string | null): string => {
    const parts: string[] = [];
    if (start !== null) {
      params.push(start);
      parts.push(`${c} >= ?`);
    }
    if (end !== null) {
      params.push(end);
      parts.push(`${c} < ?`);
    }
    return parts.length ? `(${parts.join(' AND ')})` : `${c} IS NOT NULL`;
  };
  switch (value.type) {
    case 'word':
    case 'phrase': {
      const text = value.type === 'word' ? partsText(value.parts).replace(/\*$/, '') : value.text;
      const i = interval(field, text, at);
      return between(i.start, i.end);
    }
    case 'cmp': {
      const i = interval(field, value.value, at);
      if (value.op === '>') return between(i.end, null);
      if (value.op === '>=') return between(i.start, null);
      if (value.op === '<') return between(null, i.start);
      return between(null, i.end);
    }
    case 'range': {
      const low = value.low === null ? null : interval(field, value.low, at, value.high ?? undefined);
      const high = value.high === null ? null : interval(field, value.high, at, value.low ?? undefined);
      if (low && high && low.start >= high.end) throw new QueryError(`${field}: the range ends before it starts`, at, 'rangeBackwards', { field });
      return between(low ? (value.lowInclusive ? low.start : low.end) : null, high ? (value.highInclusive ? high.end : high.start) : null);
    }
  }
}
