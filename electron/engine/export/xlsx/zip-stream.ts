// A small streaming zip writer for the workbook (PKWARE APPNOTE 6.3: local header, deflated data,
// data descriptor, central directory). Written for speed on the one big part, the timeline sheet:
// yazl (the evidence package's zip writer) runs every byte through a JavaScript CRC-32 and four
// stream stages, which cost about a second of CPU on a 200k-row timeline; here zlib computes the
// CRC natively and the deflate stream writes straight to the file.
// No ZIP64: an .xlsx whose parts or total size pass 4 GiB (tens of millions of rows, more than a
// case holds) is refused with a clear error instead of written with broken headers.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import zlib from 'node:zlib';

const LIMIT = 0xffffffff;
const FLAGS = 0x0808; // bit 3: sizes in the data descriptor; bit 11: UTF-8 names
const DEFLATE = 8;
const VERSION = 20; // 2.0: deflate

interface Central {
  name: Buffer;
  offset: number;
  crc: number;
  compressed: number;
  size: number;
}

class ZipTooLargeError extends Error {}

/** MS-DOS time and date fields, from the UTC clock so the bytes do not depend on the machine's zone. */
function dosTime(d: Date): { time: number; date: number } {
  const year = Math.min(Math.max(d.getUTCFullYear(), 1980), 2107);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

export class ZipStream {
  private readonly out: WriteStream;
  private readonly stamp: { time: number; date: number };
  private readonly entries: Central[] = [];
  private offset = 0;
  private current: ZipEntry | null = null;
  private failure: Error | null = null;

  constructor(file: string, mtime: Date) {
    // 'wx': never overwrite; the caller writes to a fresh temporary name and renames it.
    this.out = createWriteStream(file, { flags: 'wx', mode: 0o644, highWaterMark: 1 << 20 });
    this.out.on('error', (err) => {
      this.failure ??= err;
      // An entry waiting for the deflater to drain must hear of it rather than wait forever.
      this.current?.abort(err);
    });
    this.stamp = dosTime(mtime);
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  private put(buf: Buffer): void {
    this.out.write(buf);
    this.offset += buf.length;
  }

  /** Starts an entry; write its bytes, then await end() before starting the next. */
  entry(name: string, level: number): ZipEntry {
    this.check();
    if (this.current) throw new Error(`zip: entry ${name} started before the previous one ended`);
    const nameBuf = Buffer.from(name, 'utf8');
    const offset = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    // CRC and sizes (14..25) stay zero: they follow the data in the descriptor.
    header.writeUInt16LE(nameBuf.length, 26);
    this.put(Buffer.concat([header, nameBuf]));
    this.current = new ZipEntry(this.out, level, (crc, size, compressed) => {
      this.current = null;
      this.offset += compressed;
      if (size > LIMIT || this.offset > LIMIT) {
        throw new ZipTooLargeError(`${name} is larger than the 4 GiB a workbook part can hold; export a filtered timeline or the CSV instead`);
      }
      const dd = Buffer.alloc(16);
      dd.writeUInt32LE(0x08074b50, 0);
      dd.writeUInt32LE(crc, 4);
      dd.writeUInt32LE(compressed, 8);
      dd.writeUInt32LE(size, 12);
      this.put(dd);
      this.entries.push({ name: nameBuf, offset, crc, compressed, size });
      this.check();
    });
    return this.current;
  }

  /** Writes the central directory and waits until the file is complete on disk. */
  async close(): Promise<void> {
    this.check();
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE((3 << 8) | VERSION, 4); // made by: UNIX, so the attributes below apply
      h.writeUInt16LE(VERSION, 6);
      h.writeUInt16LE(FLAGS, 8);
      h.writeUInt16LE(DEFLATE, 10);
      h.writeUInt16LE(this.stamp.time, 12);
      h.writeUInt16LE(this.stamp.date, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
      h.writeUInt32LE(e.offset, 42);
      this.put(Buffer.concat([h, e.name]));
    }
    if (this.offset > LIMIT) throw new ZipTooLargeError('the workbook is larger than 4 GiB; export a filtered timeline or the CSV instead');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.put(end);
    this.out.end();
    await once(this.out, 'close');
    this.check();
  }

  /** Stops after a failure; the caller removes the partial file. */
  async destroy(): Promise<void> {
    this.current?.abort(new Error('zip: stopped'));
    if (this.out.closed) return;
    const closed = once(this.out, 'close').catch(() => undefined);
    this.out.destroy();
    await closed;
  }
}

/** One entry's data: deflated on zlib's thread pool as it is written, CRC-32 taken on the way in. */
export class ZipEntry {
  private readonly deflate: zlib.DeflateRaw;
  private crc = 0;
  private size = 0;
  private compressed = 0;
  private readonly finished: Promise<void>;

  constructor(
    out: WriteStream,
    level: number,
    private readonly onEnd: (crc: number, size: number, compressed: number) => void,
  ) {
    this.deflate = zlib.createDeflateRaw({ level });
    this.deflate.on('data', (chunk: Buffer) => (this.compressed += chunk.length));
    // pipe() honours the file's backpressure; end: false keeps the file open for the next entry.
    this.deflate.pipe(out, { end: false });
    this.finished = once(this.deflate, 'end').then(() => undefined);
    // A failure before end() is awaited must not count as an unhandled rejection; end() rethrows it.
    this.finished.catch(() => undefined);
  }

  /** Adds bytes; returns a promise when the caller should wait for the deflater to catch up. */
  write(data: string | Buffer): Promise<void> | undefined {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.crc = zlib.crc32(buf, this.crc);
    this.size += buf.length;
    return this.deflate.write(buf) ? undefined : once(this.deflate, 'drain').then(() => undefined);
  }

  abort(err: Error): void {
    this.deflate.destroy(err);
  }

  async end(): Promise<void> {
    this.deflate.end();
    await this.finished;
    this.onEnd(this.crc >>> 0, this.size, this.compressed);
  }
}
