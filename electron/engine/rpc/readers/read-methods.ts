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
 * and a new query's count and first page (asked for together) are counted and read at once.
 */
export const READ_LANE: Record<ReadMethod, 'grid' | 'count' | 'summary'> = {
  'events.keyset': 'grid',
  'events.count': 'count',
  'facets.counts': 'summary',
  'histogram.get': 'summary',
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
