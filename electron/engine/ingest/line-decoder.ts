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
