// Turns a bounded result into an answer: rows as objects, and the event ids behind them
// (an `id` column, or the `event_ids` list of each group), deduplicated and capped.
import type { AskValue } from '../../common/assist';
import type { Plan } from './plan';
import type { BoundedResult } from './run-bounded';
import type { Listed } from './timeline-query';

export const MAX_CITED = 1000;

export function rowsOf(result: BoundedResult): Record<string, AskValue>[] {
  return result.rows.map((r) => Object.fromEntries(result.columns.map((c, i) => [c, r[i] ?? null])));
}

export function citedIds(result: BoundedResult): number[] {
  const seen = new Set<number>();
  const idCol = result.columns.indexOf('id');
  const listCol = result.columns.findIndex((c) => c.toLowerCase() === 'event_ids');
  for (const row of result.rows) {
    if (seen.size >= MAX_CITED) break;
    if (idCol >= 0 && Number.isInteger(Number(row[idCol])) && row[idCol] !== null) seen.add(Number(row[idCol]));
    if (listCol >= 0 && row[listCol] !== null) {
      for (const part of String(row[listCol]).split(/[,\s[\]]+/)) {
        const n = Number(part);
        if (part && Number.isInteger(n)) seen.add(n);
      }
    }
  }
  return [...seen].slice(0, MAX_CITED);
}

/** How many events the answer counted: its count, the sum of its groups, or its rows. */
export function countedEvents(plan: Plan | null, result: BoundedResult): number | null {
  if (!plan || result.truncated) return null;
  const events = result.columns.indexOf('events');
  if (plan.intent === 'rows' || (plan.intent === 'first' || plan.intent === 'last') && !plan.dim) return result.rows.length;
  if (events < 0) return null;
  return result.rows.reduce((n, r) => n + Number(r[events] ?? 0), 0);
}

/** A ranked answer lists some groups (top 5) or events (the first one): the timeline shows only those. */
export function listedOf(plan: Plan, result: BoundedResult): Listed | null {
  const ranked = plan.intent === 'top' || plan.intent === 'bottom' || plan.intent === 'first' || plan.intent === 'last';
  if (!ranked || result.rows.length === 0) return null;
  if (plan.dim) {
    const col = result.columns.indexOf(plan.dim);
    return { dim: plan.dim, values: result.rows.map((r) => r[col]).filter((v): v is string | number => v !== null), ids: [] };
  }
  const id = result.columns.indexOf('id');
  return { dim: null, values: [], ids: result.rows.map((r) => Number(r[id])) };
}
