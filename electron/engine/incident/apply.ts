// What the incident.* custody actions do to the case database (migration 010), when they are
// taken and when the journal is replayed: rows take the entry's id, so a replay changes nothing.
import type { CustodyEntry } from '../custody/chain';
import type { CaseStore } from '../store/case-store';
import { registerReplayEffect } from '../custody/effects';

type Json = Record<string, unknown>;
const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

export function assetKey(a: { host?: string | null; src_ip?: string | null; user?: string | null }): string {
  return [a.host, a.src_ip, a.user].map((v) => (v ?? '').trim().toLowerCase()).join('|');
}

/** Returns false for an action that is not the incident's (the caller's switch goes on). */
export function applyIncidentEntry(store: CaseStore, e: CustodyEntry, d: Json): boolean {
  const db = store.db;
  switch (e.action) {
    case 'incident.phase.set':
    case 'incident.severity.set':
      db.run(
        `INSERT OR IGNORE INTO incident_change (id, field, old_value, new_value, reason, proposed, examiner, time)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          e.id,
          e.action === 'incident.phase.set' ? 'phase' : 'severity',
          text(d.from),
          String(d.to),
          text(d.reason),
          d.proposed ? JSON.stringify(d.proposed) : null,
          e.examiner,
          e.time,
        ],
      );
      return true;
    case 'incident.asset.set':
      db.run(
        `INSERT OR IGNORE INTO incident_asset (id, asset_key, host, src_ip, user, old_status, status, reason, examiner, time)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [e.id, assetKey(d as never), text(d.host), text(d.src_ip), text(d.user), text(d.from), String(d.status), text(d.reason), e.examiner, e.time],
      );
      return true;
    case 'incident.task.set':
    case 'incident.task.added': {
      const t = (d.text ?? {}) as Json;
      db.run(
        `INSERT OR IGNORE INTO incident_task (id, task_id, phase, text_en, text_ja, done, examiner, time)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          e.id,
          e.action === 'incident.task.added' ? `custom-${e.id}` : String(d.taskId),
          String(d.phase),
          String(t.en ?? ''),
          String(t.ja ?? t.en ?? ''),
          d.done === true ? 1 : 0,
          e.examiner,
          e.time,
        ],
      );
      return true;
    }
    case 'incident.indicator.confirmed':
    case 'incident.indicator.withdrawn':
      db.run(
        `INSERT OR IGNORE INTO incident_indicator (id, type, value, port, verdict, source, event_ids, comment, examiner, time)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          e.id,
          String(d.type),
          String(d.value),
          d.port === null || d.port === undefined ? null : Number(d.port),
          e.action === 'incident.indicator.confirmed' ? 'confirmed' : 'withdrawn',
          text(d.source),
          JSON.stringify(Array.isArray(d.eventIds) ? d.eventIds.map(Number) : []),
          text(d.comment),
          e.examiner,
          e.time,
        ],
      );
      return true;
    default:
      return false;
  }
}

// Replay: every incident.* action runs the same function when taken and when replayed.
const INCIDENT_ACTIONS = [
  'incident.phase.set',
  'incident.severity.set',
  'incident.asset.set',
  'incident.task.set',
  'incident.task.added',
  'incident.indicator.confirmed',
  'incident.indicator.withdrawn',
] as const;
for (const action of INCIDENT_ACTIONS) {
  registerReplayEffect(action, (store, e) => {
    applyIncidentEntry(store, { ...e, details: '' } as unknown as CustodyEntry, e.details as Json);
  });
}
