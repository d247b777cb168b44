// The byte-level scanner behind json-document.ts: follows strings, escapes and nesting depth
// across chunks of a JSON document and reports each record's exact byte offset and length,
// holding only the record being read. Bytes >= 0x80 are never structural in UTF-8 (nor code
// units >= 0x100 in UTF-16), so multi-byte characters need no decoding until a record is
// complete; the encoding is told by a BOM or by the NUL bytes of UTF-16 ASCII.

export interface JsonDocumentLayout {
  /** Property names of a top-level object whose array value holds the records, in priority order. */
  arrayKeys?: readonly string[];
  /** A top-level object that has none of arrayKeys is itself one record. */
  singleObject?: boolean;
  /** Every member value of the top-level object is a record (its name is passed to the mapper). */
  members?: boolean;
}

/** A record may not grow past this (as for a line spanning records in the line pipeline). */
export const MAX_JSON_RECORD_BYTES = 64 * 1024 * 1024;
const MAX_KEY_BYTES = 1024;

/** A complete record's bytes as the scanner found them. */
export interface ScannedRecord {
  offset: number;
  length: number;
  /** Undefined when the record exceeded the size limit (its bytes were not kept). */
  bytes?: Buffer;
  key?: string;
  /** Set when the record could not be completed or is not part of the layout. */
  problem?: string;
}

/** JSON white space, by byte. */
export const WS = new Uint8Array(256);
for (const c of [0x20, 0x09, 0x0a, 0x0d]) WS[c] = 1;

type Mode =
  | 'start' // before the top-level value
  | 'top-object' // inside a top-level object, deciding its layout
  | 'records' // inside the container whose values are records
  | 'after' // the container closed; the rest of the document is skipped
  | 'done'; // the top-level value closed

/**
 * The scanner. push() returns the records completed by a chunk; end() the remainder
 * (a record cut off by the end of the file, with the reason).
 */
export class JsonDocumentScanner {
  private mode: Mode = 'start';
  private depth = 0;
  private inString = false;
  private escape = false;
  /** Depth at which record values sit. */
  private recordDepth = 1;
  /** In an object at recordDepth (members layout) or depth 1 (top object): the next string is a key. */
  private expectKey = false;
  private keyParts: number[] | null = null;
  private lastKey: string | undefined;
  private recordKey: string | undefined;
  /** The record (or, for the top object, the whole object) being collected. */
  private collecting = false;
  private scalar = false;
  private recStart = 0;
  private parts: Buffer[] = [];
  private partsBytes = 0;
  private overLong = false;
  private topStart = -1;
  private topParts: Buffer[] | null = null;
  private topBytes = 0;
  private trailing = -1;
  private encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | null = null;
  /** Bytes per code unit: 1 for UTF-8, 2 for UTF-16. */
  private unit = 1;
  /** Bytes held back: the file's first bytes until the encoding is known, or half a code unit. */
  private carry: Buffer | null = null;
  private ending = false;

  constructor(
    private readonly layout: JsonDocumentLayout,
    private readonly maxRecordBytes = MAX_JSON_RECORD_BYTES,
  ) {}

  /** The layout found: 'array', a wrapper key, 'members', 'single', or null while undecided. */
  found: string | null = null;

  push(chunk: Buffer, chunkOffset: number): ScannedRecord[] {
    if (this.carry) {
      chunk = Buffer.concat([this.carry, chunk]);
      chunkOffset -= this.carry.length;
      this.carry = null;
    }
    let i = 0;
    if (this.encoding === null) {
      // The encoding is decided by the first bytes; wait until there are enough of them.
      if (chunk.length < 4 && !this.ending) {
        this.carry = Buffer.from(chunk);
        return [];
      }
      i = this.detectEncoding(chunk);
    }
    const unit = this.unit;
    // A UTF-16 code unit split across chunks waits for its second byte.
    const n = chunk.length - ((chunk.length - i) % unit);
    if (n < chunk.length) this.carry = Buffer.from(chunk.subarray(n));
    const out: ScannedRecord[] = [];
    let segStart = this.collecting ? i : -1;
    let topSeg = this.topParts ? i : -1;
    const keepSeg = (end: number): void => {
      if (segStart >= 0 && end > segStart) this.keep(chunk.subarray(segStart, end));
    };
    const le = this.encoding === 'utf-16le';
    for (; i < n; i += unit) {
      if (unit === 1 && this.inString && !this.escape && !this.keyParts) {
        // Fast path through string content (most of a document): only " and \ matter.
        while (i < n) {
          const c = chunk[i]!;
          if (c === 0x22 || c === 0x5c) break;
          i++;
        }
        if (i >= n) break;
      }
      // In UTF-16 only code units below 0x100 can be structural; others read as 0x80 (text).
      const b = unit === 1 ? chunk[i]! : le ? (chunk[i + 1] === 0 ? chunk[i]! : 0x80) : chunk[i] === 0 ? chunk[i + 1]! : 0x80;
      if (this.inString) {
        if (this.escape) this.escape = false;
        else if (b === 0x5c) this.escape = true;
        else if (b === 0x22) {
          this.inString = false;
          if (this.keyParts) this.endKey();
          if (this.collecting && this.scalar && this.depth === this.recordDepth) {
            // A string record ends with its closing quote.
            keepSeg(i + unit);
            out.push(this.finish(chunkOffset + i + unit));
            segStart = -1;
          }
        } else if (this.keyParts && this.keyParts.length < MAX_KEY_BYTES) {
          this.keyParts.push(chunk[i]!);
          if (unit === 2) this.keyParts.push(chunk[i + 1]!);
        }
        continue;
      }
      if (WS[b]) continue;
      switch (this.mode) {
        case 'start':
          if (b === 0x5b /* [ */) {
            this.mode = 'records';
            this.found = 'array';
            this.recordDepth = 1;
            this.depth = 1;
          } else if (b === 0x7b /* { */) {
            this.depth = 1;
            if (this.layout.members) {
              this.mode = 'records';
              this.found = 'members';
              this.recordDepth = 1;
              this.expectKey = true;
            } else {
              this.mode = 'top-object';
              this.expectKey = true;
              if (this.layout.singleObject) {
                this.topStart = chunkOffset + i;
                this.topParts = [];
                this.topBytes = 0;
                topSeg = i;
              }
            }
          } else {
            this.mode = 'done';
            this.notDocument = chunkOffset + i;
          }
          continue;
        case 'top-object':
          if (this.topObjectByte(b)) {
            // A records array begins here: the object is a wrapper, not a record.
            this.topParts = null;
            topSeg = -1;
          }
          if ((this.mode as Mode) === 'done' && this.topParts) {
            // The top object closed without a records array: it is the one record.
            this.keepTop(chunk.subarray(topSeg, i + unit));
            out.push(this.singleRecord(chunkOffset + i + unit));
            topSeg = -1;
          }
          continue;
        case 'records': {
          const started = !this.collecting;
          const r = this.recordsByte(b, chunkOffset + i);
          if (started && this.collecting) segStart = i;
          if (r === 'end-inclusive') {
            keepSeg(i + unit);
            out.push(this.finish(chunkOffset + i + unit));
            segStart = -1;
          } else if (r === 'end-before') {
            keepSeg(i);
            out.push(this.finish(this.scalarEnd));
            segStart = -1;
          }
          if (this.scalar && this.collecting && !WS[b]) this.scalarEnd = chunkOffset + i + 1;
          continue;
        }
        case 'after':
          this.afterByte(b);
          continue;
        case 'done':
          if (this.trailing < 0) this.trailing = chunkOffset + i;
          continue;
      }
    }
    keepSeg(n);
    if (this.topParts && topSeg >= 0) this.keepTop(chunk.subarray(topSeg, n));
    this.pos = chunkOffset + n;
    return out;
  }

  private scalarEnd = 0;
  /** Bytes seen so far (where a cut-off document ends). */
  private pos = 0;
  /** Offset of a first byte that cannot start a JSON document. */
  private notDocument = -1;

  /** The encoding from the first bytes: a BOM, or the NUL pattern of UTF-16 text; returns the BOM length. */
  private detectEncoding(c: Buffer): number {
    if (c[0] === 0xef && c[1] === 0xbb && c[2] === 0xbf) return this.setEncoding('utf-8', 3);
    if (c[0] === 0xff && c[1] === 0xfe) return this.setEncoding('utf-16le', 2);
    if (c[0] === 0xfe && c[1] === 0xff) return this.setEncoding('utf-16be', 2);
    if (c.length >= 2 && c[0] !== 0 && c[1] === 0) return this.setEncoding('utf-16le', 0);
    if (c.length >= 2 && c[0] === 0 && c[1] !== 0) return this.setEncoding('utf-16be', 0);
    return this.setEncoding('utf-8', 0);
  }

  private setEncoding(e: 'utf-8' | 'utf-16le' | 'utf-16be', bom: number): number {
    this.encoding = e;
    this.unit = e === 'utf-8' ? 1 : 2;
    return bom;
  }

  /** A record's bytes as text, in the document's encoding. */
  decode(bytes: Buffer): string {
    if (this.encoding === 'utf-16le') return bytes.toString('utf16le');
    if (this.encoding === 'utf-16be') return Buffer.from(bytes).swap16().toString('utf16le');
    return bytes.toString('utf8');
  }

  end(): ScannedRecord[] {
    const out: ScannedRecord[] = [];
    if (this.carry && this.encoding === null) {
      // A document shorter than the bytes the encoding check waits for.
      const c = this.carry;
      this.carry = null;
      this.ending = true;
      out.push(...this.push(c, 0));
    }
    this.carry = null;
    if (this.collecting) {
      if (this.scalar && !this.inString && this.depth === this.recordDepth) {
        out.push(this.finish(this.scalarEnd));
      } else {
        const r = this.finish(this.recStart + this.partsBytes);
        r.problem = 'file ends inside this record (truncated document?)';
        out.push(r);
      }
    } else if (this.topParts && this.mode === 'top-object') {
      const r = this.singleRecord(this.topStart + this.topBytes);
      r.problem = 'file ends inside the document object (truncated document?)';
      out.push(r);
    } else if (this.mode === 'start') {
      out.push({ offset: 0, length: 0, problem: 'no JSON document (the file holds only white space)' });
    } else if (this.mode !== 'done') {
      // Every record was complete, but the closing brackets are missing.
      out.push({ offset: this.pos, length: 0, problem: 'file ends before the document is closed (truncated document?)' });
    }
    if (this.notDocument >= 0) {
      out.push({ offset: this.notDocument, length: this.pos - this.notDocument, problem: 'not a JSON document: it must start with [ or {' });
    } else if (this.trailing >= 0) {
      out.push({ offset: this.trailing, length: this.pos - this.trailing, problem: 'data after the end of the JSON document' });
    } else if (this.mode === 'done' && this.found === null) {
      // An object that is neither a wrapper nor a record layout this format reads.
      const keys = this.layout.arrayKeys?.join(', ') ?? '';
      out.push({
        offset: 0,
        length: this.pos,
        problem: keys ? `no records: the document object has no array property named ${keys}` : 'no records: the document is an object, not an array',
      });
    }
    return out;
  }

  private keep(b: Buffer): void {
    if (this.overLong) {
      this.partsBytes += b.length;
      return;
    }
    this.partsBytes += b.length;
    if (this.partsBytes > this.maxRecordBytes) {
      this.overLong = true;
      this.parts = [];
      return;
    }
    // Copied: the caller may reuse its chunk buffers.
    this.parts.push(Buffer.from(b));
  }

  private keepTop(b: Buffer): void {
    if (!this.topParts) return;
    this.topBytes += b.length;
    if (this.topBytes > this.maxRecordBytes) {
      // Too large to be one record; keep counting, the bytes are gone.
      this.topParts.length = 0;
      this.overLong = true;
      return;
    }
    if (!this.overLong) this.topParts.push(Buffer.from(b));
  }

  private singleRecord(endOffset: number): ScannedRecord {
    this.found = 'single';
    const r: ScannedRecord = { offset: this.topStart, length: endOffset - this.topStart };
    if (this.overLong) r.problem = `record of ${r.length} bytes exceeds the ${this.maxRecordBytes}-byte limit`;
    else r.bytes = Buffer.concat(this.topParts ?? []);
    this.topParts = null;
    this.overLong = false;
    return r;
  }

  private finish(endOffset: number): ScannedRecord {
    const r: ScannedRecord = { offset: this.recStart, length: endOffset - this.recStart };
    if (this.recordKey !== undefined) r.key = this.recordKey;
    if (this.overLong) r.problem = `record of ${r.length} bytes exceeds the ${this.maxRecordBytes}-byte limit`;
    else r.bytes = Buffer.concat(this.parts);
    this.collecting = false;
    this.scalar = false;
    this.parts = [];
    this.partsBytes = 0;
    this.overLong = false;
    this.recordKey = undefined;
    if (this.found === 'members') this.expectKey = true;
    return r;
  }

  private startKey(): void {
    this.keyParts = [];
  }

  private endKey(): void {
    const bytes = Buffer.from(this.keyParts ?? []);
    this.keyParts = null;
    let key: string;
    try {
      key = JSON.parse(`"${this.decode(bytes)}"`) as string;
    } catch {
      key = this.decode(bytes);
    }
    this.lastKey = key;
  }

  /** A structural byte inside the top-level object; true when a records array starts. */
  private topObjectByte(b: number): boolean {
    if (this.depth === 1) {
      if (b === 0x22) {
        this.inString = true;
        if (this.expectKey) this.startKey();
        return false;
      }
      if (b === 0x3a /* : */) {
        this.expectKey = false;
        return false;
      }
      if (b === 0x2c /* , */) {
        this.expectKey = true;
        return false;
      }
      if (b === 0x7d /* } */) {
        this.depth = 0;
        this.mode = 'done';
        return false;
      }
      if (b === 0x5b && !this.expectKey && this.lastKey !== undefined && this.layout.arrayKeys?.includes(this.lastKey)) {
        this.found = this.lastKey;
        this.mode = 'records';
        this.recordDepth = 2;
        this.depth = 2;
        return true;
      }
      if (b === 0x7b || b === 0x5b) this.depth++;
      return false;
    }
    if (b === 0x22) this.inString = true;
    else if (b === 0x7b || b === 0x5b) this.depth++;
    else if (b === 0x7d || b === 0x5d) this.depth--;
    return false;
  }

  /** A structural byte inside the records container. */
  private recordsByte(b: number, offset: number): 'end-inclusive' | 'end-before' | null {
    const d = this.depth;
    if (this.collecting) {
      if (b === 0x22) this.inString = true;
      else if (b === 0x7b || b === 0x5b) this.depth++;
      else if (b === 0x7d || b === 0x5d) {
        if (d === this.recordDepth) {
          // A scalar record ends where its container closes.
          this.containerClosed();
          return 'end-before';
        }
        this.depth--;
        if (this.depth === this.recordDepth) return 'end-inclusive';
      } else if (b === 0x2c && d === this.recordDepth) {
        return 'end-before';
      }
      return null;
    }
    // Between records, at recordDepth.
    if (this.found === 'members' && this.expectKey) {
      if (b === 0x22) {
        this.inString = true;
        this.startKey();
      } else if (b === 0x3a /* : */) this.expectKey = false;
      else if (b === 0x7d) this.containerClosed();
      return null;
    }
    if (b === 0x2c) {
      if (this.found === 'members') this.expectKey = true;
      return null;
    }
    if (b === 0x5d || b === 0x7d) {
      this.containerClosed();
      return null;
    }
    // A value starts: the next record.
    this.collecting = true;
    this.recStart = offset;
    this.parts = [];
    this.partsBytes = 0;
    if (this.found === 'members') {
      this.recordKey = this.lastKey;
      this.expectKey = false;
    }
    if (b === 0x7b || b === 0x5b) {
      this.depth++;
    } else {
      this.scalar = true;
      this.scalarEnd = offset + 1;
      if (b === 0x22) this.inString = true;
    }
    return null;
  }

  private containerClosed(): void {
    this.depth = this.recordDepth - 1;
    if (this.depth === 0) this.mode = 'done';
    else {
      this.mode = 'after';
      this.expectKey = false;
    }
  }

  /** The rest of a wrapper object after its records array: skipped, only depth followed. */
  private afterByte(b: number): void {
    if (b === 0x22) this.inString = true;
    else if (b === 0x7b || b === 0x5b) this.depth++;
    else if (b === 0x7d || b === 0x5d) {
      this.depth--;
      if (this.depth === 0) this.mode = 'done';
    }
  }
}
