// Writes a zip as a stream with yazl, hashing every entry's bytes as they go in, so the
// manifests list what was actually written (not what a file held a moment earlier). Entries
// are added one at a time and each is awaited: memory stays flat whatever the originals
// weigh, and a file that changes while it is copied is caught by its hash.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

export interface WrittenEntry {
  path: string;
  bytes: number;
  sha256: string;
}

export interface AddOptions {
  /** Deflate (default) or store; already-compressed files are stored. */
  compress?: boolean;
  mtime?: Date;
}

export class HashingZipWriter {
  private readonly zip = new yazl.ZipFile();
  private readonly done: Promise<void>;
  private failure: Error | null = null;
  private pending: ((err: Error) => void) | null = null;
  readonly written: WrittenEntry[] = [];

  constructor(outFile: string) {
    this.zip.on('error', (err: Error) => this.fail(err));
    // 'wx': never overwrite; the caller writes to a fresh temporary name and renames.
    this.done = pipeline(this.zip.outputStream, createWriteStream(outFile, { flags: 'wx', mode: 0o644 }));
    this.done.catch((err: Error) => this.fail(err));
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.pending?.(err);
  }

  /** Streams a file on disk into the archive; resolves once all of it is in. */
  addFile(entryPath: string, file: string, opts: AddOptions = {}): Promise<WrittenEntry> {
    const st = statSync(file);
    const open = (): NodeJS.ReadableStream => createReadStream(file, { highWaterMark: 1 << 20 });
    return this.add(entryPath, open, { ...opts, mtime: opts.mtime ?? st.mtime }, st.size);
  }

  addBuffer(entryPath: string, data: Buffer | string, opts: AddOptions = {}): Promise<WrittenEntry> {
    const buf = Buffer.from(data);
    return this.add(entryPath, () => Readable.from([buf]), opts, buf.length);
  }

  private add(entryPath: string, open: () => NodeJS.ReadableStream, opts: AddOptions, size: number): Promise<WrittenEntry> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<WrittenEntry>((resolve, reject) => {
      this.pending = reject;
      const hash = createHash('sha256');
      let bytes = 0;
      const hasher = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          hash.update(chunk);
          bytes += chunk.length;
          cb(null, chunk);
        },
      });
      hasher.on('end', () => {
        this.pending = null;
        const entry = { path: entryPath, bytes, sha256: hash.digest('hex') };
        this.written.push(entry);
        resolve(entry);
      });
      hasher.on('error', (err) => this.fail(err));
      // size lets yazl choose ZIP64 headers up front for originals past 4 GiB.
      this.zip.addReadStreamLazy(entryPath, { compress: opts.compress ?? true, mtime: opts.mtime ?? new Date(), size }, (cb) => {
        const source = open();
        source.on('error', (err: Error) => hasher.destroy(err));
        cb(null, source.pipe(hasher));
      });
    });
  }

  async finish(): Promise<WrittenEntry[]> {
    if (this.failure) throw this.failure;
    this.zip.end();
    await this.done;
    if (this.failure) throw this.failure;
    return this.written;
  }

  /** Stops writing after a failure; the caller removes the partial file. */
  async abort(): Promise<void> {
    this.zip.outputStream.unpipe();
    (this.zip.outputStream as Readable).destroy();
    await this.done.catch(() => undefined);
  }
}
