// What each custody action does to the case database. The log is the source of truth for
// tags, notes and registry edits: the same function runs when an action is taken and when
// the journal is replayed after a crash, and rows take the id of the entry that made them,
// so replaying twice changes nothing.
import { CASE_EDITABLE, EVIDENCE_EDITABLE, type CaseEditableField, type EvidenceEditableField } from '../../common/custody';
import { applyIocAdded } from '../detect/case-ioc-files';
import { applyFindingReviewed } from '../detect/review';
import { applyMappingSaved } from '../formats/generic/saved-mappings';
import type { CaseStore } from '../store/case-store';
import { applySkew } from './skew';
import { dropRollups, refreshTagsOfEvent } from '../store/rollups/write';
import type { CustodyEntry } from './chain';

/** Registry fields and case metadata keys an examiner may edit (with history). */
export const EDITABLE_EVIDENCE_FIELDS = EVIDENCE_EDITABLE;
export type EditableEvidenceField = EvidenceEditableField;
export const EDITABLE_CASE_FIELDS = CASE_EDITABLE;
export type EditableCaseField = CaseEditableField;

type Change = { old: string | null; new: string | null };

export function applyEntry(store: CaseStore, e: CustodyEntry): void {
  const d = JSON.parse(e.details) as Record<string, unknown>;
  const db = store.db;
  switch (e.action) {
    case 'tag.added':
      db.run('INSERT OR IGNORE INTO tag (id, event_id, label, examiner, created_at) VALUES (?, ?, ?, ?, ?)', [
        e.id,
        Number(d.eventId),
        String(d.label),
        e.examiner,
        e.time,
      ]);
      refreshTagsOfEvent(store, Number(d.eventId));
      break;
    case 'tag.removed':
      db.run('UPDATE tag SET removed_at = ?, removed_by = ? WHERE id = ? AND removed_at IS NULL', [e.time, e.examiner, Number(d.tagId)]);
      refreshTagsOfEvent(store, Number(store.scalar('SELECT event_id FROM tag WHERE id = ?', [Number(d.tagId)])));
      break;
    case 'note.added':
      db.run('INSERT OR IGNORE INTO note (id, event_id, examiner, created_at) VALUES (?, ?, ?, ?)', [
        e.id,
        Number(d.eventId),
        e.examiner,
        e.time,
      ]);
      insertRevision(store, e, Number(e.id), String(d.text));
      break;
    case 'note.edited':
      insertRevision(store, e, Number(d.noteId), String(d.text));
      break;
    case 'evidence.edited': {
      const changes = d.changes as Record<EditableEvidenceField, Change>;
      for (const [field, change] of Object.entries(changes)) {
        if (!(EDITABLE_EVIDENCE_FIELDS as readonly string[]).includes(field)) continue;
        db.run(`UPDATE evidence SET ${field} = ? WHERE id = ?`, [change.new, Number(d.evidenceId)]);
        db.run(
          `INSERT OR IGNORE INTO evidence_edit (custody_id, evidence_id, field, old_value, new_value, examiner, time)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
          [e.id, Number(d.evidenceId), field, change.old, change.new, e.examiner, e.time],
        );
      }
      break;
    }
    case 'case.edited': {
      const changes = d.changes as Record<EditableCaseField, Change>;
      for (const [key, change] of Object.entries(changes)) {
        if ((EDITABLE_CASE_FIELDS as readonly string[]).includes(key)) store.setMeta(key, change.new ?? '');
      }
      break;
    }
    case 'evidence.incomplete':
      // An ingest that started and never finished (the engine died): keep a row saying so.
      if (store.scalar('SELECT 1 FROM evidence WHERE ingest_id = ?', [String(d.ingestId)]) === null) {
        const mtime = String(d.mtime ?? e.time);
        db.run(
          `INSERT INTO evidence (path, name, size, mtime, format, encoding, timezone, base_year, status, added_at, ingest_id)
           VALUES (?, ?, ?, ?, 'unknown', 'unknown', ?, ?, 'incomplete', ?, ?)`,
          [String(d.path), String(d.name), Number(d.size) || 0, mtime, String(d.timezone ?? 'UTC'), new Date(mtime).getUTCFullYear() || 1970, e.time, String(d.ingestId)],
        );
      }
      break;
    case 'evidence.removed': {
      const id = Number(d.evidenceId);
      db.run('DELETE FROM event_row WHERE evidence_id = ?', [id]);
      db.run('DELETE FROM rejected_record WHERE evidence_id = ?', [id]);
      db.run('DELETE FROM evidence WHERE id = ?', [id]);
      dropRollups(store, id);
      break;
    }
    case 'evidence.skew':
      applySkew(store, d);
      break;
    case 'finding.reviewed':
      applyFindingReviewed(store, e, d);
      break;
    case 'ioc.added':
      applyIocAdded(store, e, d);
      break;
    case 'mapping.saved':
      applyMappingSaved(store, e, d);
      break;
    default:
      // case.created, case.opened, ingest.started, evidence.added, evidence.parsed,
      // verification.run, ...: a record of what happened, nothing to change.
      break;
  }
}

function insertRevision(store: CaseStore, e: CustodyEntry, noteId: number, text: string): void {
  store.db.run('INSERT OR IGNORE INTO note_revision (id, note_id, text, examiner, time) VALUES (?, ?, ?, ?, ?)', [
    e.id,
    noteId,
    text,
    e.examiner,
    e.time,
  ]);
}
