import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../../../electron/engine/ingest/encoding';
import { lineDecoder } from '../../../electron/engine/ingest/line-decoder';

const sjis = (text: string): Buffer => {
  // 請求書 in CP932, built from known code points to avoid needing an encoder.
  const table: Record<string, number[]> = { 請: [0x90, 0xbf], 求: [0x8b, 0x81], 書: [0x8f, 0x91] };
  return Buffer.from(text.split('').flatMap((c) => table[c] ?? [c.charCodeAt(0)]));
};

describe('detectEncoding', () => {
  it('reads a UTF-8 BOM and skips it', () => {
    expect(detectEncoding(Buffer.from('\ufeffa,b\n', 'utf8'))).toEqual({ encoding: 'utf-8', bomLength: 3 });
  });
  it('reads UTF-16LE and BE BOMs', () => {
    expect(detectEncoding(Buffer.from('\ufeffhello\n', 'utf16le')).encoding).toBe('utf-16le');
    const be = Buffer.from('\ufeffhello\n', 'utf16le').swap16();
    expect(detectEncoding(be)).toEqual({ encoding: 'utf-16be', bomLength: 2 });
  });
  it('recognizes BOM-less UTF-16LE text', () => {
    expect(detectEncoding(Buffer.from('date,host,user\n2024-01-01,a,b\n', 'utf16le')).encoding).toBe('utf-16le');
  });
  it('keeps Japanese UTF-8 as UTF-8', () => {
    expect(detectEncoding(Buffer.from('user="山田太郎" file=請求書.doc\n')).encoding).toBe('utf-8');
  });
  it('recognizes Shift_JIS (CP932) and decodes it', () => {
    const bytes = sjis('file=請求書.doc\n');
    expect(detectEncoding(bytes).encoding).toBe('shift_jis');
    expect(lineDecoder('shift_jis')(bytes.subarray(0, bytes.length - 1))).toBe('file=請求書.doc');
  });
  it('refuses binary content', () => {
    const bin = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
    expect(() => detectEncoding(bin)).toThrow(/binary/);
  });
});
