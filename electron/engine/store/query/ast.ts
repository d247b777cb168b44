// The parsed query. Every node keeps where it was in the text (chips, error marks).
import type { Part } from './tokenizer';

export interface Span {
  start: number;
  end: number;
}

/** A bound of a range; null is an open end (`*`). */
export type Bound = string | null;

export type Value =
  | { type: 'word'; parts: Part[] }
  | { type: 'phrase'; text: string }
  | { type: 'range'; low: Bound; high: Bound; lowInclusive: boolean; highInclusive: boolean }
  | { type: 'cmp'; op: '>' | '>=' | '<' | '<='; value: string };

export type QueryNode =
  | ({ kind: 'and' | 'or'; children: QueryNode[] } & Span)
  | ({ kind: 'not'; child: QueryNode } & Span)
  /** field null: a bare word or phrase over the text fields. */
  | ({ kind: 'term'; field: string | null; value: Value } & Span);

/** The text of a word with its wildcards written back as typed (for messages). */
export function partsText(parts: Part[]): string {
  return parts.map((p) => ('lit' in p ? p.lit : p.wild)).join('');
}

export function hasWildcard(parts: Part[]): boolean {
  return parts.some((p) => 'wild' in p);
}
