import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../../electron/engine/ingest/line-splitter';

interface Line {
  number: number;
  offset: number;
  length: number;
  truncated: boolean;
  /** A copy: the splitter's bytes are valid only until its next feed(). */
  bytes: Buffer;
}

function split(chunks: Buffer[], encoding: 'utf-8' | 'utf-16le' = 'utf-8', max?: number): Line[] {
  const s = new LineSplitter(encoding, 0, max);
  const out: Line[] = [];
  const take = () =>
    out.push({ number: s.lineNumber, offset: s.lineOffset, length: s.lineLength, truncated: s.lineTruncated, bytes: Buffer.from(s.lineSource.subarray(s.lineStart, s.lineEnd)) });
  let offset = 0;
  for (const c of chunks) {
    s.feed(c, offset);
    while (s.next()) take();
    offset += c.length;
  }
  if (s.finish()) take();
  return out;
}

describe('LineSplitter', () => {
  it('keeps byte offsets across chunk boundaries and strips CR', () => {
    const text = 'first\r\nsecond line\nthird';
    const buf = Buffer.from(text);
    const lines = split([buf.subarray(0, 9), buf.subarray(9, 15), buf.subarray(15)]);
    expect(lines.map((l) => l.bytes.toString())).toEqual(['first', 'second line', 'third']);
    expect(lines.map((l) => l.offset)).toEqual([0, 7, 19]);
    expect(lines.map((l) => l.number)).toEqual([1, 2, 3]);
    for (const l of lines) expect(buf.subarray(l.offset, l.offset + l.length).toString()).toBe(l.bytes.toString());
  });

  it('counts offsets in bytes, not characters, for multi-byte text', () => {
    const buf = Buffer.from('請求書.doc\nnext\n');
    const lines = split([buf]);
    expect(lines[1]!.offset).toBe(Buffer.byteLength('請求書.doc\n'));
  });

  it('splits UTF-16LE on whole code units', () => {
    const buf = Buffer.from('a\u0a0ab\nc\n', 'utf16le'); // U+0A0A must not be taken for LF
    const lines = split([buf], 'utf-16le');
    expect(lines.map((l) => l.bytes.toString('utf16le'))).toEqual(['a\u0a0ab', 'c']);
    expect(lines[1]!.offset).toBe(8);
  });

  it('truncates an over-long line instead of buffering it, and keeps going', () => {
    const long = 'x'.repeat(5000);
    const buf = Buffer.from(`ok\n${long}\nafter\n`);
    const lines = split([buf.subarray(0, 1000), buf.subarray(1000, 3000), buf.subarray(3000)], 'utf-8', 1024);
    expect(lines).toHaveLength(3);
    expect(lines[1]!.truncated).toBe(true);
    expect(lines[1]!.length).toBe(5000);
    expect(lines[1]!.bytes.length).toBe(1024);
    expect(lines[2]!.bytes.toString()).toBe('after');
    expect(lines[2]!.offset).toBe(3 + 5000 + 1);
  });
});
