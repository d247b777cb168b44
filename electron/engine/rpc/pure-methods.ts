// Requests answered from their arguments alone: no case, no engine state. The query bar asks
// search.parse on every change, and the screen's reads of a new query wait for its answer, so
// it must not queue behind a long step of the engine thread (a rule compile, an index build,
// a save: 650 ms measured once): the router answers it on the transport's own thread
// (host/router.ts), and the engine thread answers it the same way where no router runs.
import type { Args, Result } from '../../common/protocol';
import { splitClauses } from '../store/query';

export type PureMethod = 'search.parse';

export const PURE_METHODS: { [M in PureMethod]: (args: Args<M>) => Result<M> } = {
  'search.parse': (args) => splitClauses(String(args.query ?? '')),
};

export function isPureMethod(m: string): m is PureMethod {
  return Object.prototype.hasOwnProperty.call(PURE_METHODS, m);
}
