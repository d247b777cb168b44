// The case file as SQLite sees it while a case is open: reads come from the file on disk as
// SQLite asks for them, writes go to blocks held in memory (copy on write), and commit()
// writes a new file beside the old one and renames it over, so a crash leaves the old case
// or the new one, never a torn one.
//
// Why not read the whole file into memory on open (as sql.js does): on this kind of VM every
// MiB of fresh memory costs ~3 ms to fault in, so opening a 460 MB case took 1.5 s before
// SQLite read a page, and a 5M-event case needed its full size in RAM. A query or a detection
// pass touches each page once through SQLite's small page cache; nothing else is read.
import { closeSync, copyFileSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fsyncDirectory } from './atomic-write';

/** Bytes per copy-on-write block: a few SQLite pages (4 or 16 KiB), few enough Map entries. */
const BLOCK = 1 << 16;

export class CowFile {
  /** Logical size of the database file, as SQLite sees it. */
  size: number;
  /** Open read-only descriptor of the file on disk, or null for a case not yet written. */
  private fd: number | null;
  /** Size of the file on disk (reads past it, and not in a block, are zeros). */
  private diskSize: number;
  /** Blocks written since the last commit, by block index. */
  private readonly blocks = new Map<number, Uint8Array>();

  private constructor(
    private readonly file: string,
    fd: number | null,
  ) {
    this.fd = fd;
    this.diskSize = fd === null ? 0 : fstatSync(fd).size;
    this.size = this.diskSize;
  }

  /** An existing file, read as SQLite asks for its pages. */
  static open(file: string): CowFile {
    return new CowFile(file, openSync(file, 'r'));
  }

  /** A file that does not exist yet: everything lives in blocks until the first commit. */
  static create(file: string): CowFile {
    return new CowFile(file, null);
  }

  /** True when something was written since the last commit. */
  get dirty(): boolean {
    return this.blocks.size > 0 || this.size !== this.diskSize;
  }

  /** The first bytes, for a format check before SQLite sees the file. */
  head(length: number): Uint8Array {
    const out = new Uint8Array(Math.min(length, this.size));
    this.read(out, 0);
    return out;
  }

  /** Fills `into` from `position`; returns the bytes available (short at the end of the file). */
  read(into: Uint8Array, position: number): number {
    const length = Math.max(0, Math.min(into.length, this.size - position));
    let done = 0;
    while (done < length) {
      const at = position + done;
      const index = Math.floor(at / BLOCK);
      const within = at - index * BLOCK;
      const take = Math.min(BLOCK - within, length - done);
      const block = this.blocks.get(index);
      if (block) {
        into.set(block.subarray(within, within + take), done);
        done += take;
      } else {
        // A run of blocks not written since the last commit comes from disk in one read.
        let run = take;
        while (done + run < length && !this.blocks.has(Math.floor((at + run) / BLOCK))) {
          run += Math.min(BLOCK, length - done - run);
        }
        this.readDisk(into.subarray(done, done + run), at);
        done += run;
      }
    }
    return length;
  }

  write(from: Uint8Array, position: number): void {
    let done = 0;
    while (done < from.length) {
      const at = position + done;
      const index = Math.floor(at / BLOCK);
      const within = at - index * BLOCK;
      const take = Math.min(BLOCK - within, from.length - done);
      this.block(index, within === 0 && take === BLOCK).set(from.subarray(done, done + take), within);
      done += take;
    }
    this.size = Math.max(this.size, position + from.length);
  }

  truncate(size: number): void {
    if (size < this.size) {
      // Bytes past the new end must read as zeros if the file grows again.
      for (const index of [...this.blocks.keys()]) if (index * BLOCK >= size) this.blocks.delete(index);
      const last = this.blocks.get(Math.floor(size / BLOCK));
      last?.fill(0, size % BLOCK);
      if (size < this.diskSize) {
        const index = Math.floor(size / BLOCK);
        if (size % BLOCK && !this.blocks.has(index)) this.block(index, false).fill(0, size % BLOCK);
        this.diskSize = size;
      }
    }
    this.size = size;
  }

  /**
   * Writes the database as it now is to `target` atomically (temp file, fsync, rename, fsync of
   * the directory) and, when target is this file, reads from the new file from then on.
   */
  commit(target = this.file): void {
    const dir = path.dirname(target);
    const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
    // Unchanged blocks are copied by the kernel (copy_file_range, or a clone where the file
    // system has them) instead of passing through this process.
    const copyDisk = this.fd !== null && this.diskSize > 0 && !this.coversDisk();
    if (copyDisk) copyFileSync(this.file, temp);
    const fd = openSync(temp, copyDisk ? 'r+' : 'wx', 0o600);
    try {
      if (!copyDisk && this.fd !== null) this.copyUnwritten(fd);
      for (const [index, block] of this.blocks) {
        const at = index * BLOCK;
        if (at >= this.size) continue;
        writeAll(fd, block.subarray(0, Math.min(BLOCK, this.size - at)), at);
      }
      ftruncateSync(fd, this.size);
      fsyncSync(fd);
    } catch (err) {
      closeSync(fd);
      unlinkSync(temp);
      throw err;
    }
    closeSync(fd);
    if (target !== this.file) {
      renameSync(temp, target);
      fsyncDirectory(dir);
      return;
    }
    // Closed before the rename: Windows refuses to replace a file this process holds open.
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    renameSync(temp, target);
    fsyncDirectory(dir);
    this.fd = openSync(target, 'r');
    this.diskSize = this.size;
    this.blocks.clear();
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.blocks.clear();
  }

  /** True when the written blocks replace every byte of the file on disk. */
  private coversDisk(): boolean {
    const needed = Math.ceil(Math.min(this.diskSize, this.size) / BLOCK);
    if (this.blocks.size < needed) return false;
    for (let i = 0; i < needed; i++) if (!this.blocks.has(i)) return false;
    return true;
  }

  /** Copies the blocks on disk that were not rewritten (when the file was not copied whole). */
  private copyUnwritten(fd: number): void {
    const buffer = new Uint8Array(BLOCK);
    const end = Math.min(this.diskSize, this.size);
    for (let index = 0; index * BLOCK < end; index++) {
      if (this.blocks.has(index)) continue;
      const n = Math.min(BLOCK, end - index * BLOCK);
      this.readDisk(buffer.subarray(0, n), index * BLOCK);
      writeAll(fd, buffer.subarray(0, n), index * BLOCK);
    }
  }

  /** The block to write into, made from the bytes it replaces unless it is replaced whole. */
  private block(index: number, whole: boolean): Uint8Array {
    let block = this.blocks.get(index);
    if (!block) {
      block = new Uint8Array(BLOCK);
      if (!whole) this.readDisk(block, index * BLOCK);
      this.blocks.set(index, block);
    }
    return block;
  }

  /** Reads from the file on disk; bytes past its end are zeros. */
  private readDisk(into: Uint8Array, position: number): void {
    const available = this.fd === null ? 0 : Math.max(0, Math.min(into.length, this.diskSize - position));
    let done = 0;
    while (done < available) {
      const n = readSync(this.fd!, into, done, available - done, position + done);
      if (n === 0) throw new Error(`${this.file}: the case file ended at ${position + done} bytes, expected ${this.diskSize} (changed by another program?)`);
      done += n;
    }
    if (available < into.length) into.fill(0, available);
  }
}

function writeAll(fd: number, data: Uint8Array, position: number): void {
  let done = 0;
  while (done < data.length) done += writeSync(fd, data, done, data.length - done, position + done);
}
