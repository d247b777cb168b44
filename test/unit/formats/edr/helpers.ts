// Reading a record format's document from bytes, in chunks, as the pipeline does.
import { readFileSync } from 'node:fs';
import type { ParsedEvent, RecordFormat, ReadRecord, SniffSample } from '../../../../electron/engine/formats/types';

export interface DocResult {
  records: ReadRecord[];
  events: ParsedEvent[];
  rejects: string[];
}

export function readDocument(format: RecordFormat, bytes: Buffer, chunk = 65536, timezone = 'Asia/Tokyo'): DocResult {
  const reader = format.createRecordReader({ fileName: 'x', timezone, baseYear: 2026 });
  const records: ReadRecord[] = [];
  for (let o = 0; o < bytes.length; o += chunk) records.push(...reader.push(bytes.subarray(o, o + chunk), o));
  records.push(...reader.end());
  const events: ParsedEvent[] = [];
  const rejects: string[] = [];
  for (const r of records) {
    if (r.outcome.kind === 'events') events.push(...r.outcome.events);
    else if (r.outcome.kind === 'reject') rejects.push(r.outcome.reason);
  }
  return { records, events, rejects };
}

/** A SniffSample as the pipeline builds it from a file's bytes. */
export function fileSample(file: string): SniffSample {
  const bytes = readFileSync(file);
  const head = bytes.subarray(0, 64 * 1024);
  const lines = head.toString('utf8').split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() !== '').slice(0, 40);
  return { fileName: file, head, lines };
}
