// Query text the UI writes for the examiner (chips, filter in/out, facets): pure functions,
// unit-tested. The engine parses it; nothing here decides what matches.

export interface Chip {
  /** Stable identity for React keys and edits. */
  id: number;
  /** One clause as the engine's parser split it (`host:WS1`, `(a OR b)`), without its NOT. */
  text: string;
  enabled: boolean;
  negated: boolean;
}

/** The query the engine runs: every switched-on chip, ANDed. */
export function composeQuery(chips: readonly Chip[]): string {
  return chips
    .filter((c) => c.enabled)
    // Parenthesized: a chip may be a whole `a OR b` query, which NOT must take as one.
    .map((c) => (c.negated ? `NOT (${c.text})` : `(${c.text})`))
    .join(' ');
}

/** A value as a quoted phrase: the parser takes it literally (no wildcards, no operators). */
export function quoteValue(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** `field:value` for a cell's value; an empty value matches events without one. */
export function clauseFor(field: string, value: string | number | null): string {
  if (value === null || value === '') return `${field}:""`;
  if (typeof value === 'number') return `${field}:${value}`;
  return `${field}:${quoteValue(value)}`;
}
