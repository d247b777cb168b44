// Lines are decoded in place from the chunk that holds them (line-splitter.ts, line-decoder.ts):
// a chunk of ASCII bytes is read as latin1, any other as UTF-8. Whatever the chunking, every
// line's text, number and byte span must be those of the file as written.
import { describe, expect, it } from 'vitest';
import type { ParseOutcome, ReadRecord, RecordParser } from '../../../electron/engine/formats/types';
import type { TextEncoding } from '../../../electron/engine/ingest/encoding';
import { lineRecordReader } from '../../../electron/engine/ingest/line-records';

const echo: RecordParser = {
  parseLine(text): ParseOutcome {
    return { kind: 'events', events: [{ ts: 0, timeRaw: '0', timeZone: 'UTC', category: 'other', message: text }] };
  },
};

function lines(bytes: Buffer, chunkSize: number, encoding: TextEncoding = 'utf-8'): ReadRecord[] {
  const reader = lineRecordReader(echo, encoding, 0);
  const out: ReadRecord[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) out.push(...reader.push(bytes.subarray(i, i + chunkSize), i));
  out.push(...reader.end());
  return out;
}

function message(r: ReadRecord): string | undefined {
  return r.outcome.kind === 'events' ? r.outcome.events[0]!.message : undefined;
}

describe('lines decoded in place', () => {
  it('gives the same text for ASCII and UTF-8 chunks, CRLF or LF, at every chunk size', () => {
    const text = 'GET /a HTTP/1.1\r\nPOST /お知らせ\n\u00e9t\u00e9 caf\u00e9\r\nplain ascii line\nlast 請求書';
    const bytes = Buffer.from(text);
    const expected = text.split(/\r?\n/);
    for (const size of [1, 3, 7, 16, 64, 1 << 20]) {
      const recs = lines(bytes, size);
      expect(recs.map(message), `chunk ${size}`).toEqual(expected);
      expect(recs.map((r) => r.number)).toEqual([1, 2, 3, 4, 5]);
      for (const r of recs) {
        expect(bytes.subarray(r.offset, r.offset + r.length).toString().replace(/\r$/, ''), `chunk ${size}`).toBe(message(r));
      }
    }
  });

  it('keeps every byte of a latin1 file as its code point', () => {
    const bytes = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a, 0x80, 0xff, 0x41, 0x0a]);
    expect(lines(bytes, 4, 'latin1').map(message)).toEqual(['caf\u00e9', '\u0080\u00ffA']);
  });

  it('replaces an invalid UTF-8 sequence as before (U+FFFD), not as latin1', () => {
    const bytes = Buffer.from([0x61, 0xc3, 0x0a, 0x62, 0x0a]);
    expect(lines(bytes, 1 << 20).map(message)).toEqual(['a\ufffd', 'b']);
  });
});
