import type { EventFilter } from '../../contracts';

/** A stable identity for a filter, for caches and effect dependencies. */
export function filterKey(filter: EventFilter | undefined): string {
  if (!filter) return '';
  const entries = Object.entries(filter)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}
