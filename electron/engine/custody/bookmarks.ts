// Reading tags and notes back: the bookmarks view (every tagged or annotated event with its
// labels and notes), a note's full edit history, and the custody log as rows.
import type { Bookmark, NoteRevision } from '../../common/custody';
import type { CaseStore } from '../store/case-store';

/** Events with an active tag or a note; `text` matches note text, labels and the event's fields. */
export function listBookmarks(store: CaseStore, text?: string): Bookmark[] {
  const needle = text?.trim() ? `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const events = store.all<{ id: number; time: string; host: string | null; category: string; action: string | null; message: string | null; source_file: string }>(
    `SELECT e.id, e.time, e.host, e.category, e.action, coalesce(e.message, e.url, e.process_command_line) AS message, e.source_file
     FROM events e
     WHERE e.id IN (SELECT event_id FROM tag WHERE removed_at IS NULL UNION SELECT event_id FROM note)
       AND (? IS NULL
            OR EXISTS (SELECT 1 FROM notes n WHERE n.event_id = e.id AND n.text LIKE ? ESCAPE '\\')
            OR EXISTS (SELECT 1 FROM tag t WHERE t.event_id = e.id AND t.removed_at IS NULL AND t.label LIKE ? ESCAPE '\\'))
     ORDER BY e.time, e.id`,
    [needle, needle, needle],
  );
  return events.map((e) => ({
    event: e,
    tags: store.all('SELECT id, label, examiner, created_at FROM tag WHERE event_id = ? AND removed_at IS NULL ORDER BY id', [e.id]),
    notes: store.all('SELECT id, text, examiner, created_at, edited_by, edited_at, revisions FROM notes WHERE event_id = ? ORDER BY id', [e.id]),
  })) as Bookmark[];
}

export function noteHistory(store: CaseStore, noteId: number): NoteRevision[] {
  return store.all<NoteRevision>('SELECT id, note_id, text, examiner, time FROM note_revision WHERE note_id = ? ORDER BY id', [noteId]);
}
