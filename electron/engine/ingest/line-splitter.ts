// Splits a byte stream into lines, remembering each line's byte offset in the file so an
// event can point back at the record exactly as written. Works on raw bytes: LF (0x0A)
// never occurs inside a multi-byte character in UTF-8 or Shift_JIS, and UTF-16 is split
// on whole code units.
import { isAscii } from 'node:buffer';
import type { TextEncoding } from './encoding';

export const DEFAULT_MAX_LINE_BYTES = 8 * 1024 * 1024;
const EMPTY = Buffer.alloc(0);

/**
 * Splits chunks into lines, read as a cursor: feed(), then next() until false (and finish() at
 * the end of the file); the current line is in the `line*` fields, no object per line (an
 * object and a generator's resumption per line were ~10% of the allocation per line of a
 * combined log).
 */
export class LineSplitter {
  // The current line (after next() or finish() returned true).
  /** 1-based physical line number. */
  lineNumber = 0;
  /** Byte offset of the line's first byte in the file. */
  lineOffset = 0;
  /**
   * The line's bytes as written (without the terminator) are lineSource[lineStart, lineEnd),
   * read in place: valid until the next feed().
   */
  lineSource: Buffer = EMPTY;
  lineStart = 0;
  lineEnd = 0;
  /** True when the line exceeded the limit and the bytes hold only its start. */
  lineTruncated = false;
  /** Full byte length of the line as written (without terminator). */
  lineLength = 0;
  /** True when every byte of lineSource is ASCII (then any ASCII-compatible decoding is latin1's). */
  lineAscii = false;
  private carry: Buffer[] = [];
  private carryBytes = 0;
  private carryStart: number;
  private overflow = false;
  private overflowLength = 0;
  private readonly unit: 1 | 2;
  private readonly bigEndian: boolean;
  /** The chunk being read, where the next line starts in it, and whether it is all ASCII. */
  private chunk: Buffer = EMPTY;
  private chunkOffset = 0;
  private pos = 0;
  private chunkAscii = false;

  constructor(
    encoding: TextEncoding,
    startOffset: number,
    private readonly maxLineBytes = DEFAULT_MAX_LINE_BYTES,
  ) {
    this.unit = encoding === 'utf-16le' || encoding === 'utf-16be' ? 2 : 1;
    this.bigEndian = encoding === 'utf-16be';
    this.carryStart = startOffset;
  }

  /** Takes the next chunk (`chunkOffset`: its byte offset in the file); read it with next(). */
  feed(chunk: Buffer, chunkOffset: number): void {
    this.chunk = chunk;
    this.chunkOffset = chunkOffset;
    this.pos = 0;
    // One native scan per chunk (~0.1 ms per MiB) lets an ASCII line be decoded as latin1.
    this.chunkAscii = this.unit === 1 && isAscii(chunk);
  }

  /**
   * Moves to the next whole line of the chunk fed; false when the chunk is used up (its
   * unfinished last line is kept for the next chunk). A line read in place stays valid until
   * the next feed().
   */
  next(): boolean {
    const chunk = this.chunk;
    const pos = this.pos;
    if (pos >= chunk.length) return false;
    const nl = this.findNewline(chunk, pos);
    if (nl < 0) {
      this.keep(chunk.subarray(pos));
      this.pos = chunk.length;
      return false;
    }
    if (this.carryBytes === 0 && !this.overflow && nl - pos <= this.maxLineBytes) {
      // Fast path: the whole line is inside this chunk; read in place, no copy.
      let end = nl;
      if (this.unit === 1 && end > pos && chunk[end - 1] === 0x0d) end--; // CR of CRLF
      else if (this.unit === 2) end = pos + stripCarriageReturn(chunk.subarray(pos, nl), 2, this.bigEndian).length;
      this.setLine(chunk, pos, end, false, end - pos, this.chunkAscii);
    } else {
      this.keep(chunk.subarray(pos, nl));
      this.takeLine();
    }
    this.pos = nl + this.unit;
    this.carryStart = this.chunkOffset + this.pos;
    return true;
  }

  /** At the end of the file: true when a last line without a newline is now the current one. */
  finish(): boolean {
    if (this.carryBytes === 0 && !this.overflow) return false;
    this.takeLine();
    return true;
  }

  private setLine(source: Buffer, start: number, end: number, truncated: boolean, length: number, ascii: boolean): void {
    this.lineNumber++;
    this.lineOffset = this.carryStart;
    this.lineSource = source;
    this.lineStart = start;
    this.lineEnd = end;
    this.lineTruncated = truncated;
    this.lineLength = length;
    this.lineAscii = ascii;
  }

  private findNewline(chunk: Buffer, from: number): number {
    if (this.unit === 1) return chunk.indexOf(0x0a, from);
    // UTF-16: the LF code unit must start on an even position relative to the text start.
    // Chunks are read at even sizes, so positions keep their parity within the chunk.
    const pattern = this.bigEndian ? 0x000a : 0x0a00;
    for (let i = from; i + 1 < chunk.length; i += 2) {
      if (chunk.readUInt16BE(i) === pattern) return i;
    }
    return -1;
  }

  private keep(bytes: Buffer): void {
    if (bytes.length === 0) return;
    if (this.overflow) {
      this.overflowLength += bytes.length;
      return;
    }
    if (this.carryBytes + bytes.length > this.maxLineBytes) {
      // Keep the start for the rejection record; never buffer an unbounded line.
      const room = this.maxLineBytes - this.carryBytes;
      this.carry.push(Buffer.from(bytes.subarray(0, room)));
      this.overflowLength = this.carryBytes + bytes.length;
      this.carryBytes += room;
      this.overflow = true;
      return;
    }
    // Copy: a partial line outlives the chunk it came from.
    this.carry.push(Buffer.from(bytes));
    this.carryBytes += bytes.length;
  }

  private takeLine(): void {
    let bytes = this.carry.length === 1 ? this.carry[0]! : Buffer.concat(this.carry, this.carryBytes);
    const length = this.overflow ? this.overflowLength : this.carryBytes;
    const truncated = this.overflow;
    // Strip CR of CRLF.
    if (!truncated) bytes = stripCarriageReturn(bytes, this.unit, this.bigEndian);
    this.setLine(bytes, 0, bytes.length, truncated, truncated ? length : bytes.length, false);
    this.carry = [];
    this.carryBytes = 0;
    this.overflow = false;
    this.overflowLength = 0;
  }
}

function stripCarriageReturn(bytes: Buffer, unit: 1 | 2, bigEndian: boolean): Buffer {
  const n = bytes.length;
  if (unit === 1) return n > 0 && bytes[n - 1] === 0x0d ? bytes.subarray(0, n - 1) : bytes;
  if (n >= 2) {
    const cu = bigEndian ? bytes.readUInt16BE(n - 2) : bytes.readUInt16LE(n - 2);
    if (cu === 0x0d) return bytes.subarray(0, n - 2);
  }
  return bytes;
}
