// A mapped Sigma field as an SQLite expression over event_row: the same candidates, in the
// same order, with the same "empty is absent" rule as the JavaScript getter in run.ts.
import type { FieldSpec, SourceRef } from './mapping';
import type { FieldCondition } from './modifiers';
import { normalizeValue } from './normalize';
import { guardedSql, joinSql, likePattern, likeSafe, type SqlContext } from './sql';
import { extraKeySql, extraKeyTextSql } from '../../store/extra/extra-sql';

function refSql(p: SourceRef, q: SqlContext): string {
  // Column names come from the mapping and were checked against the event columns.
  if (p.kind === 'column') return `NULLIF("${p.name}", '')`;
  return `NULLIF(${extraKeySql(q.param(`$."${p.name.replace(/"/g, '')}"`), q.param(p.name.replace(/"/g, '')))}, '')`;
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
  // The first candidate whose action condition holds and that has a value. COALESCE stops at
  // the first non-NULL argument, so each candidate (often a JSON parse of extra) is computed
  // once; a CASE testing `expr IS NOT NULL` before returning it would compute it twice.
  return `COALESCE(${cands.map((c) => (c.conds.length ? `CASE WHEN ${c.conds.join(' AND ')} THEN ${c.expr} END` : c.expr)).join(', ')})`;
}

/** A field condition as SQL (1/0); normalized fields are tested by the JavaScript test. */
export function fieldConditionSql(spec: FieldSpec, cond: FieldCondition, q: SqlContext): string {
  const expr = fieldExpr(spec, q);
  const norm = spec.normalize;
  let test: string;
  if (norm) {
    test = q.jsTest(expr, (raw) => {
      const v = raw === null ? null : normalizeValue(norm, raw);
      return cond.test(v, v === null ? null : v.toLowerCase());
    });
  } else {
    // A condition with several values mentions the field once per value: for a field read
    // from extra (a JSON parse each time) or lower-cased for IN/substr tests, the value is
    // computed once in a one-row subquery instead.
    const once = cond.sql('tl_v', q, 'tl_l');
    const uses = once.split(/\btl_[vl]\b/).length - 1;
    const costly = expr.includes('json_extract(') || once.includes('tl_l');
    test = uses > 1 && costly ? `(SELECT ${once} FROM (SELECT ${expr} AS tl_v, lower(CAST(${expr} AS TEXT)) AS tl_l))` : cond.sql(expr, q);
  }
  const pre = spec.normalize === 'url_extension' && cond.equalsValues ? extensionPrefilter(expr, cond.equalsValues, q) : containsPrefilter(spec, cond.literals, q);
  return pre === null ? test : `(${pre} AND ${guardedSql(test)})`;
}

/**
 * For "the URL's extension is one of": the URL contains '.' followed by one of them, as one
 * GLOB per length whose character classes hold every value's letters in both cases (a
 * superset; the JavaScript test then checks it is the extension of the path's last segment).
 */
function extensionPrefilter(expr: string, values: readonly string[], q: SqlContext): string | null {
  if (values.some((v) => !/^[a-z0-9]{1,10}$/i.test(v))) return null;
  const byLength = new Map<number, string[]>();
  for (const v of values) byLength.set(v.length, [...(byLength.get(v.length) ?? []), v]);
  const terms = [...byLength.values()].map((vs) => {
    let glob = '*.';
    for (let i = 0; i < vs[0]!.length; i++) glob += `[${[...new Set(vs.flatMap((v) => [v[i]!.toLowerCase(), v[i]!.toUpperCase()]))].join('')}]`;
    return `(${expr} GLOB ${q.param(`${glob}*`)}) IS 1`;
  });
  return joinSql(terms, 'OR');
}

/**
 * A cheap SQL condition every matching event meets: the source a candidate reads contains
 * one of the condition's literals (less what the candidate's own text or the normalization
 * could supply). For extra keys it is tested on the raw JSON text, with the literal escaped
 * as JSON, so no JSON is parsed for the events it rules out. Null when nothing can be said.
 */
function containsPrefilter(spec: FieldSpec, literals: string[] | null, q: SqlContext): string | null {
  if (!literals || literals.length === 0) return null;
  let terms = prefilterTerms(spec, literals, q);
  // Many values: one LIKE on the text they all share ("application/") says enough.
  if (terms !== null && terms.length > 2) {
    const shared = sharedText(literals);
    if (shared.length >= 6) terms = prefilterTerms(spec, [shared], q);
  }
  return terms === null || terms.length === 0 || terms.length > MAX_PREFILTER_TERMS ? null : joinSql(terms, 'OR');
}

/** Each prefilter term is one LIKE scan: past a few they cost more than they save. */
const MAX_PREFILTER_TERMS = 6;

/** The longest text every literal contains (case-insensitively), '' when none. */
function sharedText(literals: readonly string[]): string {
  const lower = literals.map((l) => l.toLowerCase());
  const shortest = lower.reduce((a, b) => (b.length < a.length ? b : a));
  for (let len = shortest.length; len > 0; len--) {
    for (let i = 0; i + len <= shortest.length; i++) {
      const sub = shortest.slice(i, i + len);
      if (lower.every((l) => l.includes(sub))) return sub;
    }
  }
  return '';
}

function prefilterTerms(spec: FieldSpec, literals: readonly string[], q: SqlContext): string[] | null {
  // Registry normalization rewrites at most the first five characters (HKEY_LOCAL_MACHINE -> HKLM\).
  const cut = spec.normalize === 'registry' ? 5 : 0;
  const terms = new Set<string>();
  for (const literal of literals) {
    for (const c of spec.candidates) {
      const at = c.parts.findIndex((p) => typeof p !== 'string');
      if (c.parts.filter((p) => typeof p !== 'string').length !== 1) return null;
      const before = c.parts.slice(0, at).join('').length + cut;
      const after = c.parts.slice(at + 1).join('').length;
      const inner = literal.slice(before, Math.max(before, literal.length - after));
      // JSON true/false read as 1/0: a "1" or "0" need not appear in the JSON text.
      if (inner === '' || inner === '0' || inner === '1' || !likeSafe([{ text: inner }])) return null;
      const ref = c.parts[at] as SourceRef;
      if (ref.kind === 'column') {
        terms.add(`(NULLIF("${ref.name}", '') LIKE ${q.param(`%${likePattern([{ text: inner }])}%`)} ESCAPE '\\') IS 1`);
      } else {
        const json = JSON.stringify(inner).slice(1, -1);
        // On the key's value as JSON text (the whole extra when the row holds it as text).
        terms.add(`(${extraKeyTextSql(q.param(ref.name.replace(/"/g, '')))} LIKE ${q.param(`%${likePattern([{ text: json }])}%`)} ESCAPE '\\') IS 1`);
      }
    }
  }
  return [...terms];
}
