// The examiner's actions on a case, each one custody entry (see apply.ts for its effect).
// Validation happens here, before anything is journaled.
import type { CustodyEntry } from './chain';
import {
  CASE_EDITABLE as EDITABLE_CASE_FIELDS,
  EVIDENCE_EDITABLE as EDITABLE_EVIDENCE_FIELDS,
  type CaseEditableField as EditableCaseField,
  type EvidenceEditableField as EditableEvidenceField,
} from '../../common/custody';
import type { CaseSession } from './session';
import { isValidTimeZone } from '../time/zone';
import type { CodedText } from '../../common/coded-text';

const STANDARD_LABELS = ['evidence', 'suspicious', 'benign', 'IOC'] as const;
const MAX_LABEL = 64;
const MAX_NOTE = 64 * 1024;

export class ActionError extends Error {
  override name = 'ActionError';
  /** The message as a code (common/coded-text.ts), for a UI in another language. */
  readonly coded: CodedText | undefined;

  constructor(message: string, coded?: CodedText) {
    super(message);
    this.coded = coded;
  }
}

function requireEvent(session: CaseSession, eventId: number): void {
  if (!Number.isInteger(eventId) || session.store.scalar('SELECT 1 FROM event_row WHERE id = ?', [eventId]) === null) {
    throw new ActionError(`no event with id ${eventId} in this case`, { code: 'action.noEvent', params: { id: String(eventId) } });
  }
}

/** Standard labels keep their canonical spelling whatever the case typed; others are free. */
export function normalizeLabel(label: string): string {
  const trimmed = label.normalize('NFC').trim();
  if (!trimmed) throw new ActionError('a tag needs a label', { code: 'action.needsLabel' });
  if (trimmed.length > MAX_LABEL) throw new ActionError(`a label has at most ${MAX_LABEL} characters`, { code: 'action.labelTooLong', params: { max: String(MAX_LABEL) } });
  return STANDARD_LABELS.find((l) => l.toLowerCase() === trimmed.toLowerCase()) ?? trimmed;
}

function normalizeNote(text: string): string {
  const t = String(text).normalize('NFC');
  if (!t.trim()) throw new ActionError('a note needs text', { code: 'action.needsText' });
  if (t.length > MAX_NOTE) throw new ActionError(`a note has at most ${MAX_NOTE} characters`, { code: 'action.noteTooLong', params: { max: String(MAX_NOTE) } });
  return t;
}

export function addTag(session: CaseSession, eventId: number, label: string): CustodyEntry {
  requireEvent(session, eventId);
  const l = normalizeLabel(label);
  const existing = session.store.scalar('SELECT id FROM tag WHERE event_id = ? AND label = ? AND removed_at IS NULL', [eventId, l]);
  if (existing !== null) throw new ActionError(`event ${eventId} already has the tag "${l}"`, { code: 'action.alreadyTagged', params: { id: String(eventId), label: l } });
  return session.record('tag.added', { eventId, label: l });
}

export function removeTag(session: CaseSession, tagId: number): CustodyEntry {
  const row = session.store.all<{ event_id: number; label: string }>('SELECT event_id, label FROM tag WHERE id = ? AND removed_at IS NULL', [tagId])[0];
  if (!row) throw new ActionError(`no active tag with id ${tagId}`, { code: 'action.noTag', params: { id: String(tagId) } });
  return session.record('tag.removed', { tagId, eventId: row.event_id, label: row.label });
}

export function addNote(session: CaseSession, eventId: number, text: string): CustodyEntry {
  requireEvent(session, eventId);
  return session.record('note.added', { eventId, text: normalizeNote(text) });
}

/** A new revision; the earlier text stays in note_revision and in the log. */
export function editNote(session: CaseSession, noteId: number, text: string): CustodyEntry | null {
  const current = session.store.all<{ text: string; event_id: number }>('SELECT text, event_id FROM notes WHERE id = ?', [noteId])[0];
  if (!current) throw new ActionError(`no note with id ${noteId}`);
  const next = normalizeNote(text);
  if (next === current.text) return null;
  return session.record('note.edited', { noteId, eventId: current.event_id, previous: current.text, text: next });
}

type Changes<K extends string> = Partial<Record<K, string | null>>;

function diff<K extends string>(current: Record<string, unknown>, changes: Changes<K>, allowed: readonly K[]) {
  const out: Record<string, { old: string | null; new: string | null }> = {};
  for (const [key, raw] of Object.entries(changes) as [K, string | null | undefined][]) {
    if (!allowed.includes(key)) throw new ActionError(`"${key}" cannot be edited`);
    if (raw === undefined) continue;
    const next = raw === null || String(raw).trim() === '' ? null : String(raw).normalize('NFC').trim();
    const old = current[key] === null || current[key] === undefined ? null : String(current[key]);
    if (next !== old) out[key] = { old, new: next };
  }
  return out;
}

export function editEvidence(session: CaseSession, evidenceId: number, changes: Changes<EditableEvidenceField>): CustodyEntry | null {
  const row = session.store.all<Record<string, unknown>>('SELECT * FROM evidence WHERE id = ?', [evidenceId])[0];
  if (!row) throw new ActionError(`no evidence #${evidenceId}`);
  const d = diff(row, changes, EDITABLE_EVIDENCE_FIELDS);
  if (d.name && d.name.new === null) throw new ActionError('evidence needs a name');
  if (Object.keys(d).length === 0) return null;
  return session.record('evidence.edited', { evidenceId, changes: d });
}

export function editCase(session: CaseSession, changes: Changes<EditableCaseField>): CustodyEntry | null {
  const current: Record<string, unknown> = {};
  for (const k of EDITABLE_CASE_FIELDS) current[k] = session.store.getMeta(k);
  const d = diff(current, changes, EDITABLE_CASE_FIELDS);
  if (d.name && d.name.new === null) throw new ActionError('a case needs a title');
  if (d.timezone && (d.timezone.new === null || !isValidTimeZone(d.timezone.new))) {
    throw new ActionError(`unknown time zone "${d.timezone.new ?? ''}"`);
  }
  if (Object.keys(d).length === 0) return null;
  return session.record('case.edited', { changes: d });
}

/** Only evidence that never completed can be removed; complete evidence is part of the record. */
export function removeEvidence(session: CaseSession, evidenceId: number): CustodyEntry {
  const row = session.store.all<{ status: string; name: string; ingest_id: string | null }>(
    'SELECT status, name, ingest_id FROM evidence WHERE id = ?',
    [evidenceId],
  )[0];
  if (!row) throw new ActionError(`no evidence #${evidenceId}`);
  if (row.status === 'complete') throw new ActionError(`evidence #${evidenceId} is complete; only incomplete evidence can be removed`);
  return session.record('evidence.removed', { evidenceId, name: row.name, ingestId: row.ingest_id, status: row.status });
}
