// Reading the timeline: counts and one event with its original record (pages: event-pages.ts).
import { closeSync, openSync, readSync } from 'node:fs';
import type { EventFilter } from '../../common/protocol';
import type { EventDetail, EventRow } from '../../common/schema';
import type { TextEncoding } from '../ingest/encoding';
import { findFormat } from '../formats/registry';
import { gunzipRange } from '../ingest/gzip';
import { lineDecoder } from '../ingest/line-decoder';
import { readZipEntryRange } from '../ingest/zip-entry-range';
import type { CaseStore } from './case-store';
import { searchOptions } from './fts/fts-state';
import { whereClause, type WhereClause } from './query';

export { whereClause } from './query';

/**
 * The WHERE clause of a filter on this case: bare words go through the full-text index when
 * it covers every event. Everything that lists events (grid, count, facets, exports) uses
 * this, so they agree on what a query matches.
 */
export function whereFor(store: CaseStore, filter: EventFilter | undefined): WhereClause {
  return whereClause(filter, searchOptions(store));
}

export function countEvents(store: CaseStore, filter?: EventFilter): number {
  const where = whereFor(store, filter);
  // Every condition names event_row's own columns, so the view's join is not needed.
  return Number(store.scalar(`SELECT count(*) FROM event_row ${where.sql}`, where.params));
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
