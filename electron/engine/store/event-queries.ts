// Reading the timeline: counts, pages in time order, and one event with its original record.
import { closeSync, openSync, readSync } from 'node:fs';
import type { SqlValue } from 'sql.js';
import type { EventFilter } from '../../common/protocol';
import type { EventDetail, EventRow } from '../../common/schema';
import type { TextEncoding } from '../ingest/encoding';
import { findFormat } from '../formats/registry';
import { gunzipRange } from '../ingest/gzip';
import { lineDecoder } from '../ingest/line-decoder';
import { readZipEntryRange } from '../ingest/zip-entry-range';
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
  // Time range (ISO UTC, from inclusive, to exclusive): set by an assistant answer.
  if (filter?.from) {
    parts.push('time >= ?');
    params.push(filter.from);
  }
  if (filter?.to) {
    parts.push('time < ?');
    params.push(filter.to);
  }
  if (filter?.evidenceId !== undefined) {
    parts.push('evidence_id = ?');
    params.push(filter.evidenceId);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function countEvents(store: CaseStore, filter?: EventFilter): number {
  const where = whereClause(filter);
  const from = where.sql ? 'events' : 'event_row';
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

export function eventDetail(store: CaseStore, id: number): EventDetail {
  const event = store.all<EventRow>('SELECT * FROM events WHERE id = ?', [id])[0];
  if (!event) throw new Error(`no event #${id}`);
  const ev = store.all<{ path: string; encoding: string; sha256: string; container: string | null; entry_name: string | null; clock_skew_ms: number }>(
    'SELECT path, encoding, sha256, container, entry_name, clock_skew_ms FROM evidence WHERE id = ?',
    [event.evidence_id],
  )[0]!;
  const offset = Number(event.source_offset);
  const length = Number(event.source_length);
  const detail: EventDetail = {
    event,
    original: null,
    provenance: {
      file: ev.path,
      format: String(event.source_format),
      line: Number(event.source_line),
      byteOffset: offset,
      byteLength: length,
      sha256: ev.sha256,
      ...(ev.entry_name !== null ? { entry: ev.entry_name } : {}),
      clockSkewMs: Number(ev.clock_skew_ms),
    },
  };
  try {
    const format = findFormat(String(event.source_format));
    const shown = Math.min(length, MAX_RECORD_DISPLAY_BYTES);
    const bytes =
      ev.entry_name !== null
        ? readZipEntryRange(ev.path, ev.entry_name, ev.container === 'zip+gzip', offset, shown)
        : ev.container === 'gzip'
          ? gunzipRange(ev.path, offset, shown)
          : readRecordBytes(ev.path, offset, length);
    detail.original = format?.renderRecord ? format.renderRecord(bytes, { file: ev.path, offset }) : lineDecoder(ev.encoding as TextEncoding)(bytes);
  } catch (err) {
    detail.originalUnavailableReason = `evidence file unreadable at ${ev.path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
  }
  return detail;
}

const MAX_RECORD_DISPLAY_BYTES = 1 << 20;

/** The record's bytes as written, read back from the evidence file by its byte range. */
export function readRecordBytes(file: string, offset: number, length: number): Buffer {
  const n = Math.min(length, MAX_RECORD_DISPLAY_BYTES);
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const got = readSync(fd, buf, 0, n, offset);
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}
