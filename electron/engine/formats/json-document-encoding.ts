// The encoding of a JSON document. JSON exchanged between systems is UTF-8 (RFC 8259 section
// 8.1), but Windows tools (PowerShell 5's Out-File) write UTF-16: told by a BOM or by the NUL
// bytes of UTF-16 ASCII. Structure is read without decoding: bytes >= 0x80 are never
// structural in UTF-8, nor code units >= 0x100 in UTF-16.

export type JsonEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding from a document's first bytes (at least 4 unless the file is shorter), and the BOM's length. */
export function detectJsonEncoding(c: Buffer): { encoding: JsonEncoding; bom: number } {
  if (c[0] === 0xef && c[1] === 0xbb && c[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (c[0] === 0xff && c[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (c[0] === 0xfe && c[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  if (c.length >= 2 && c[0] !== 0 && c[1] === 0) return { encoding: 'utf-16le', bom: 0 };
  if (c.length >= 2 && c[0] === 0 && c[1] !== 0) return { encoding: 'utf-16be', bom: 0 };
  return { encoding: 'utf-8', bom: 0 };
}

/** Bytes per code unit. */
export const unitBytes = (e: JsonEncoding): number => (e === 'utf-8' ? 1 : 2);

/**
 * The code unit at `i` as a byte for the structure scan: in UTF-16 only code units below
 * 0x100 can be structural, others read as 0x80 (text).
 */
export function structuralByte(chunk: Buffer, i: number, e: JsonEncoding): number {
  if (e === 'utf-8') return chunk[i]!;
  if (e === 'utf-16le') return chunk[i + 1] === 0 ? chunk[i]! : 0x80;
  return chunk[i] === 0 ? chunk[i + 1]! : 0x80;
}

/** Bytes of the document as text (UTF-8 until the encoding is known). */
export function decodeJson(bytes: Buffer, e: JsonEncoding | null): string {
  if (e === 'utf-16le') return bytes.toString('utf16le');
  if (e === 'utf-16be') return Buffer.from(bytes).swap16().toString('utf16le');
  return bytes.toString('utf8');
}
