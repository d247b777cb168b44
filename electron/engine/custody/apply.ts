// What custody's own actions do to the case database: tags, notes, registry and case edits,
// evidence removed or left incomplete. The log is the source of truth for them: the same
// effect runs when an action is taken and when the journal is replayed after a crash, and rows
// take the id of the entry that made them, so replaying twice changes nothing. Features
// register their own effects the same way (custody/effects.ts); nothing here knows them.
import { CASE_EDITABLE, EVIDENCE_EDITABLE } from '../../common/custody';
import type { JournalEntryOf } from '../../common/custody-actions';
import type { CaseStore } from '../store/case-store';
import { registerReplayEffect } from './effects';
import { dropRollups, refreshTagsOfEvent } from '../store/rollups/write';
import { applySkew } from './skew';

export { applyEntry } from './effects';

registerReplayEffect('tag.added', (store, e) => {
  store.db.run('INSERT OR IGNORE INTO tag (id, event_id, label, examiner, created_at) VALUES (?, ?, ?, ?, ?)', [
    e.id,
    Number(e.details.eventId),
    String(e.details.label),
    e.examiner,
    e.time,
  ]);
  refreshTagsOfEvent(store, Number(e.details.eventId));
});

registerReplayEffect('tag.removed', (store, e) => {
  store.db.run('UPDATE tag SET removed_at = ?, removed_by = ? WHERE id = ? AND removed_at IS NULL', [e.time, e.examiner, Number(e.details.tagId)]);
  refreshTagsOfEvent(store, Number(store.scalar('SELECT event_id FROM tag WHERE id = ?', [Number(e.details.tagId)])));
});

registerReplayEffect('note.added', (store, e) => {
  store.db.run('INSERT OR IGNORE INTO note (id, event_id, examiner, created_at) VALUES (?, ?, ?, ?)', [e.id, Number(e.details.eventId), e.examiner, e.time]);
  insertRevision(store, e, Number(e.id), String(e.details.text));
});

registerReplayEffect('note.edited', (store, e) => insertRevision(store, e, Number(e.details.noteId), String(e.details.text)));

registerReplayEffect('evidence.edited', (store, e) => {
  for (const [field, change] of Object.entries(e.details.changes)) {
    if (!(EVIDENCE_EDITABLE as readonly string[]).includes(field)) continue;
    store.db.run(`UPDATE evidence SET ${field} = ? WHERE id = ?`, [change.new, Number(e.details.evidenceId)]);
    store.db.run(
      `INSERT OR IGNORE INTO evidence_edit (custody_id, evidence_id, field, old_value, new_value, examiner, time)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [e.id, Number(e.details.evidenceId), field, change.old, change.new, e.examiner, e.time],
    );
  }
});

registerReplayEffect('case.edited', (store, e) => {
  for (const [key, change] of Object.entries(e.details.changes)) {
    if ((CASE_EDITABLE as readonly string[]).includes(key)) store.setMeta(key, change.new ?? '');
  }
});

// An ingest that started and never finished (the engine died): keep a row saying so.
registerReplayEffect('evidence.incomplete', (store, e) => {
  const d = e.details;
  if (store.scalar('SELECT 1 FROM evidence WHERE ingest_id = ?', [String(d.ingestId)]) !== null) return;
  const mtime = String(d.mtime ?? e.time);
  store.db.run(
    `INSERT INTO evidence (path, name, size, mtime, format, encoding, timezone, base_year, status, added_at, ingest_id)
     VALUES (?, ?, ?, ?, 'unknown', 'unknown', ?, ?, 'incomplete', ?, ?)`,
    [String(d.path), String(d.name), Number(d.size) || 0, mtime, String(d.timezone ?? 'UTC'), new Date(mtime).getUTCFullYear() || 1970, e.time, String(d.ingestId)],
  );
});

registerReplayEffect('evidence.removed', (store, e) => {
  const id = Number(e.details.evidenceId);
  store.db.run('DELETE FROM event_row WHERE evidence_id = ?', [id]);
  store.db.run('DELETE FROM rejected_record WHERE evidence_id = ?', [id]);
  store.db.run('DELETE FROM evidence WHERE id = ?', [id]);
  dropRollups(store, id);
});

registerReplayEffect('evidence.skew', (store, e) => applySkew(store, e.details));

function insertRevision(store: CaseStore, e: JournalEntryOf<'note.added' | 'note.edited'>, noteId: number, text: string): void {
  store.db.run('INSERT OR IGNORE INTO note_revision (id, note_id, text, examiner, time) VALUES (?, ?, ?, ?, ?)', [
    e.id,
    noteId,
    text,
    e.examiner,
    e.time,
  ]);
}
