// Keeps rollup_count, rollup_time (migration 012) and rollup_minute_category (014) equal to a GROUP BY over event_row:
// written from the ingest's in-memory counts, and recomputed by SQL for one evidence file
// when something changes its rows after the ingest (host filled from an IP map, a clock-skew
// correction, tags, removal). Every function runs inside the caller's transaction.
import type { CaseStore } from '../case-store';
import type { RollupCounts } from './counter';
import { BUCKET_PREFIX, type FacetField, type TimeBucket } from './fields';

/** Stores the counts of a freshly ingested file; fields it could not count in memory are marked as gaps. */
export function writeIngestRollups(store: CaseStore, evidenceId: number, counts: RollupCounts): void {
  const db = store.db;
  const ins = db.prepare('INSERT INTO rollup_count (field, value, evidence_id, n) VALUES (?, ?, ?, ?)');
  try {
    for (const { field, values, counts: ns } of counts.fields) {
      for (let i = 0; i < values.length; i++) ins.run([field, values[i]!, evidenceId, ns[i]!]);
    }
  } finally {
    ins.free();
  }
  for (const field of counts.overflow) db.run('INSERT OR IGNORE INTO rollup_gap (field, evidence_id) VALUES (?, ?)', [field, evidenceId]);
  if (counts.minutes === null || counts.minuteCategories === null) return refreshTime(store, evidenceId);
  const perCategory = db.prepare('INSERT INTO rollup_minute_category (start, category, evidence_id, n) VALUES (?, ?, ?, ?)');
  try {
    const { keys, categories, counts: ns } = counts.minuteCategories;
    for (let i = 0; i < keys.length; i++) {
      perCategory.run([new Date(keys[i]! * 60000).toISOString().slice(0, BUCKET_PREFIX.minute), categories[i]!, evidenceId, ns[i]!]);
    }
  } finally {
    perCategory.free();
  }
  const minute = db.prepare('INSERT INTO rollup_time (bucket, start, evidence_id, n) VALUES (\'minute\', ?, ?, ?)');
  const hours = new Map<string, number>();
  try {
    const { keys, counts: ns } = counts.minutes;
    for (let i = 0; i < keys.length; i++) {
      // The same text as substr(time, 1, 16) of every event in that minute (event_row.time is
      // Date#toISOString's text, ingest/event-batch.ts isoUtc).
      const start = new Date(keys[i]! * 60000).toISOString().slice(0, BUCKET_PREFIX.minute);
      minute.run([start, evidenceId, ns[i]!]);
      const hour = start.slice(0, BUCKET_PREFIX.hour);
      hours.set(hour, (hours.get(hour) ?? 0) + ns[i]!);
    }
  } finally {
    minute.free();
  }
  const hour = db.prepare('INSERT INTO rollup_time (bucket, start, evidence_id, n) VALUES (\'hour\', ?, ?, ?)');
  try {
    for (const [start, n] of hours) hour.run([start, evidenceId, n]);
  } finally {
    hour.free();
  }
}

function idList(ids: readonly number[]): string {
  return ids.map((id) => String(Math.trunc(Number(id)))).join(', ');
}

/** Recounts one field for the given evidence files (all of them when ids is null), gaps left as they are. */
export function refreshField(store: CaseStore, field: FacetField | 'tag', ids: readonly number[] | null): void {
  if (ids !== null && ids.length === 0) return;
  const scope = ids === null ? '' : ` AND evidence_id IN (${idList(ids)})`;
  store.db.run(`DELETE FROM rollup_count WHERE field = ?${scope}`, [field]);
  if (field === 'tag') {
    const eScope = ids === null ? '' : ` AND e.evidence_id IN (${idList(ids)})`;
    store.db.exec(`INSERT INTO rollup_count (field, value, evidence_id, n)
      SELECT 'tag', t.label, e.evidence_id, count(DISTINCT t.event_id)
      FROM tag t JOIN event_row e ON e.id = t.event_id
      WHERE t.removed_at IS NULL${eScope} GROUP BY t.label, e.evidence_id`);
    return;
  }
  // field is one of FACET_FIELDS (typed), never text from outside.
  store.db.exec(`INSERT INTO rollup_count (field, value, evidence_id, n)
    SELECT '${field}', ${field}, evidence_id, count(*) FROM event_row
    WHERE ${field} IS NOT NULL${scope}
      AND evidence_id NOT IN (SELECT evidence_id FROM rollup_gap WHERE field = '${field}')
    GROUP BY ${field}, evidence_id`);
}

/** Recounts the minute and hour buckets of one evidence file (after its times moved). */
export function refreshTime(store: CaseStore, evidenceId: number): void {
  store.db.run('DELETE FROM rollup_time WHERE evidence_id = ?', [evidenceId]);
  store.db.run('DELETE FROM rollup_minute_category WHERE evidence_id = ?', [evidenceId]);
  store.db.run(
    `INSERT INTO rollup_minute_category (start, category, evidence_id, n)
     SELECT substr(time, 1, ${BUCKET_PREFIX.minute}), category, evidence_id, count(*) FROM event_row
     WHERE evidence_id = ? GROUP BY substr(time, 1, ${BUCKET_PREFIX.minute}), category`,
    [evidenceId],
  );
  for (const bucket of ['minute', 'hour'] as TimeBucket[]) {
    store.db.run(
      `INSERT INTO rollup_time (bucket, start, evidence_id, n)
       SELECT ?, substr(time, 1, ${BUCKET_PREFIX[bucket]}), evidence_id, count(*) FROM event_row
       WHERE evidence_id = ? GROUP BY substr(time, 1, ${BUCKET_PREFIX[bucket]})`,
      [bucket, evidenceId],
    );
  }
}

/** The evidence file and its events are gone: so are its counts. */
export function dropRollups(store: CaseStore, evidenceId: number): void {
  store.db.run('DELETE FROM rollup_count WHERE evidence_id = ?', [evidenceId]);
  store.db.run('DELETE FROM rollup_time WHERE evidence_id = ?', [evidenceId]);
  store.db.run('DELETE FROM rollup_minute_category WHERE evidence_id = ?', [evidenceId]);
  store.db.run('DELETE FROM rollup_gap WHERE evidence_id = ?', [evidenceId]);
}

/** A tag was added to or removed from an event: recount the labels of that event's file. */
export function refreshTagsOfEvent(store: CaseStore, eventId: number): void {
  const evidenceId = store.scalar('SELECT evidence_id FROM event_row WHERE id = ?', [eventId]);
  if (evidenceId === null) return;
  refreshField(store, 'tag', [Number(evidenceId)]);
}
