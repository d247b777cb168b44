// The byte-level scanner behind json-document.ts: follows strings, escapes and nesting depth
// across chunks of a JSON document and reports each record's exact byte offset and length,
// holding only the record being read. Multi-byte characters need no decoding until a record is
// complete (json-document-encoding.ts); a record's bytes are gathered by json-record-bytes.ts,
// and what the document's end says about its shape is json-document-end.ts.
import { decodeJson, detectJsonEncoding, structuralByte, unitBytes, type JsonEncoding } from './json-document-encoding';
import { documentEndProblems } from './json-document-end';
import { CappedBytes, KeyBytes } from './json-record-bytes';
import { MAX_JSON_RECORD_BYTES, WS, type JsonDocumentLayout, type ScannedRecord } from './json-document-types';

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
  private keyParts: KeyBytes | null = null;
  private lastKey: string | undefined;
  private recordKey: string | undefined;
  /** The record (or, for the top object, the whole object) being collected. */
  private collecting = false;
  private scalar = false;
  private recStart = 0;
  private readonly record: CappedBytes;
  private topStart = -1;
  /** The top-level object's bytes while it may be the one record (singleObject layouts). */
  private top: CappedBytes | null = null;
  private trailing = -1;
  private encoding: JsonEncoding | null = null;
  /** Bytes per code unit: 1 for UTF-8, 2 for UTF-16. */
  private unit = 1;
  /** Bytes held back: the file's first bytes until the encoding is known, or half a code unit. */
  private carry: Buffer | null = null;
  private ending = false;

  constructor(
    private readonly layout: JsonDocumentLayout,
    private readonly maxRecordBytes = MAX_JSON_RECORD_BYTES,
  ) {
    this.record = new CappedBytes(maxRecordBytes);
  }

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
      const { encoding, bom } = detectJsonEncoding(chunk);
      this.encoding = encoding;
      this.unit = unitBytes(encoding);
      i = bom;
    }
    const unit = this.unit;
    // A UTF-16 code unit split across chunks waits for its second byte.
    const n = chunk.length - ((chunk.length - i) % unit);
    if (n < chunk.length) this.carry = Buffer.from(chunk.subarray(n));
    const out: ScannedRecord[] = [];
    let segStart = this.collecting ? i : -1;
    let topSeg = this.top ? i : -1;
    const keepSeg = (end: number): void => {
      if (segStart >= 0 && end > segStart) this.record.add(chunk.subarray(segStart, end));
    };
    const encoding = this.encoding!;
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
      const b = unit === 1 ? chunk[i]! : structuralByte(chunk, i, encoding);
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
        } else if (this.keyParts) this.keyParts.add(chunk, i, unit);
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
                this.top = new CappedBytes(this.maxRecordBytes);
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
            this.top = null;
            topSeg = -1;
          }
          if ((this.mode as Mode) === 'done' && this.top) {
            // The top object closed without a records array: it is the one record.
            this.top.add(chunk.subarray(topSeg, i + unit));
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
    if (this.top && topSeg >= 0 && n > topSeg) this.top.add(chunk.subarray(topSeg, n));
    this.pos = chunkOffset + n;
    return out;
  }

  private scalarEnd = 0;
  /** Bytes seen so far (where a cut-off document ends). */
  private pos = 0;
  /** Offset of a first byte that cannot start a JSON document. */
  private notDocument = -1;

  /** A record's bytes as text, in the document's encoding. */
  decode(bytes: Buffer): string {
    return decodeJson(bytes, this.encoding);
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
    let recordCut = true;
    if (this.collecting) {
      if (this.scalar && !this.inString && this.depth === this.recordDepth) {
        out.push(this.finish(this.scalarEnd));
      } else {
        const r = this.finish(this.recStart + this.record.bytes);
        r.problem = 'file ends inside this record (truncated document?)';
        out.push(r);
      }
    } else if (this.top && this.mode === 'top-object') {
      const r = this.singleRecord(this.topStart + this.top.bytes);
      r.problem = 'file ends inside the document object (truncated document?)';
      out.push(r);
    } else {
      recordCut = false;
    }
    out.push(
      ...documentEndProblems({
        recordCut,
        empty: this.mode === 'start',
        closed: this.mode === 'done',
        found: this.found,
        pos: this.pos,
        notDocument: this.notDocument,
        trailing: this.trailing,
        arrayKeys: this.layout.arrayKeys,
      }),
    );
    return out;
  }

  private singleRecord(endOffset: number): ScannedRecord {
    this.found = 'single';
    const r = this.top!.record(this.topStart, endOffset - this.topStart);
    this.top = null;
    return r;
  }

  private finish(endOffset: number): ScannedRecord {
    const r = this.record.record(this.recStart, endOffset - this.recStart);
    if (this.recordKey !== undefined) r.key = this.recordKey;
    this.collecting = false;
    this.scalar = false;
    this.recordKey = undefined;
    if (this.found === 'members') this.expectKey = true;
    return r;
  }

  private startKey(): void {
    this.keyParts = new KeyBytes();
  }

  private endKey(): void {
    this.lastKey = this.keyParts?.text((b) => this.decode(b));
    this.keyParts = null;
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
    this.record.reset();
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
