// Turns a bounded result into an answer: rows as objects, and the event ids behind them
// (an `id` column, or the `event_ids` list of each group), deduplicated and capped.
import type { AskTimelineFilter, AskValue } from '../../common/assist';
import type { Plan } from './plan';
import type { BoundedResult } from './run-bounded';

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

/**
 * The answer as a timeline filter: the parsed host, category and time when those are all the
 * question said (the analyst keeps refining it in the timeline), else the cited ids.
 */
export function timelineFilter(plan: Plan | null, ids: number[]): AskTimelineFilter {
  if (plan) {
    const simple = plan.filters.every((f) => f.op === 'nonnull' || (f.op === 'eq' && f.values.length === 1 && (f.fields.join() === 'host' || f.fields.join() === 'category')));
    if (simple) {
      const out: AskTimelineFilter = {};
      for (const f of plan.filters) {
        if (f.op !== 'eq') continue;
        if (f.fields[0] === 'host') out.host = String(f.values[0]);
        if (f.fields[0] === 'category') out.category = String(f.values[0]);
      }
      if (plan.time?.from != null) out.from = new Date(plan.time.from).toISOString();
      if (plan.time?.to != null) out.to = new Date(plan.time.to).toISOString();
      if (Object.keys(out).length) return out;
    }
  }
  return { ids };
}
