// Reading the timeline: counts and one event's detail (pages are keyset pages: workspace-handlers.ts) (with its original record).
import { eventDetail } from '../ingest/original-record';
import type { HandlerContext, HandlerImpl } from './context';

export type EventMethod = 'events.count' | 'events.detail';

export function createEventHandlers(ctx: HandlerContext): Pick<HandlerImpl, EventMethod> {
  return {
    'events.count': (args) => ctx.read('events.count', args),
    'events.detail': async (args) => eventDetail(ctx.session().store, Number(args.id)),
  };
}
