// The case file as SQLite sees it while a case is open. Pages are read from the file on disk as
// SQLite asks for them. Writes are kept apart until commit():
// - a write to bytes the last commit holds goes to an overlay in memory (blocks of 4 KiB);
// - a write past them (an ingest's new pages) goes to the end of the file at once, where no
//   committed byte lives.
// commit() journals the original of every overlaid block (store/rollback-journal.ts: fsynced
// before the case file changes), writes the overlay in place, fsyncs the case file and drops the
// journal. A crash anywhere leaves the last commit, restored from the journal on the next open.
//
// Why not a working copy of the whole file (the previous design): the first write after each
// commit copied the case, 4.9 s for an 800 MB case, so opening a large case (it records who
// opened it) or tagging one event cost seconds. Why not hold the database in memory (as sql.js
// does): on this kind of VM every MiB of fresh memory costs ~3 ms to fault in, and a 5M-event
// case would need its full size in RAM.
import { chmodSync, closeSync, copyFileSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, readdirSync, renameSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { processAlive } from '../process-alive';
import { fsyncDirectory } from './atomic-write';
import type { ReadLock } from './read-lock';
import { BLOCK, readAll, readJournalBlock, readJournalIndex, restoreFromJournal, rollbackPath, RollbackJournal, writeAll, type JournalIndex } from './rollback-journal';

export interface CaseFileOptions {
  /**
   * This process is the case's writer (it holds the case lock; default true): it restores a
   * journal an interrupted transaction left, and writes to the file. Anyone else never writes
   * a byte of it: their changes (a migration on open) stay in memory, and a journal they find
   * (the writer is mid-commit, or crashed) is read as the last commit instead of restored.
   */
  writer?: boolean;
}

export class CaseFile {
  /** Overlay size past which it is journaled and written in place (spill(); tests lower it). */
  static spillBytes = 64 << 20;
  /** Size of the database file as SQLite sees it. */
  size: number;
  /** The case file: read-write when this process may change it, else read-only. */
  private fd: number | null;
  private writable: boolean;
  /** Bytes the last commit holds; what lies past them in the file is this transaction's. */
  private committed: number;
  /** New contents of committed blocks, written in place at commit. */
  private readonly overlay = new Map<number, Uint8Array>();
  /** Since this offset (a truncation this transaction) committed bytes read as zeros. */
  private zeroFrom = Infinity;
  /**
   * This transaction's journal once the overlay outgrew spillBytes and was written in place
   * (spill()); the blocks whose originals it holds are then written in place directly.
   */
  private journal: RollbackJournal | null = null;
  private readonly journaled = new Set<number>();
  /** A file not yet committed: written under a temporary name, renamed at the first commit. */
  private fresh: { path: string } | null = null;
  /** Another process's journal, read as the committed case (a non-recovering reader). */
  private snapshot: { index: JournalIndex; fd: number } | null = null;
  /** Consecutive writes past the committed bytes, not yet passed to the file. */
  private pending = { start: 0, length: 0, bytes: new Uint8Array(0) };
  /** The last MiB fetched for a scan; `end` is where the last read of any kind ended. */
  private ahead = { start: 0, length: 0, end: -1, bytes: new Uint8Array(0) };
  /** Reader threads of this process reading the file (rpc/readers/): kept out while a save writes in place. */
  readLock: ReadLock | null = null;

  private constructor(
    private readonly file: string,
    fd: number | null,
    writable: boolean,
  ) {
    this.fd = fd;
    this.writable = writable;
    this.size = this.committed = fd === null ? 0 : fstatSync(fd).size;
  }

  /** An existing file, read as SQLite asks for its pages. */
  static open(file: string, opts: CaseFileOptions = {}): CaseFile {
    removeAbandonedCopies(file);
    const journal = rollbackPath(file);
    const writer = opts.writer !== false;
    if (writer && existsSync(journal)) restoreFromJournal(file);
    if (!writer || existsSync(journal)) {
      const index = readJournalIndex(journal);
      const cf = new CaseFile(file, openSync(file, 'r'), false);
      if (index) {
        cf.snapshot = { index, fd: openSync(journal, 'r') };
        cf.size = cf.committed = index.committedSize;
      }
      return cf;
    }
    let fd: number;
    let writable = true;
    try {
      fd = openSync(file, 'r+');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EACCES' && code !== 'EROFS' && code !== 'EPERM') throw err;
      // A reviewer's extracted case or a read-only medium: inspected, changes kept in memory.
      fd = openSync(file, 'r');
      writable = false;
    }
    return new CaseFile(file, fd, writable);
  }

  /** A file that does not exist yet: it appears, whole, at the first commit. */
  static create(file: string): CaseFile {
    return new CaseFile(file, null, true);
  }

  /** True when something was written since the last commit. */
  get dirty(): boolean {
    return this.overlay.size > 0 || this.size !== this.committed || this.zeroFrom !== Infinity || this.fresh !== null || this.journaled.size > 0;
  }

  /** The first bytes, for a format check before SQLite sees the file. */
  head(length: number): Uint8Array {
    const out = new Uint8Array(Math.min(length, this.size));
    return out.subarray(0, this.read(out, 0));
  }

  /** Fills `into` from `position`; returns the bytes read (short at the end of the file). */
  read(into: Uint8Array, position: number): number {
    const length = Math.max(0, Math.min(into.length, this.size - position));
    if (length === 0) return 0;
    this.readFile(into.subarray(0, length), position);
    this.applyOverlay(into, position, length);
    return length;
  }

  /** The file's bytes (committed ones, or this transaction's past them), before the overlay. */
  private readFile(into: Uint8Array, position: number): void {
    const p = this.pending;
    if (p.length && position < p.start + p.length && position + into.length > p.start) this.flush();
    const ahead = this.ahead;
    if (position >= ahead.start && position + into.length <= ahead.start + ahead.length) {
      into.set(ahead.bytes.subarray(position - ahead.start, position - ahead.start + into.length));
      ahead.end = position + into.length;
      return;
    }
    // A read that continues where the last one ended is a scan: fetch the next MiB at once
    // (one system call instead of 64 for 16 KiB pages; 0.8 s of a detection pass was reads).
    // Anything else (an index lookup) reads just what was asked.
    if (into.length < READ_AHEAD_BYTES && position === ahead.end) {
      this.flush();
      if (ahead.bytes.length < READ_AHEAD_BYTES) ahead.bytes = new Uint8Array(READ_AHEAD_BYTES);
      ahead.start = position;
      ahead.length = this.readDisk(ahead.bytes.subarray(0, Math.min(READ_AHEAD_BYTES, this.size - position)), position);
      into.set(ahead.bytes.subarray(0, Math.min(into.length, ahead.length)));
      ahead.end = position + into.length;
      return;
    }
    this.readDisk(into, position);
    ahead.end = position + into.length;
  }

  private readDisk(into: Uint8Array, position: number): number {
    const fd = this.fd;
    into.fill(0);
    if (fd === null) return into.length;
    readAll(fd, into, position);
    if (this.snapshot) this.readSnapshotBlocks(into, position);
    return into.length;
  }

  /** A non-recovering reader: committed blocks another process has overwritten, from its journal. */
  private readSnapshotBlocks(into: Uint8Array, position: number): void {
    const { index, fd } = this.snapshot!;
    const block = new Uint8Array(BLOCK);
    for (let b = Math.floor(position / BLOCK); b * BLOCK < position + into.length; b++) {
      const offset = index.blocks.get(b);
      if (offset === undefined) continue;
      readJournalBlock(fd, offset, block);
      copyRange(block, b * BLOCK, into, position);
    }
  }

  /** Overlaid blocks and truncated committed bytes, over what was read from the file. */
  private applyOverlay(into: Uint8Array, position: number, length: number): void {
    const end = position + length;
    if (this.zeroFrom < this.committed && end > this.zeroFrom) {
      const from = Math.max(0, this.zeroFrom - position);
      const to = Math.min(length, this.committed - position);
      if (this.journaled.size === 0) into.fill(0, from, to);
      else {
        // Spilled blocks hold on disk what they read as (zeroed past a truncation at once).
        for (let b = Math.floor((position + from) / BLOCK); b * BLOCK < position + to; b++) {
          if (this.journaled.has(b)) continue;
          into.fill(0, Math.max(from, b * BLOCK - position), Math.min(to, (b + 1) * BLOCK - position));
        }
      }
    }
    if (this.overlay.size === 0) return;
    for (let b = Math.floor(position / BLOCK); b * BLOCK < end; b++) {
      const bytes = this.overlay.get(b);
      if (bytes) copyRange(bytes, b * BLOCK, into.subarray(0, length), position);
    }
  }

  write(from: Uint8Array, position: number): void {
    this.ahead.length = 0;
    const end = position + from.length;
    // Committed blocks (the block holding the last committed byte included) go to the overlay.
    const committedEnd = this.writable ? Math.ceil(this.committed / BLOCK) * BLOCK : Infinity;
    if (position < committedEnd) {
      const upTo = Math.min(end, committedEnd);
      for (let b = Math.floor(position / BLOCK); b * BLOCK < upTo; b++) {
        if (this.journaled.has(b) && !this.overlay.has(b)) {
          // Its original is in the sealed journal: the new bytes go straight to the file.
          const lo = Math.max(position, b * BLOCK);
          const hi = Math.min(upTo, (b + 1) * BLOCK);
          writeAll(this.fd!, from.subarray(lo - position, hi - position), lo);
          continue;
        }
        const block = this.overlayBlock(b);
        copyRange(from, position, block, b * BLOCK, upTo);
      }
    }
    if (end > committedEnd) this.append(from.subarray(Math.max(0, committedEnd - position)), Math.max(position, committedEnd));
    this.size = Math.max(this.size, end);
    if (this.writable && this.overlay.size * BLOCK > CaseFile.spillBytes) this.spill();
  }

  /**
   * The overlay has grown past spillBytes (an ingest into a large case touches index pages
   * all over it): journal the originals of its blocks, then write it in place, so memory stays
   * bounded. The case file then holds an unsaved state, which the journal undoes after a crash
   * and which reader threads do not see (they read those blocks from the journal).
   */
  private spill(): void {
    const fd = this.fd!;
    this.journal ??= new RollbackJournal(rollbackPath(this.file), this.committed);
    const original = new Uint8Array(BLOCK);
    const blocks = [...this.overlay.keys()].sort((x, y) => x - y);
    for (const b of blocks) {
      if (this.journaled.has(b)) continue;
      original.fill(0);
      readAll(fd, original, b * BLOCK);
      this.journal.append(b, original);
    }
    this.journal.seal();
    const writeInPlace = (): void => {
      for (const b of blocks) {
        writeAll(fd, this.overlay.get(b)!.subarray(0, Math.max(0, Math.min(BLOCK, this.committed - b * BLOCK, this.size - b * BLOCK))), b * BLOCK);
        this.journaled.add(b);
      }
    };
    // A new generation: readers reopen and find the journal's new records.
    if (this.readLock) this.readLock.exclusive(writeInPlace);
    else writeInPlace();
    this.ahead.length = 0;
    this.overlay.clear();
  }

  /** The overlay's copy of a committed block, made from what the block reads as now. */
  private overlayBlock(b: number): Uint8Array {
    let block = this.overlay.get(b);
    if (!block) {
      block = new Uint8Array(BLOCK);
      const start = b * BLOCK;
      const readable = Math.max(0, Math.min(BLOCK, this.size - start));
      if (readable > 0) this.read(block.subarray(0, readable), start);
      this.overlay.set(b, block);
    }
    return block;
  }

  private append(from: Uint8Array, position: number): void {
    const p = this.pending;
    if (p.length && (position !== p.start + p.length || p.length + from.length > PENDING_BYTES)) this.flush();
    if (from.length >= PENDING_BYTES) writeAll(this.appendFd(), from, position);
    else {
      if (!p.length) p.start = position;
      if (p.bytes.length < PENDING_BYTES) p.bytes = new Uint8Array(PENDING_BYTES);
      p.bytes.set(from, p.length);
      p.length += from.length;
    }
  }

  /** Where writes past the committed bytes go: the case file, or the fresh file's temporary. */
  private appendFd(): number {
    if (this.fd === null) {
      const temp = tempName(this.file);
      this.fd = openSync(temp, 'wx+', 0o600);
      this.fresh = { path: temp };
    }
    return this.fd;
  }

  truncate(size: number): void {
    this.ahead.length = 0;
    this.flush();
    if (size < this.committed) {
      this.zeroFrom = Math.min(this.zeroFrom, size);
      // Spilled blocks past the new size read as zeros from now on: make them so on disk.
      for (const b of this.journaled) {
        const lo = Math.max(size, b * BLOCK);
        const hi = Math.min(this.committed, (b + 1) * BLOCK);
        if (hi > lo && !this.overlay.has(b)) writeAll(this.fd!, new Uint8Array(hi - lo), lo);
      }
    }
    // Bytes past the new size are gone: growing again reads zeros there.
    for (const b of [...this.overlay.keys()]) if (b * BLOCK >= size) this.overlay.delete(b);
    this.overlay.get(Math.floor(size / BLOCK))?.fill(0, size % BLOCK);
    // What this transaction appended beyond the new size is gone at once; committed bytes
    // stay on disk (and in the journal's eyes) until commit.
    if (this.fd !== null && this.writable) ftruncateSync(this.fd, Math.max(size, this.committed));
    this.size = size;
  }

  /** Passes pending appends to the file. */
  private flush(): void {
    const p = this.pending;
    if (!p.length) return;
    writeAll(this.appendFd(), p.bytes.subarray(0, p.length), p.start);
    p.length = 0;
  }

  /**
   * Makes the database as it now is durable at `target`: by default the case file itself
   * (journal, write in place, fsync, drop the journal), else a copy written and renamed there.
   */
  commit(target = this.file): void {
    this.ahead.length = 0;
    this.flush();
    if (target !== this.file) return this.copyTo(target);
    if (!this.writable) throw new Error(`${this.file}: the case file is read-only here; changes cannot be saved to it`);
    if (this.fresh) return this.commitFresh();
    if (!this.dirty) return;
    const fd = this.fd!;
    const journal = this.journal ?? new RollbackJournal(rollbackPath(this.file), this.committed);
    const original = new Uint8Array(BLOCK);
    const changed = new Set(this.overlay.keys());
    const committedBlocks = Math.ceil(this.committed / BLOCK);
    if (this.zeroFrom < this.committed) {
      for (let b = Math.floor(this.zeroFrom / BLOCK); b < committedBlocks; b++) if (!this.journaled.has(b)) changed.add(b);
    }
    for (const b of [...changed].sort((x, y) => x - y)) {
      if (this.journaled.has(b)) continue;
      original.fill(0);
      readAll(fd, original, b * BLOCK);
      journal.append(b, original);
    }
    // The block holding the old end of file changes when the file grows past it too.
    journal.seal();
    const zero = new Uint8Array(BLOCK);
    // Reader threads stay out until the journal is gone: one opening meanwhile would read the
    // journal as the case and keep the old save for a generation it takes to be the new one.
    const writeInPlace = (): void => {
      for (const b of changed) {
        const bytes = this.overlay.get(b) ?? zero;
        writeAll(fd, bytes.subarray(0, Math.max(0, Math.min(BLOCK, this.size - b * BLOCK))), b * BLOCK);
      }
      ftruncateSync(fd, this.size);
      fsyncSync(fd);
      journal.discard();
    };
    if (this.readLock) this.readLock.exclusive(writeInPlace);
    else writeInPlace();
    this.settle();
  }

  private commitFresh(): void {
    const fd = this.appendFd();
    ftruncateSync(fd, this.size);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(this.fresh!.path, this.file);
    fsyncDirectory(path.dirname(this.file));
    this.fresh = null;
    this.fd = openSync(this.file, 'r+');
    this.settle();
  }

  private settle(): void {
    this.overlay.clear();
    this.zeroFrom = Infinity;
    this.committed = this.size;
    this.journal = null;
    this.journaled.clear();
  }

  /** The database as it now is, copied to `target` (fsynced, renamed into place). */
  private copyTo(target: string): void {
    const temp = tempName(target);
    const source = this.fresh?.path ?? (this.fd === null ? null : this.file);
    if (source) copyFileSync(source, temp);
    else closeSync(openSync(temp, 'wx', 0o600));
    chmodSync(temp, 0o600);
    const fd = openSync(temp, 'r+');
    try {
      const all = new Uint8Array(BLOCK);
      const blocks = new Set(this.overlay.keys());
      if (this.zeroFrom < this.committed) for (let b = Math.floor(this.zeroFrom / BLOCK); b * BLOCK < this.committed; b++) blocks.add(b);
      if (this.snapshot) for (const b of this.snapshot.index.blocks.keys()) blocks.add(b);
      for (const b of blocks) {
        const n = Math.max(0, Math.min(BLOCK, this.size - b * BLOCK));
        if (n > 0) writeAll(fd, all.subarray(0, this.read(all.subarray(0, n), b * BLOCK)), b * BLOCK);
      }
      ftruncateSync(fd, this.size);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
    fsyncDirectory(path.dirname(target));
  }

  /** Closes the file; what was not committed is dropped (appends cut off, overlay forgotten). */
  close(): void {
    this.pending.length = 0;
    if (this.fd !== null && this.writable && !this.fresh && this.size !== this.committed) ftruncateSync(this.fd, this.committed);
    if (this.fd !== null) closeSync(this.fd);
    // Spilled blocks are put back as the last save had them.
    if (this.journal) {
      this.journal.close();
      restoreFromJournal(this.file);
      this.journal = null;
      this.journaled.clear();
    }
    if (this.fresh) unlinkQuietly(this.fresh.path);
    if (this.snapshot) closeSync(this.snapshot.fd);
    this.fd = null;
    this.fresh = null;
    this.snapshot = null;
    this.overlay.clear();
  }
}

/** Copies the overlap of `src` (holding bytes from srcStart) into `dst` (from dstStart), up to `end`. */
function copyRange(src: Uint8Array, srcStart: number, dst: Uint8Array, dstStart: number, end = Infinity): void {
  const from = Math.max(srcStart, dstStart);
  const to = Math.min(srcStart + src.length, dstStart + dst.length, end);
  if (to > from) dst.set(src.subarray(from - srcStart, to - srcStart), from - dstStart);
}


function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    /* already gone */
  }
}

/** A temporary name beside `target`: hidden, and naming the process that owns it. */
function tempName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.tmp`);
}

/** Temporary files left beside a case by a process that no longer runs (a crash or a kill). */
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
