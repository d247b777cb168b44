// Bytes of one record, or of one member name, gathered from the chunks they span.
import type { ScannedRecord } from './json-document-types';

/**
 * A record's bytes. Past the size limit a record is only counted: its bytes are dropped, so a
 * hostile document cannot grow memory, and the reader reports the record's exact size instead.
 */
export class CappedBytes {
  private parts: Buffer[] = [];
  /** Bytes seen, kept or not. */
  bytes = 0;
  private overLong = false;

  constructor(private readonly max: number) {}

  add(b: Buffer): void {
    this.bytes += b.length;
    if (this.overLong) return;
    if (this.bytes > this.max) {
      this.overLong = true;
      this.parts = [];
      return;
    }
    // Copied: the caller may reuse its chunk buffers.
    this.parts.push(Buffer.from(b));
  }

  /** The record at offset..offset+length: its bytes, or why they were not kept; then a fresh start. */
  record(offset: number, length: number): ScannedRecord {
    const r: ScannedRecord = { offset, length };
    if (this.overLong) r.problem = `record of ${length} bytes exceeds the ${this.max}-byte limit`;
    else r.bytes = Buffer.concat(this.parts);
    this.reset();
    return r;
  }

  reset(): void {
    this.parts = [];
    this.bytes = 0;
    this.overLong = false;
  }
}

/** A member name longer than this is cut (it only has to match a wrapper key or name a record). */
const MAX_KEY_BYTES = 1024;

/** A member name's bytes, as the scanner meets them inside its quotes. */
export class KeyBytes {
  private parts: number[] = [];

  /** One code unit of the name (`unit` bytes at `i`). */
  add(chunk: Buffer, i: number, unit: number): void {
    if (this.parts.length >= MAX_KEY_BYTES) return;
    this.parts.push(chunk[i]!);
    if (unit === 2) this.parts.push(chunk[i + 1]!);
  }

  /** The name, escapes resolved (as written if they do not parse). */
  text(decode: (b: Buffer) => string): string {
    const raw = decode(Buffer.from(this.parts));
    try {
      return JSON.parse(`"${raw}"`) as string;
    } catch {
      return raw;
    }
  }
}
