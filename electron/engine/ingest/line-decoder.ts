// Turns a line's bytes into text in the file's encoding.
import type { TextEncoding } from './encoding';

export type LineDecoder = (bytes: Buffer) => string;

export function lineDecoder(encoding: TextEncoding): LineDecoder {
  switch (encoding) {
    case 'utf-8':
      return (b) => b.toString('utf8');
    case 'utf-16le':
      return (b) => b.toString('utf16le');
    case 'utf-16be':
      return (b) => Buffer.from(b).swap16().toString('utf16le');
    case 'shift_jis': {
      // WHATWG's "shift_jis" decoder is Windows-31J (CP932), which is what Excel writes.
      const decoder = new TextDecoder('shift_jis');
      return (b) => decoder.decode(b);
    }
    case 'euc-jp': {
      const decoder = new TextDecoder('euc-jp');
      return (b) => decoder.decode(b);
    }
    case 'latin1':
      // ISO-8859-1 proper: every byte is the code point of the same value, nothing is lost.
      return (b) => b.toString('latin1');
  }
}

/** Node's own range decoders on Buffer (untyped in @types/node; Buffer#toString calls them). */
interface RangeSlices {
  utf8Slice(start: number, end: number): string;
  latin1Slice(start: number, end: number): string;
}

/** Decodes bytes [start, end) of `source`; `ascii`: every byte of `source` is ASCII. */
export type RangeDecoder = (source: Buffer, start: number, end: number, ascii: boolean) => string;

/**
 * A line's text read in place from the buffer holding it (line-splitter.ts): no view per line,
 * and a line of an all-ASCII chunk is decoded as latin1 (the same text for ASCII bytes, about
 * twice as fast as UTF-8's decoder). Other encodings go through lineDecoder.
 */
export function rangeDecoder(encoding: TextEncoding): RangeDecoder {
  if (encoding === 'utf-8') {
    return (source, start, end, ascii) => {
      const src = source as unknown as RangeSlices;
      return ascii ? src.latin1Slice(start, end) : src.utf8Slice(start, end);
    };
  }
  if (encoding === 'latin1') return (source, start, end) => (source as unknown as RangeSlices).latin1Slice(start, end);
  const decode = lineDecoder(encoding);
  return (source, start, end) => decode(source.subarray(start, end));
}
