// The workspace's search calls of the RPC (issue 11): keyset pages of the timeline, the
// query bar's parse, the full-text index's state, saved searches and facet counts.
import type { WorkspaceHandlers } from '../../common/workspace';
import { deleteSavedSearch, listSavedSearches, saveSearch } from '../custody/saved-searches';
import type { CaseSession } from '../custody/session';
import type { FtsScheduler } from './fts-scheduler';
import { PURE_METHODS } from './pure-methods';
import type { HandlerContext, HandlerImpl } from './context';

export interface WorkspaceContext {
  session(): CaseSession;
  act<T>(fn: (session: CaseSession) => T): Promise<T>;
  read: HandlerContext['read'];
  fts: FtsScheduler;
}

export function createWorkspaceHandlers(ctx: WorkspaceContext): Pick<HandlerImpl, keyof WorkspaceHandlers> {
  return {
    'events.keyset': (args) => ctx.read('events.keyset', args),
    'search.parse': async (args) => PURE_METHODS['search.parse'](args),
    'search.fts': async () => {
      ctx.session();
      return ctx.fts.state()!;
    },
    'search.saved': async () => listSavedSearches(ctx.session().store),
    'search.save': (args) => ctx.act((session) => saveSearch(session, String(args.name ?? ''), String(args.query ?? ''))),
    'search.deleteSaved': (args) =>
      ctx.act((session) => {
        deleteSavedSearch(session, Number(args.id));
        return { removed: Number(args.id) };
      }),
    'facets.counts': (args) => ctx.read('facets.counts', args),
  };
}
