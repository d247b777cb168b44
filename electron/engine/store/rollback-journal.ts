// The rollback journal beside an open case (`<case>.rollback`): the original bytes of every
// block of the case file that a commit or a spill is about to overwrite in place. It is
// complete and fsynced (records first, then the header that counts them) before the first
// byte of the case file changes, and removed once the case file holds the new state and is
// fsynced. So after a crash at any point, restoring the journal's blocks and its size gives
// back the case exactly as last committed; a journal without a valid header was never acted
// on and is simply removed. This is SQLite's own rollback-journal protocol, kept here because
// sql.js's file system cannot fsync SQLite's journal.
//
// Readers that must not write (an inspection while another process writes) read the journal
// instead of restoring it: its blocks and size are the committed case, block for block.
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { fsyncDirectory } from './atomic-write';

/** The unit the case file is journaled in (SQLite pages are 512 B to 64 KiB; ours 4 or 16 KiB). */
export const BLOCK = 4096;
const MAGIC = 'TLRBJNL1';
const HEADER = BLOCK;
const RECORD = 8 + BLOCK + 4;

export function rollbackPath(caseFile: string): string {
  return `${caseFile}.rollback`;
}

/** A sealed journal as read back: the committed size, and where each original block is. */
export interface JournalIndex {
  committedSize: number;
  /** Block number -> offset of its original bytes in the journal file. */
  blocks: Map<number, number>;
}

/** Writes all of `data` at `position`. */
export function writeAll(fd: number, data: Uint8Array, position: number): void {
  let done = 0;
  while (done < data.length) done += writeSync(fd, data, done, data.length - done, position + done);
}

/** Reads until `into` is full or the file ends; returns the bytes read. */
export function readAll(fd: number, into: Uint8Array, position: number): number {
  let done = 0;
  while (done < into.length) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

function header(committedSize: number, count: number): Uint8Array {
  const out = new Uint8Array(HEADER);
  const view = new DataView(out.buffer);
  out.set(Buffer.from(MAGIC, 'latin1'), 0);
  view.setUint32(8, BLOCK);
  view.setFloat64(12, committedSize);
  view.setUint32(20, count);
  view.setUint32(24, crc32(out.subarray(0, 24)));
  return out;
}

/** The journal of one transaction of the case file, written as blocks are about to change. */
export class RollbackJournal {
  private fd: number | null = null;
  private count = 0;
  private sealedCount = 0;

  constructor(
    readonly file: string,
    private readonly committedSize: number,
  ) {}

  /** Records the original bytes of `block` (not yet durable: see seal()). */
  append(block: number, original: Uint8Array): void {
    if (this.fd === null) this.fd = openSync(this.file, 'w+', 0o600);
    const record = new Uint8Array(RECORD);
    const view = new DataView(record.buffer);
    view.setFloat64(0, block);
    record.set(original.subarray(0, BLOCK), 8);
    view.setUint32(8 + BLOCK, crc32(record.subarray(0, 8 + BLOCK)));
    writeAll(this.fd, record, HEADER + this.count * RECORD);
    this.count++;
  }

  get records(): number {
    return this.count;
  }

  /** Makes every record so far durable, then the header counting them. */
  seal(): void {
    if (this.fd === null || this.count === this.sealedCount) return;
    fsyncSync(this.fd);
    writeAll(this.fd, header(this.committedSize, this.count), 0);
    fsyncSync(this.fd);
    // A new file's name is durable only once its directory is.
    if (this.sealedCount === 0) fsyncDirectory(path.dirname(this.file));
    this.sealedCount = this.count;
  }

  /** Closes the journal's file, leaving it for restoreFromJournal() (a rollback). */
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /** The transaction is over (committed, or rolled back by the caller): the journal goes. */
  discard(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
    unlinkSync(this.file);
    fsyncDirectory(path.dirname(this.file));
    this.count = this.sealedCount = 0;
  }
}

/** Reads a journal's header and record positions; null when absent or never sealed. */
export function readJournalIndex(file: string): JournalIndex | null {
  if (!existsSync(file)) return null;
  const fd = openSync(file, 'r');
  try {
    const head = new Uint8Array(HEADER);
    if (readAll(fd, head, 0) < 28) return null;
    const view = new DataView(head.buffer);
    if (Buffer.from(head.subarray(0, 8)).toString('latin1') !== MAGIC || view.getUint32(24) !== crc32(head.subarray(0, 24))) return null;
    if (view.getUint32(8) !== BLOCK) return null;
    const count = view.getUint32(20);
    const size = fstatSync(fd).size;
    const blocks = new Map<number, number>();
    const record = new Uint8Array(RECORD);
    for (let i = 0; i < count; i++) {
      const at = HEADER + i * RECORD;
      // Counted records were fsynced before the header: a short or damaged one means the
      // journal itself was altered, and restoring from it would be worse than stopping.
      if (at + RECORD > size || readAll(fd, record, at) < RECORD) throw new Error(`${file}: rollback journal record ${i + 1} of ${count} is missing`);
      const rv = new DataView(record.buffer);
      if (rv.getUint32(8 + BLOCK) !== crc32(record.subarray(0, 8 + BLOCK))) throw new Error(`${file}: rollback journal record ${i + 1} is damaged`);
      const block = rv.getFloat64(0);
      // The first record of a block holds its original; a later one never exists (see CaseFile).
      if (!blocks.has(block)) blocks.set(block, at + 8);
    }
    return { committedSize: view.getFloat64(12), blocks };
  } finally {
    closeSync(fd);
  }
}

/** Reads one original block out of a journal (for snapshot readers). */
export function readJournalBlock(journalFd: number, offset: number, into: Uint8Array): void {
  readAll(journalFd, into.subarray(0, BLOCK), offset);
}

/**
 * Puts the case file back as it was at its last commit, from a sealed journal left by a
 * process that stopped mid-transaction; then removes the journal. True when it restored.
 */
export function restoreFromJournal(caseFile: string): boolean {
  const journal = rollbackPath(caseFile);
  if (!existsSync(journal)) return false;
  const index = readJournalIndex(journal);
  if (index) {
    const jfd = openSync(journal, 'r');
    const fd = openSync(caseFile, 'r+');
    try {
      const block = new Uint8Array(BLOCK);
      for (const [n, offset] of index.blocks) {
        readJournalBlock(jfd, offset, block);
        writeAll(fd, block, n * BLOCK);
      }
      // What the transaction appended is cut back, what it truncated comes back.
      ftruncateSync(fd, index.committedSize);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
      closeSync(jfd);
    }
  }
  unlinkSync(journal);
  fsyncDirectory(path.dirname(journal));
  return index !== null;
}
