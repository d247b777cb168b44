// A mapped Sigma field as an SQLite expression over event_row: the same candidates, in the
// same order, with the same "empty is absent" rule as the JavaScript getter in run.ts.
import type { FieldSpec, Normalizer, SourceRef } from './mapping';
import type { FieldCondition } from './modifiers';
import { normalizeValue } from './normalize';
import { joinSql, likePattern, likeSafe, type SqlContext } from './sql';

function refSql(p: SourceRef, q: SqlContext): string {
  // Column names come from the mapping and were checked against the event columns.
  if (p.kind === 'column') return `NULLIF("${p.name}", '')`;
  return `NULLIF(json_extract(extra, ${q.param(`$."${p.name.replace(/"/g, '')}"`)}), '')`;
}

export function fieldExpr(spec: FieldSpec, q: SqlContext): string {
  const cands = spec.candidates.map((c) => {
    const expr = c.parts.length === 1 && typeof c.parts[0] !== 'string' ? refSql(c.parts[0]!, q) : `(${c.parts.map((p) => (typeof p === 'string' ? q.param(p) : refSql(p, q))).join(' || ')})`;
    const conds: string[] = [];
    if (c.actions) conds.push(`action IN (${[...c.actions].map((a) => q.param(a)).join(', ')})`);
    if (c.notActions) conds.push(`(action IS NULL OR action NOT IN (${[...c.notActions].map((a) => q.param(a)).join(', ')}))`);
    return { expr, conds };
  });
  if (cands.every((c) => c.conds.length === 0)) return cands.length === 1 ? cands[0]!.expr : `COALESCE(${cands.map((c) => c.expr).join(', ')})`;
  return `(CASE ${cands.map((c) => `WHEN ${[...c.conds, `${c.expr} IS NOT NULL`].join(' AND ')} THEN ${c.expr}`).join(' ')} END)`;
}

/** A field condition as SQL (1/0); normalized fields are tested by the JavaScript test. */
export function fieldConditionSql(spec: FieldSpec, cond: FieldCondition, q: SqlContext): string {
  const expr = fieldExpr(spec, q);
  const norm = spec.normalize;
  if (!norm) {
    // A field read from extra costs a JSON parse per mention; a condition with several values
    // would mention it once per value, so it is computed once in a one-row subquery instead.
    if (!expr.includes('json_extract(')) return cond.sql(expr, q);
    const once = cond.sql('tl_v', q);
    return once.split('tl_v').length > 2 ? `(SELECT ${once} FROM (SELECT ${expr} AS tl_v))` : cond.sql(expr, q);
  }
  const js = q.jsTest(expr, (raw) => {
    const v = raw === null ? null : normalizeValue(norm, raw);
    return cond.test(v, v === null ? null : v.toLowerCase());
  });
  const pre = normalizedPrefilter(norm, cond.literals);
  return pre === null ? js : `(${joinSql(pre.map((p) => `(${expr} LIKE ${q.param(p)} ESCAPE '\\') IS 1`), 'OR')} AND ${js})`;
}

/**
 * LIKE patterns the raw value meets whenever the normalized one contains a literal: a URL
 * contains its extension; a registry path contains the text after its (at most five
 * characters long) short hive name, which is all that normalization rewrites.
 */
function normalizedPrefilter(norm: Normalizer, literals: string[] | null): string[] | null {
  if (!literals || literals.length === 0) return null;
  const cut = norm === 'registry' ? 5 : 0;
  const texts = literals.map((l) => l.slice(cut));
  if (texts.some((t) => t === '' || !likeSafe([{ text: t }]))) return null;
  return texts.map((t) => `%${likePattern([{ text: t }])}%`);
}
