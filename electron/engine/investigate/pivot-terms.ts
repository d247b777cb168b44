// A pivot as field = value terms: written as query-bar text (`dst_ip:"203.0.113.10"`) for the
// timeline, where the examiner can refine it, and as exact SQL for counting here, so the
// count a pivot shows does not depend on how the query bar matches words.
import type { SqlValue } from 'sql.js';
import type { EventFilter } from '../../common/protocol';

export interface PivotTerm {
  field: string;
  value: string | number;
}

/** Columns a pivot may name (the events view's; never built from input). */
const PIVOT_FIELDS = new Set([
  'host', 'user', 'process_guid', 'parent_process_guid', 'process_pid', 'dst_ip', 'src_ip', 'domain', 'url', 'file_hash', 'process_hash',
]);

function quote(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Terms ANDed between groups, ORed inside one: [[a, b], [c]] is (a OR b) AND c. */
export type PivotTerms = PivotTerm[][];

export function termsQuery(groups: PivotTerms): string {
  return groups
    .map((g) => {
      const text = g.map((t) => `${t.field}:${quote(t.value)}`).join(' OR ');
      return g.length > 1 && groups.length > 1 ? `(${text})` : text;
    })
    .join(' AND ');
}

export function termsSql(groups: PivotTerms, range: { from?: string; to?: string }): { sql: string; params: SqlValue[] } {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  for (const g of groups) {
    const ors = g.map((t) => {
      if (!PIVOT_FIELDS.has(t.field)) throw new Error(`not a pivot field: ${t.field}`);
      params.push(t.value);
      return `${t.field} = ?`;
    });
    parts.push(ors.length > 1 ? `(${ors.join(' OR ')})` : ors[0]!);
  }
  if (range.from) {
    parts.push('time >= ?');
    params.push(range.from);
  }
  if (range.to) {
    parts.push('time < ?');
    params.push(range.to);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function termsFilter(groups: PivotTerms, range: { from?: string; to?: string }): EventFilter {
  return { query: termsQuery(groups), ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) };
}
