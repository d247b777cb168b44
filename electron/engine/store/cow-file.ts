// The case file as SQLite sees it while a case is open: pages are read from the file on disk
// as SQLite asks for them; the first write copies the file to a working copy beside it (in the
// kernel: copy_file_range or a clone), writes go there, and commit() fsyncs the working copy and
// renames it over the case, so a crash leaves the old case or the new one, never a torn one.
//
// Why not hold the database in this process's memory (as sql.js does): on this kind of VM every
// MiB of fresh memory costs ~3 ms to fault in (measured: 196 MB allocated and written 626 ms;
// the same bytes written to a file through the page cache 63 ms). Opening a 460 MB case took
// 1.5 s before SQLite read a page, an ingest paid for every new page twice (in memory, then
// written out), and a 5M-event case needed its full size in RAM.
import { chmodSync, closeSync, copyFileSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, readdirSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processAlive } from '../process-alive';
import { fsyncDirectory } from './atomic-write';

export class CowFile {
  /** Size of the database file as SQLite sees it. */
  size: number;
  /** The case file on disk, read-only; null for a case not yet written. */
  private fd: number | null;
  /** The working copy, once something was written since the last commit. */
  private work: { path: string; fd: number } | null = null;
  /**
   * Consecutive writes not yet passed to the working copy. SQLite writes one page per call;
   * an ingest's pages are mostly appended in order, and one system call per 16 KiB page cost
   * ~30 us here (0.4 s per 100k Defender rows) where one per MiB costs about the same.
   */
  private pending = { start: 0, length: 0, bytes: new Uint8Array(0) };
  /** The last MiB fetched for a scan; `end` is where the last read of any kind ended. */
  private ahead = { start: 0, length: 0, end: -1, bytes: new Uint8Array(0) };

  private constructor(
    private readonly file: string,
    fd: number | null,
  ) {
    this.fd = fd;
    this.size = fd === null ? 0 : fstatSync(fd).size;
  }

  /** An existing file, read as SQLite asks for its pages. */
  static open(file: string): CowFile {
    removeAbandonedCopies(file);
    return new CowFile(file, openSync(file, 'r'));
  }

  /** A file that does not exist yet: it appears at the first commit. */
  static create(file: string): CowFile {
    return new CowFile(file, null);
  }

  /** True when something was written since the last commit. */
  get dirty(): boolean {
    return this.work !== null;
  }

  /** The first bytes, for a format check before SQLite sees the file. */
  head(length: number): Uint8Array {
    const out = new Uint8Array(Math.min(length, this.size));
    return out.subarray(0, this.read(out, 0));
  }

  /** Fills `into` from `position`; returns the bytes read (short at the end of the file). */
  read(into: Uint8Array, position: number): number {
    if (this.pending.length && position < this.pending.start + this.pending.length && position + into.length > this.pending.start) this.flush();
    const length = Math.max(0, Math.min(into.length, this.size - position));
    const ahead = this.ahead;
    if (length > 0 && position >= ahead.start && position + length <= ahead.start + ahead.length) {
      into.set(ahead.bytes.subarray(position - ahead.start, position - ahead.start + length));
      ahead.end = position + length;
      return length;
    }
    // A read that continues where the last one ended is a scan: fetch the next MiB at once
    // (one system call instead of 64 for 16 KiB pages; 0.8 s of a detection pass was reads).
    // Anything else (an index lookup) reads just what was asked.
    if (length > 0 && length < READ_AHEAD_BYTES && position === ahead.end) {
      // The MiB may cover writes still held back, beyond the part asked for.
      this.flush();
      if (ahead.bytes.length < READ_AHEAD_BYTES) ahead.bytes = new Uint8Array(READ_AHEAD_BYTES);
      ahead.start = position;
      ahead.length = this.readFile(ahead.bytes.subarray(0, Math.min(READ_AHEAD_BYTES, this.size - position)), position);
      const n = Math.min(length, ahead.length);
      into.set(ahead.bytes.subarray(0, n));
      ahead.end = position + n;
      return n;
    }
    const n = this.readFile(into.subarray(0, length), position);
    ahead.end = position + n;
    return n;
  }

  private readFile(into: Uint8Array, position: number): number {
    const fd = this.work?.fd ?? this.fd;
    if (fd === null) return 0;
    let done = 0;
    while (done < into.length) {
      const n = readSync(fd, into, done, into.length - done, position + done);
      if (n === 0) break;
      done += n;
    }
    return done;
  }

  write(from: Uint8Array, position: number): void {
    this.ahead.length = 0;
    const fd = this.workingCopy();
    const p = this.pending;
    if (p.length && (position !== p.start + p.length || p.length + from.length > PENDING_BYTES)) this.flush();
    if (from.length >= PENDING_BYTES) writeAll(fd, from, position);
    else {
      if (!p.length) p.start = position;
      if (p.bytes.length < PENDING_BYTES) p.bytes = new Uint8Array(PENDING_BYTES);
      p.bytes.set(from, p.length);
      p.length += from.length;
    }
    this.size = Math.max(this.size, position + from.length);
  }

  truncate(size: number): void {
    this.ahead.length = 0;
    this.flush();
    ftruncateSync(this.workingCopy(), size);
    this.size = size;
  }

  /** Passes pending writes to the working copy. */
  private flush(): void {
    const p = this.pending;
    if (!p.length || !this.work) return;
    writeAll(this.work.fd, p.bytes.subarray(0, p.length), p.start);
    p.length = 0;
  }

  /**
   * Makes the database as it now is durable at `target` (by default the case file itself:
   * from then on it is read from there) with a write-then-rename.
   */
  commit(target = this.file): void {
    this.ahead.length = 0;
    this.flush();
    const dir = path.dirname(target);
    if (target !== this.file || !this.work || path.dirname(this.work.path) !== dir) {
      // A copy elsewhere (or a working copy on another file system): copied, fsynced, renamed.
      const temp = tempName(target);
      const source = this.work?.path ?? this.file;
      if (this.work || this.fd !== null) copyFileSync(source, temp);
      else closeSync(openSync(temp, 'wx', 0o600));
      const fd = openSync(temp, 'r+');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      if (target !== this.file) {
        renameSync(temp, target);
        fsyncDirectory(dir);
        return;
      }
      this.discardWork();
      this.replaceWith(temp);
      return;
    }
    fsyncSync(this.work.fd);
    const work = this.work;
    closeSync(work.fd);
    this.work = null;
    this.replaceWith(work.path);
  }

  /** Closes the file; changes not committed are dropped with the working copy. */
  close(): void {
    this.discardWork();
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private replaceWith(temp: string): void {
    // Closed before the rename: Windows refuses to replace a file this process holds open.
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    renameSync(temp, this.file);
    fsyncDirectory(path.dirname(this.file));
    this.fd = openSync(this.file, 'r');
  }

  /** The working copy's descriptor, made from the case file on the first write. */
  private workingCopy(): number {
    if (this.work) return this.work.fd;
    for (const temp of [tempName(this.file), tempName(path.join(os.tmpdir(), path.basename(this.file)))]) {
      try {
        let fd: number;
        if (this.fd === null) fd = openSync(temp, 'wx+', 0o600);
        else {
          // The copy is the file SQLite sees from now on: same size, same bytes. It takes the
          // case file's permissions, which are read-only for a reviewer's extracted case.
          copyFileSync(this.file, temp);
          chmodSync(temp, 0o600);
          fd = openSync(temp, 'r+');
        }
        this.work = { path: temp, fd };
        return fd;
      } catch (err) {
        if (existsSync(temp)) unlinkSync(temp);
        // A case on a read-only medium is inspected with its working copy in the temp folder.
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== 'EACCES' && code !== 'EROFS' && code !== 'EPERM') throw err;
      }
    }
    throw new Error(`${this.file}: no place to write a working copy of the case`);
  }

  private discardWork(): void {
    this.pending.length = 0;
    if (!this.work) return;
    closeSync(this.work.fd);
    try {
      unlinkSync(this.work.path);
    } catch {
      /* already gone */
    }
    this.work = null;
  }
}

/** A working-copy name beside `target`: hidden, and naming the process that owns it. */
function tempName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.tmp`);
}

/** Working copies left beside a case by a process that no longer runs (a crash or a kill). */
function removeAbandonedCopies(file: string): void {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || processAlive(pid)) continue;
    const stale = path.join(dir, name);
    try {
      if (existsSync(stale)) unlinkSync(stale);
    } catch {
      /* not ours to remove after all (permissions): leave it */
    }
  }
}

/** Bytes fetched at once when SQLite reads the file in order. */
const READ_AHEAD_BYTES = 1 << 20;

/** Largest run of consecutive writes held before it is written out. */
const PENDING_BYTES = 1 << 20;

function writeAll(fd: number, data: Uint8Array, position: number): void {
  let done = 0;
  while (done < data.length) done += writeSync(fd, data, done, data.length - done, position + done);
}
