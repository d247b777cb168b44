// The reads the workspace repeats on every query change (grid pages, counts, facets, the
// histogram), as plain functions of a case store and their arguments: the same code answers
// in a reader thread (reader-thread.ts) or, where none runs, in the engine's own thread.
import type { Args, Result } from '../../../common/protocol';
import { histogram } from '../../investigate/histogram';
import type { CaseStore } from '../../store/case-store';
import { keysetPage } from '../../store/event-pages';
import { countEvents } from '../../store/event-queries';
import { facetCounts } from '../../store/facets';

export type ReadMethod = 'events.keyset' | 'events.count' | 'facets.counts' | 'histogram.get';

/**
 * Which reader thread answers: the grid's page never queues behind a facet or the histogram,
 * a new query's count and first page (asked for together) are worked on at once, and the
 * histogram does not wait for the facets of a broad query (seconds over a wide time range).
 */
export const READ_LANE: Record<ReadMethod, 'grid' | 'count' | 'facets' | 'histogram'> = {
  'events.keyset': 'grid',
  'events.count': 'count',
  'facets.counts': 'facets',
  'histogram.get': 'histogram',
};

type ReadImpl = { [M in ReadMethod]: (store: CaseStore, args: Args<M>) => Result<M> };

export const READ_METHODS: ReadImpl = {
  'events.keyset': (store, args) => keysetPage(store, args),
  'events.count': (store, args) => countEvents(store, args.filter),
  'facets.counts': (store, args) => facetCounts(store, args),
  'histogram.get': (store, args) => histogram(store, args.filter, args.stack === 'source' ? 'source' : 'category'),
};

export function isReadMethod(m: string): m is ReadMethod {
  return Object.prototype.hasOwnProperty.call(READ_METHODS, m);
}
