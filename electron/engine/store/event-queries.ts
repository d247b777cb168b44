// Reading the timeline: counts and pages in time order. One event with its original record,
// read back from the evidence, is ingest/original-record.ts.
import type { SqlValue } from 'sql.js';
import type { EventFilter } from '../../common/protocol';
import type { EventRow } from '../../common/schema';
import type { CaseStore } from './case-store';

const TEXT_FIELDS = ['host', 'user', 'process_name', 'process_command_line', 'url', 'domain', 'src_ip', 'dst_ip', 'file_path', 'registry_path', 'message'];

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function whereClause(filter: EventFilter | undefined): { sql: string; params: SqlValue[] } {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  if (filter?.text?.trim()) {
    const like = `%${escapeLike(filter.text.trim())}%`;
    parts.push(`(${TEXT_FIELDS.map((f) => `${f} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    for (let i = 0; i < TEXT_FIELDS.length; i++) params.push(like);
  }
  if (filter?.category) {
    parts.push('category = ?');
    params.push(filter.category);
  }
  if (filter?.host) {
    parts.push('host = ?');
    params.push(filter.host);
  }
  if (filter?.evidenceId !== undefined) {
    parts.push('evidence_id = ?');
    params.push(filter.evidenceId);
  }
  // The time range (histogram selection, pivots): inclusive from, exclusive to.
  if (filter?.from) {
    parts.push('time >= ?');
    params.push(filter.from);
  }
  if (filter?.to) {
    parts.push('time < ?');
    params.push(filter.to);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function countEvents(store: CaseStore, filter?: EventFilter): number {
  const where = whereClause(filter);
  // The events view joins evidence for every row: counting half a 1M-event case through it
  // takes seconds, through event_row tens of ms. Only the view's own columns need the view.
  const from = /\b(source_file|source_format|time_original)\b/.test(where.sql) ? 'events' : 'event_row';
  return Number(store.scalar(`SELECT count(*) FROM ${from} ${where.sql}`, where.params));
}

export function pageEvents(store: CaseStore, filter: EventFilter | undefined, offset: number, limit: number): EventRow[] {
  const where = whereClause(filter);
  const safeLimit = Math.max(0, Math.min(Math.floor(limit), 1000));
  const safeOffset = Math.max(0, Math.floor(offset));
  return store.all<EventRow>(`SELECT * FROM events ${where.sql} ORDER BY time, id LIMIT ? OFFSET ?`, [
    ...where.params,
    safeLimit,
    safeOffset,
  ]);
}
