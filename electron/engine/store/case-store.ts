// One case = one SQLite file (.tlcase), held in memory by sql.js while open and written
// back atomically after every change that must survive.
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import type { Database, SqlValue } from 'sql.js';
import { writeFileAtomic } from './atomic-write';
import { migrate } from './migrations';
import { loadedSqlJs, loadSqlJs, type LoadedSqlJs } from './sqljs';

/** Largest database image SQLite's in-memory file system holds (scripts/vendor-sqljs.mjs). */
const MAX_IMAGE_BYTES = 4294901760;

// ES2024 resizable ArrayBuffer (Node 20+); the TypeScript lib in use predates its options.
const ResizableArrayBuffer = ArrayBuffer as unknown as new (size: number, options: { maxByteLength: number }) => ArrayBuffer;

/**
 * Reads a case file into a resizable buffer, so the database can grow in place when it is
 * handed to SQLite (vendored hook) instead of being copied into a larger one.
 */
function readCaseFile(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_IMAGE_BYTES) return readFileSync(file);
    const bytes = new Uint8Array(new ResizableArrayBuffer(size, { maxByteLength: MAX_IMAGE_BYTES }), 0, size);
    let done = 0;
    while (done < size) {
      const n = readSync(fd, bytes, done, Math.min(size - done, 16 << 20), done);
      if (n === 0) break;
      done += n;
    }
    return done === size ? bytes : bytes.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

export class CaseError extends Error {
  override name = 'CaseError';
}

export interface CaseMeta {
  caseId: string;
  name: string;
  createdAt: string;
  timezone: string;
}

export class CaseStore {
  private constructor(
    readonly path: string,
    readonly db: Database,
  ) {}

  /** Opens an existing case file, or creates it when absent. */
  static async openOrCreate(file: string, init: { name?: string; timezone?: string } = {}): Promise<CaseStore> {
    return existsSync(file) ? CaseStore.open(file) : CaseStore.create(file, init);
  }

  static async create(file: string, init: { name?: string; timezone?: string } = {}): Promise<CaseStore> {
    if (existsSync(file)) throw new CaseError(`${file}: a file already exists there`);
    const SQL = await loadSqlJs();
    const store = new CaseStore(path.resolve(file), new SQL.Database());
    // Before the first table: rows of wide EDR formats (1.3-2 KB, mostly extra) fit two to a
    // 4 KiB page with much of it left empty; 16 KiB pages hold them about 11% denser
    // (Defender CSV: ~2,150 -> ~1,940 bytes per event), and every byte here is fresh memory
    // to fault in and a byte to write out. Cases made before keep their page size.
    store.db.exec('PRAGMA page_size = 16384');
    store.configure();
    migrate(store.db);
    const meta: CaseMeta = {
      caseId: randomUUID(),
      name: init.name ?? path.basename(file).replace(/\.tlcase$/i, ''),
      createdAt: new Date().toISOString(),
      timezone: init.timezone ?? 'UTC',
    };
    for (const [key, value] of Object.entries(meta)) store.setMeta(key, value);
    store.save();
    return store;
  }

  static async open(file: string): Promise<CaseStore> {
    const SQL = (await loadSqlJs()) as LoadedSqlJs;
    let bytes: Uint8Array;
    try {
      bytes = readCaseFile(file);
    } catch (err) {
      throw new CaseError(`${file}: cannot read case file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    if (bytes.length < 100 || Buffer.from(bytes.buffer, bytes.byteOffset, 16).toString('latin1') !== 'SQLite format 3\0') {
      throw new CaseError(`${file}: not a Tracelight case (not an SQLite database)`);
    }
    // Hand the bytes just read to SQLite's file system instead of copying them (vendored hook;
    // plain sql.js ignores the property and copies).
    SQL.tracelightAdopt = bytes;
    let db: Database;
    try {
      db = new SQL.Database(bytes);
    } finally {
      SQL.tracelightAdopt = null;
    }
    const store = new CaseStore(path.resolve(file), db);
    try {
      store.configure();
      migrate(db);
      if (store.getMeta('caseId') === null) throw new CaseError('no case metadata');
    } catch (err) {
      db.close();
      throw new CaseError(`${file}: not a Tracelight case (${(err as Error).message})`);
    }
    return store;
  }

  private configure(): void {
    // The database lives in memory; a rollback journal there is only for ROLLBACK.
    this.db.exec('PRAGMA foreign_keys = ON; PRAGMA journal_mode = MEMORY; PRAGMA temp_store = MEMORY');
  }

  meta(): CaseMeta {
    return {
      caseId: this.getMeta('caseId') ?? '',
      name: this.getMeta('name') ?? '',
      createdAt: this.getMeta('createdAt') ?? '',
      timezone: this.getMeta('timezone') ?? 'UTC',
    };
  }

  getMeta(key: string): string | null {
    const v = this.scalar('SELECT value FROM case_meta WHERE key = ?', [key]);
    return v === null ? null : String(v);
  }

  setMeta(key: string, value: string): void {
    this.db.run('INSERT INTO case_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [
      key,
      value,
    ]);
  }

  /** First column of the first row, or null. */
  scalar(sql: string, params: SqlValue[] = []): SqlValue {
    const stmt = this.db.prepare(sql);
    try {
      stmt.bind(params);
      return stmt.step() ? (stmt.get()[0] ?? null) : null;
    } finally {
      stmt.free();
    }
  }

  /** All rows as objects. For large results use db.prepare and step through. */
  all<T = Record<string, SqlValue>>(sql: string, params: SqlValue[] = []): T[] {
    const stmt = this.db.prepare(sql);
    const rows: T[] = [];
    try {
      stmt.bind(params);
      while (stmt.step()) rows.push(stmt.getAsObject() as T);
    } finally {
      stmt.free();
    }
    return rows;
  }

  /** Writes the whole database to the case file atomically. */
  save(): void {
    writeFileAtomic(this.path, this.image());
  }

  /**
   * The database file as bytes. With the vendored hook this is SQLite's own file image (a view,
   * no copy: a full-size copy of a multi-GB case costs seconds and its size in memory);
   * otherwise sql.js's export().
   */
  private image(): Uint8Array {
    const SQL = loadedSqlJs();
    if (!SQL?.tracelightImage) return this.db.export();
    // As export() does: refuse inside a transaction, whose pages are not a consistent file.
    // BEGIN fails there; outside one, BEGIN; COMMIT writes nothing.
    try {
      this.db.exec('BEGIN; COMMIT');
    } catch (err) {
      throw new CaseError(`${this.path}: cannot save inside an open transaction (${(err as Error).message})`);
    }
    return SQL.tracelightImage(this.db);
  }

  close(): void {
    this.db.close();
  }
}
