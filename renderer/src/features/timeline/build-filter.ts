import type { EventFilter } from '../../contracts';

export interface FilterInput {
  text: string;
  category: string;
}

/** The filter bar's state -> the engine's EventFilter; undefined when nothing is filtered. */
export function buildFilter(input: FilterInput): EventFilter | undefined {
  const filter: EventFilter = {};
  const text = input.text.trim();
  if (text) filter.text = text;
  if (input.category) filter.category = input.category;
  return Object.keys(filter).length ? filter : undefined;
}

/** A stable identity for a filter, for caches and effect dependencies. */
export function filterKey(filter: EventFilter | undefined): string {
  if (!filter) return '';
  const entries = Object.entries(filter)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}
