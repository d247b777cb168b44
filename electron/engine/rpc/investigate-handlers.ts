// The investigation workspace's calls: pivots, the lines around an event, the process tree,
// the host view, stars / tags / threaded comments (each a custody entry) and the histogram.
import type { DetectResult } from '../../common/detect';
import type { InvestigateHandlers } from '../../common/investigate';
import type { CaseSession } from '../custody/session';
import { addComment, bulkTag, eventAnnotations, setStar } from '../investigate/annotations';
import { hostView } from '../investigate/host-view';
import { neighbours } from '../investigate/neighbours';
import { pivotOptions } from '../investigate/pivots';
import { processTree } from '../investigate/process-tree';
import type { HandlerContext, HandlerImpl } from './context';

export type InvestigateMethod = keyof InvestigateHandlers;

export interface InvestigateContext {
  session(): CaseSession;
  /** Runs fn as a write (one at a time, after ingests), then schedules the case's save. */
  act<T>(fn: (session: CaseSession) => T): Promise<T>;
  lastDetection(): Promise<DetectResult | null>;
  read: HandlerContext['read'];
}

export function createInvestigateHandlers(ctx: InvestigateContext): Pick<HandlerImpl, InvestigateMethod> {
  const store = () => ctx.session().store;
  return {
    'pivot.options': async (args) => pivotOptions(store(), Number(args.eventId), args.minutes === undefined ? undefined : Number(args.minutes)),
    'pivot.neighbours': async (args) => neighbours(store(), Number(args.eventId), args.around === undefined ? undefined : Number(args.around)),
    'process.tree': async (args) => processTree(store(), Number(args.eventId)),
    'host.view': async (args) => hostView(store(), String(args.host ?? ''), await ctx.lastDetection()),
    'annotations.forEvent': async (args) => eventAnnotations(store(), Number(args.eventId)),
    'annotations.star': (args) =>
      ctx.act((session) => {
        setStar(session, Number(args.eventId), args.starred === true);
        return eventAnnotations(session.store, Number(args.eventId));
      }),
    'annotations.comment': (args) =>
      ctx.act((session) => {
        addComment(session, Number(args.eventId), String(args.text ?? ''), args.parentId === undefined || args.parentId === null ? undefined : Number(args.parentId));
        return eventAnnotations(session.store, Number(args.eventId));
      }),
    'annotations.bulkTag': (args) =>
      ctx.act((session) =>
        bulkTag(session, String(args.label ?? ''), Array.isArray(args.eventIds) ? { eventIds: args.eventIds } : { filter: args.filter }),
      ),
    'histogram.get': (args) => ctx.read('histogram.get', args),
  };
}
