// Stars, bulk tags and threaded comments on events, each one custody entry. A star is the tag
// "starred" (so `tag:starred` finds it and the bookmarks view lists it); a bulk tag is one
// tag.bulkAdded entry naming every event it tagged (the ids, not the query, so replaying the
// log gives the same rows whatever was ingested since); a reply is a note.replied entry
// naming the note it answers. apply* run when the action is taken and on replay.
import type { EventFilter } from '../../common/protocol';
import type { BulkTagResult, CommentNode, EventAnnotations } from '../../common/investigate';
import { ActionError, addNote, addTag, normalizeLabel, removeTag } from '../custody/actions';
import type { CustodyEntry } from '../custody/chain';
import type { CaseSession } from '../custody/session';
import { registerReplayEffect } from '../custody/effects';
import { refreshTagsOfEvent } from '../store/rollups/write';
import type { CaseStore } from '../store/case-store';
import { whereFor } from '../store/event-queries';

export const STAR_LABEL = 'starred';
/** One bulk entry tags at most this many events (its details carry every id). */
export const MAX_BULK = 200_000;
// Bulk tag rows take ids -(entry id * BULK_SPAN + position): see migration 009.
const BULK_SPAN = 2 ** 21;
const MAX_COMMENT = 64 * 1024;

export function eventAnnotations(store: CaseStore, eventId: number): EventAnnotations {
  const tags = store.all<{ id: number; label: string; examiner: string; created_at: string }>(
    'SELECT id, label, examiner, created_at FROM tag WHERE event_id = ? AND removed_at IS NULL ORDER BY created_at, id',
    [eventId],
  );
  return { eventId, starred: tags.some((t) => t.label === STAR_LABEL), tags, comments: commentThreads(store, eventId) };
}

/** The event's comments as threads, oldest first at every level. */
export function commentThreads(store: CaseStore, eventId: number): CommentNode[] {
  const rows = store.all<{ id: number; parent_id: number | null; text: string; examiner: string; created_at: string; edited_at: string; edited_by: string; revisions: number }>(
    `SELECT n.id, o.parent_id, n.text, n.examiner, n.created_at, n.edited_at, n.edited_by, n.revisions
     FROM notes n JOIN note o ON o.id = n.id WHERE n.event_id = ? ORDER BY n.created_at, n.id`,
    [eventId],
  );
  const nodes = new Map<number, CommentNode>();
  for (const r of rows) {
    nodes.set(r.id, {
      id: r.id,
      parentId: r.parent_id,
      text: r.text,
      examiner: r.examiner,
      createdAt: r.created_at,
      editedAt: r.revisions > 1 ? r.edited_at : null,
      editedBy: r.edited_by,
      revisions: r.revisions,
      replies: [],
    });
  }
  const roots: CommentNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentId === null ? undefined : nodes.get(n.parentId);
    (parent ? parent.replies : roots).push(n);
  }
  return roots;
}

export function setStar(session: CaseSession, eventId: number, starred: boolean): CustodyEntry | null {
  const active = session.store.scalar('SELECT id FROM tag WHERE event_id = ? AND label = ? AND removed_at IS NULL', [eventId, STAR_LABEL]);
  if (starred && active === null) return addTag(session, eventId, STAR_LABEL);
  if (!starred && active !== null) return removeTag(session, Number(active));
  return null;
}

export function addComment(session: CaseSession, eventId: number, text: string, parentId?: number): CustodyEntry {
  if (parentId === undefined || parentId === null) return addNote(session, eventId, text);
  const parent = session.store.all<{ event_id: number }>('SELECT event_id FROM note WHERE id = ?', [parentId])[0];
  if (!parent) throw new ActionError(`no comment with id ${parentId}`);
  if (parent.event_id !== eventId) throw new ActionError(`comment ${parentId} belongs to event ${parent.event_id}, not ${eventId}`);
  const t = String(text).normalize('NFC');
  if (!t.trim()) throw new ActionError('a reply needs text');
  if (t.length > MAX_COMMENT) throw new ActionError(`a reply has at most ${MAX_COMMENT} characters`);
  return session.record('note.replied', { eventId, parentId, text: t });
}

/** Tags the events of a filter (whereClause: the query in force) or of explicit ids. */
export function bulkTag(session: CaseSession, label: string, selection: { filter?: EventFilter; eventIds?: number[] }): BulkTagResult {
  session.requireWritable();
  const l = normalizeLabel(label);
  const store = session.store;
  let ids: number[];
  if (Array.isArray(selection.eventIds)) {
    const wanted = Array.from(new Set(selection.eventIds.map(Number).filter(Number.isInteger))).sort((a, b) => a - b);
    ids = [];
    for (let i = 0; i < wanted.length; i += 500) {
      const chunk = wanted.slice(i, i + 500);
      for (const r of store.all<{ id: number }>(`SELECT id FROM event_row WHERE id IN (${chunk.map(() => '?').join(',')}) ORDER BY id`, chunk)) ids.push(r.id);
    }
  } else {
    const where = whereFor(session.store, selection.filter);
    const n = Number(store.scalar(`SELECT count(*) FROM events ${where.sql}`, where.params));
    if (n > MAX_BULK) throw new ActionError(`the query matches ${n} events; bulk tagging takes at most ${MAX_BULK} at once — narrow it`);
    ids = store.all<{ id: number }>(`SELECT id FROM events ${where.sql} ORDER BY id`, where.params).map((r) => r.id);
  }
  if (ids.length > MAX_BULK) throw new ActionError(`bulk tagging takes at most ${MAX_BULK} events at once`);
  if (ids.length === 0) return { label: l, matched: 0, tagged: 0, custodyId: null };
  const already = new Set(
    store.all<{ event_id: number }>('SELECT event_id FROM tag WHERE label = ? AND removed_at IS NULL', [l]).map((r) => r.event_id),
  );
  const fresh = ids.filter((id) => !already.has(id));
  if (fresh.length === 0) return { label: l, matched: ids.length, tagged: 0, custodyId: null };
  const entry = session.record('tag.bulkAdded', {
    label: l,
    eventIds: fresh,
    ...(selection.filter && !selection.eventIds ? { filter: selection.filter } : {}),
  });
  return { label: l, matched: ids.length, tagged: fresh.length, custodyId: entry.id };
}

export function applyBulkTag(store: CaseStore, e: CustodyEntry, d: Record<string, unknown>): void {
  const ids = Array.isArray(d.eventIds) ? (d.eventIds as unknown[]).map(Number) : [];
  const label = String(d.label);
  const stmt = store.db.prepare('INSERT OR IGNORE INTO tag (id, event_id, label, examiner, created_at) VALUES (?, ?, ?, ?, ?)');
  try {
    ids.forEach((eventId, i) => stmt.run([-(e.id * BULK_SPAN + i), eventId, label, e.examiner, e.time]));
  } finally {
    stmt.free();
  }
}

export function applyNoteReplied(store: CaseStore, e: CustodyEntry, d: Record<string, unknown>): void {
  store.db.run('INSERT OR IGNORE INTO note (id, event_id, examiner, created_at, parent_id) VALUES (?, ?, ?, ?, ?)', [
    e.id,
    Number(d.eventId),
    e.examiner,
    e.time,
    Number(d.parentId),
  ]);
  store.db.run('INSERT OR IGNORE INTO note_revision (id, note_id, text, examiner, time) VALUES (?, ?, ?, ?, ?)', [
    e.id,
    e.id,
    String(d.text),
    e.examiner,
    e.time,
  ]);
}

registerReplayEffect('tag.bulkAdded', (store, e) => {
  applyBulkTag(store, e as unknown as CustodyEntry, e.details);
  // The tag rollup counts tagged events per evidence file (store/rollups): recount each file
  // the bulk tag touched once, through one of its events.
  const ids = e.details.eventIds.map(Number);
  const oneEventPerFile = new Map<number, number>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = store.all<{ evidence_id: number; id: number }>(
      `SELECT evidence_id, min(id) AS id FROM event_row WHERE id IN (${chunk.map(() => '?').join(',')}) GROUP BY evidence_id`,
      chunk,
    );
    for (const r of rows) if (!oneEventPerFile.has(Number(r.evidence_id))) oneEventPerFile.set(Number(r.evidence_id), Number(r.id));
  }
  for (const id of oneEventPerFile.values()) refreshTagsOfEvent(store, id);
});
registerReplayEffect('note.replied', (store, e) => applyNoteReplied(store, e as unknown as CustodyEntry, e.details));
