// Rules as SQL: every compiled rule can write its exact condition as an SQLite expression, so
// that the case's events are filtered inside SQLite (a scan in C) and only matching rows cross
// into JavaScript. Sigma wildcards become LIKE (case-insensitive) or GLOB (the `cased`
// modifier); what SQL cannot say exactly (regular expressions, CIDR, numeric comparison,
// normalized fields, letters SQLite does not case-fold) is a call back into the same JavaScript
// test the rule uses, `tl_test(id, value)`. Values and JSON paths are bound as numbered
// parameters, never spliced into the SQL text.
import type { SigmaPiece } from './sigma-string';

export type SqlParam = string | number;

export class SqlContext {
  readonly params: SqlParam[] = [];
  readonly tests: ((value: string | null) => boolean)[] = [];
  private readonly index = new Map<string, number>();

  /** A numbered parameter (`?N`) holding v; equal values share one. */
  param(v: SqlParam): string {
    const key = `${typeof v}:${v}`;
    let n = this.index.get(key);
    if (n === undefined) {
      this.params.push(v);
      n = this.params.length;
      this.index.set(key, n);
    }
    return `?${n}`;
  }

  /**
   * The parameters to bind for a statement built from this context. Parameters made for
   * terms that were then left out (a prefilter judged too costly) are not referenced, and
   * SQLite refuses values bound past the highest `?N` the statement uses.
   */
  paramsFor(sql: string): SqlParam[] {
    let max = 0;
    for (const m of sql.matchAll(/\?(\d+)/g)) max = Math.max(max, Number(m[1]));
    return this.params.slice(0, max);
  }

  /**
   * A call of the JavaScript test on expr's value (as text; null when absent). `guarded`: the
   * call sits behind a cheap SQL condition that rules most events out (named tl_ptest, the
   * same function, so that joinSql can tell the two costs apart).
   */
  jsTest(expr: string, test: (value: string | null) => boolean, guarded = false): string {
    this.tests.push(test);
    return `${guarded ? 'tl_ptest' : 'tl_test'}(${this.tests.length - 1}, ${expr})`;
  }
}

/**
 * Joins terms with AND / OR as a balanced tree: SQLite limits expression depth (1000), and a
 * community rule can list hundreds of values.
 */
export function joinSql(terms: readonly string[], op: 'AND' | 'OR'): string {
  // SQLite evaluates AND/OR left to right and stops early: cheap terms go first, so that they
  // decide before JSON is parsed or JavaScript is called.
  // In an AND, a negated term (a Sigma filter) is usually true and so rarely decides: it
  // goes after positive terms of similar cost.
  const ranked = terms.map((t, i) => ({ t, i, cost: sqlCost(t) + (op === 'AND' && t.startsWith('(NOT ') ? 500 : 0) }));
  ranked.sort((a, b) => a.cost - b.cost || a.i - b.i);
  return balanced(
    ranked.map((r) => r.t),
    op,
  );
}

/** A rough cost of evaluating an SQL term once: JavaScript calls, then JSON parses, then size. */
function sqlCost(t: string): number {
  const count = (needle: string): number => t.split(needle).length - 1;
  return count('tl_test(') * 1000 + count('tl_ptest(') * 200 + count('json_extract(') * 100 + count(' LIKE ') * 10 + count(' GLOB ') * 10 + t.length / 1000;
}

/** Marks the JavaScript calls of an SQL term as guarded by a prefilter in front of it. */
export function guardedSql(sql: string): string {
  return sql.replace(/\btl_test\(/g, 'tl_ptest(');
}

function balanced(terms: readonly string[], op: 'AND' | 'OR'): string {
  if (terms.length === 0) return op === 'AND' ? '1' : '0';
  if (terms.length === 1) return terms[0]!;
  const mid = terms.length >> 1;
  return `(${balanced(terms.slice(0, mid), op)} ${op} ${balanced(terms.slice(mid), op)})`;
}

/**
 * True when SQLite's LIKE (which folds ASCII letters only) compares these pieces exactly as
 * JavaScript's toLowerCase does: ASCII, or characters without case (Japanese, digits...).
 * Known gap: JavaScript lower-cases U+0130 (İ) and U+212A (Kelvin sign) in an event's value
 * to ASCII letters, SQLite does not; a pattern matching only through them is missed.
 */
export function likeSafe(pieces: readonly SigmaPiece[]): boolean {
  for (const p of pieces) {
    if (!('text' in p)) continue;
    for (const ch of p.text) {
      if (ch.charCodeAt(0) < 128) continue;
      if (ch.toLowerCase() !== ch.toUpperCase()) return false;
    }
  }
  return true;
}

/** A LIKE pattern (escape character '\') for wildcard pieces. */
export function likePattern(pieces: readonly SigmaPiece[]): string {
  return pieces.map((p) => ('text' in p ? p.text.replace(/[\\%_]/g, '\\$&') : p.wildcard === '*' ? '%' : '_')).join('');
}

/** A GLOB pattern (case-sensitive) for wildcard pieces. */
export function globPattern(pieces: readonly SigmaPiece[]): string {
  return pieces.map((p) => ('text' in p ? p.text.replace(/[[*?]/g, '[$&]') : p.wildcard)).join('');
}
