// Tags and notes on events (each a custody entry) and the bookmarks they make.
import { addNote, addTag, editNote, removeTag } from '../custody/actions';
import { listBookmarks, noteHistory } from '../custody/bookmarks';
import type { HandlerContext, HandlerImpl } from './context';

export type BookmarkMethod =
  | 'tags.add'
  | 'tags.remove'
  | 'notes.add'
  | 'notes.edit'
  | 'notes.history'
  | 'bookmarks.list'
  | 'bookmarks.forEvent';

export function createBookmarkHandlers(ctx: HandlerContext): Pick<HandlerImpl, BookmarkMethod> {
  return {
    'tags.add': (args) => ctx.act((session) => ({ tagId: addTag(session, Number(args.eventId), String(args.label ?? '')).id })),
    'tags.remove': (args) => ctx.act((session) => (removeTag(session, Number(args.tagId)), { removed: Number(args.tagId) })),
    'notes.add': (args) => ctx.act((session) => ({ noteId: addNote(session, Number(args.eventId), String(args.text ?? '')).id })),
    'notes.edit': (args) =>
      ctx.act((session) => ({ noteId: Number(args.noteId), changed: editNote(session, Number(args.noteId), String(args.text ?? '')) !== null })),
    'notes.history': async (args) => noteHistory(ctx.session().store, Number(args.noteId)),
    'bookmarks.list': async (args) => listBookmarks(ctx.session().store, args.text),
    'bookmarks.forEvent': async (args) =>
      listBookmarks(ctx.session().store).find((b) => b.event.id === Number(args.eventId)) ?? null,
  };
}
