// Recognizes the text encoding of an evidence file from its first bytes.
// Japanese customers' files are often Shift_JIS (CP932) saved by Excel, or UTF-16 exports.

// EUC-JP and Latin-1 are never guessed (too many byte strings fit them); they can be chosen.
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis' | 'euc-jp' | 'latin1';

export const TEXT_ENCODINGS: readonly TextEncoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'shift_jis', 'euc-jp', 'latin1'];

export interface EncodingGuess {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

export class NotTextError extends Error {
  override name = 'NotTextError';
}

/** Decides the encoding from the head of a file; throws NotTextError for binary content. */
export function detectEncoding(head: Uint8Array): EncodingGuess {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const bomless16 = guessBomlessUtf16(head);
  if (bomless16) return { encoding: bomless16, bomLength: 0 };
  if (looksBinary(head)) throw new NotTextError('binary file (not a text log)');
  if (isValidUtf8(head)) return { encoding: 'utf-8', bomLength: 0 };
  if (isPlausibleShiftJis(head)) return { encoding: 'shift_jis', bomLength: 0 };
  // Mostly-ASCII text with a few stray bytes: read as UTF-8, the stray bytes become U+FFFD.
  return { encoding: 'utf-8', bomLength: 0 };
}

/**
 * The examiner chose the encoding: use it, skipping a byte-order mark only when it is that
 * encoding's own (a UTF-8 BOM read as Latin-1 is three characters of the text as written).
 */
export function chosenEncoding(head: Uint8Array, encoding: TextEncoding): EncodingGuess {
  const bom =
    (encoding === 'utf-8' && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) ||
    (encoding === 'utf-16le' && head[0] === 0xff && head[1] === 0xfe) ||
    (encoding === 'utf-16be' && head[0] === 0xfe && head[1] === 0xff);
  return { encoding, bomLength: bom ? (encoding === 'utf-8' ? 3 : 2) : 0 };
}

/** UTF-16 without BOM: ASCII text leaves every other byte zero. */
function guessBomlessUtf16(head: Uint8Array): TextEncoding | null {
  const n = Math.min(head.length & ~1, 4096);
  if (n < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.7 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.7 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function looksBinary(head: Uint8Array): boolean {
  const n = Math.min(head.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0) return true;
    // Tab, LF, CR, FF and ESC occur in text logs; other C0 controls rarely do.
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return n > 0 && control / n > 0.05;
}

function isValidUtf8(head: Uint8Array): boolean {
  // The head may end inside a multi-byte sequence: ignore an incomplete tail.
  let end = head.length;
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const b = head[end - k]!;
    if ((b & 0xc0) === 0xc0) {
      end -= k;
      break;
    }
    if ((b & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

function isPlausibleShiftJis(head: Uint8Array): boolean {
  let end = head.length;
  // Drop a possibly cut lead byte at the end.
  const last = head[end - 1];
  if (last !== undefined && ((last >= 0x81 && last <= 0x9f) || (last >= 0xe0 && last <= 0xfc))) end--;
  try {
    new TextDecoder('shift_jis', { fatal: true }).decode(head.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}
