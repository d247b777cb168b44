import { describe, expect, it } from 'vitest';
import type { ParseOutcome, ReadRecord, RecordParser } from '../../../electron/engine/formats/types';
import { lineRecordReader } from '../../../electron/engine/ingest/line-records';

/** A toy CSV-ish parser: a record is complete when its double quotes balance. */
const quoteAware: RecordParser = {
  parseLine(text): ParseOutcome {
    if ((text.match(/"/g) ?? []).length % 2 === 1) return { kind: 'more' };
    if (text.startsWith('bad')) return { kind: 'reject', reason: 'bad record' };
    return { kind: 'events', events: [{ ts: 0, timeRaw: '0', timeZone: 'UTC', category: 'other', message: text }] };
  },
};

function read(text: string, chunkSize = 7): ReadRecord[] {
  const reader = lineRecordReader(quoteAware, 'utf-8', 0);
  const bytes = Buffer.from(text);
  const out: ReadRecord[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) out.push(...reader.push(bytes.subarray(i, i + chunkSize), i));
  out.push(...reader.end());
  return out;
}

describe('lineRecordReader', () => {
  it('joins lines while the parser asks for more, keeping the first line number and the whole byte span', () => {
    const text = 'a,1\n"multi\nline",2\n\nbad\nz,3';
    const recs = read(text);
    const events = recs.filter((r) => r.outcome.kind === 'events');
    expect(events.map((r) => r.number)).toEqual([1, 2, 6]);
    const multi = events[1]!;
    expect(text.slice(multi.offset, multi.offset + multi.length)).toBe('"multi\nline",2');
    expect(recs.find((r) => r.outcome.kind === 'skip')?.number).toBe(4);
    const rejected = recs.find((r) => r.outcome.kind === 'reject')!;
    expect([rejected.number, rejected.raw]).toEqual([5, 'bad']);
  });

  it('rejects a record still open at the end of the file instead of losing it', () => {
    const recs = read('ok\n"never closed\nmore text');
    const last = recs[recs.length - 1]!;
    expect(last.outcome).toEqual({ kind: 'reject', reason: 'file ends inside a record (truncated?)' });
    expect(last.raw).toBe('"never closed\nmore text');
    expect(last.number).toBe(2);
  });

  it('skips a UTF-8 byte-order mark without shifting offsets', () => {
    const reader = lineRecordReader(quoteAware, 'utf-8', 3);
    const bytes = Buffer.from('\ufeffx,1\ny,2\n');
    const recs = [...reader.push(bytes, 0), ...reader.end()];
    expect(recs.map((r) => [r.offset, r.length])).toEqual([[3, 3], [7, 3]]);
  });

  it('gives the same records however the file is cut into chunks (lines across chunks, CRLF, blanks, Japanese)', () => {
    const text = 'a,1\r\n\r\n"請求\r\n書",2\n   \nbad\r\n日本語の行,3\n"open\n\nclosed",4\r\nlast without newline';
    const whole = read(text, Buffer.byteLength(text));
    expect(whole.map((r) => r.outcome.kind)).toEqual(['events', 'skip', 'events', 'skip', 'reject', 'events', 'events', 'events']);
    for (const size of [1, 2, 3, 4, 5, 7, 11, 16]) {
      expect(read(text, size), `chunks of ${size} bytes`).toEqual(whole);
    }
  });
});

