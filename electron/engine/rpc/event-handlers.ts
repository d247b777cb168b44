// Reading the timeline: counts, pages and one event's detail (with its original record).
import { eventDetail } from '../ingest/original-record';
import { countEvents, pageEvents } from '../store/event-queries';
import type { HandlerContext, HandlerImpl } from './context';

export type EventMethod = 'events.count' | 'events.page' | 'events.detail';

export function createEventHandlers(ctx: HandlerContext): Pick<HandlerImpl, EventMethod> {
  return {
    'events.count': async (args) => countEvents(ctx.session().store, args.filter),
    'events.page': async (args) => pageEvents(ctx.session().store, args.filter, Number(args.offset), Number(args.limit)),
    'events.detail': async (args) => eventDetail(ctx.session().store, Number(args.id)),
  };
}
