// The chips over time: every change is a step the examiner can go back to (and forward
// again), like a browser's history. Pure, so it is unit-tested.
import type { Chip } from './query-text';

export interface SearchHistory {
  steps: readonly (readonly Chip[])[];
  at: number;
}

/** Steps kept; older ones fall off the back. */
const MAX_STEPS = 100;

export const EMPTY_HISTORY: SearchHistory = { steps: [[]], at: 0 };

export function current(h: SearchHistory): readonly Chip[] {
  return h.steps[h.at] ?? [];
}

/** A new step after the current one; steps that were "forward" are dropped. */
export function push(h: SearchHistory, chips: readonly Chip[]): SearchHistory {
  const steps = [...h.steps.slice(0, h.at + 1), chips].slice(-MAX_STEPS);
  return { steps, at: steps.length - 1 };
}

export function back(h: SearchHistory): SearchHistory {
  return h.at > 0 ? { ...h, at: h.at - 1 } : h;
}

export function forward(h: SearchHistory): SearchHistory {
  return h.at < h.steps.length - 1 ? { ...h, at: h.at + 1 } : h;
}
