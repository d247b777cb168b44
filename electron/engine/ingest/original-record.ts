// One event with its original record, read back from the evidence by the byte range the
// ingest noted (through the gzip or zip container it came in) and shown as the format renders
// it. This reads evidence, so it lives with the ingest's decoders rather than in the store.
import { closeSync, openSync, readSync } from 'node:fs';
import type { EventDetail, EventRow } from '../../common/schema';
import { findFormat } from '../formats/registry';
import type { CaseStore } from '../store/case-store';
import type { TextEncoding } from './encoding';
import { gunzipRange } from './gzip';
import { lineDecoder } from './line-decoder';
import { readZipEntryRange } from './zip-entry-range';

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
    const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    detail.originalUnavailableReason = `evidence file unreadable at ${ev.path} (${why})`;
    detail.originalUnavailableReason_code = { code: 'original.unreadable', params: { path: ev.path, why } };
  }
  return detail;
}

const MAX_RECORD_DISPLAY_BYTES = 1 << 20;

/** The record's bytes as written, read back from the evidence file by its byte range. */
function readRecordBytes(file: string, offset: number, length: number): Buffer {
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
