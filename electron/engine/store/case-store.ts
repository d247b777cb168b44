// One case = one SQLite file (.tlcase). While open, SQLite reads its pages from the file as it
// needs them; changes are held apart until save() commits them to the file through a rollback
// journal (store/case-file.ts), so the file always holds the last save, even after a crash.
import type { CodedText } from '../../common/coded-text';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database, SqlValue } from 'sql.js';
import { writeFileAtomic } from './atomic-write';
import { CaseFile } from './case-file';
import type { ReadLock } from './read-lock';
import { migrate } from './migrations';
import { registerExtraFunctions } from './extra/extra-sql';
import { convertExtra } from './extra/convert';
import { loadSqlJs, type LoadedSqlJs } from './sqljs';

/**
 * A database on a CaseFile (vendored hook); null when the hook is missing, and the caller then
 * takes sql.js's own way: the whole file copied into memory, saved with export().
 */
function openBacked(SQL: LoadedSqlJs, file: CaseFile): Database | null {
  if (!SQL.tracelightBacked) return null;
  const marker = new Uint8Array(0);
  SQL.tracelightBacking = { marker, file };
  try {
    return new SQL.Database(marker);
  } finally {
    SQL.tracelightBacking = null;
  }
}

export class CaseError extends Error {
  override name = 'CaseError';
  /** The message as a code (common/coded-text.ts), for a UI in another language. */
  readonly coded: CodedText | undefined;

  constructor(message: string, coded?: CodedText) {
    super(message);
    this.coded = coded;
  }
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
    /** The file under the database, or null on sql.js's own in-memory copy. */
    private readonly file: CaseFile | null,
  ) {}

  /** Opens an existing case file, or creates it when absent. */
  static async openOrCreate(file: string, init: { name?: string; timezone?: string } = {}): Promise<CaseStore> {
    return existsSync(file) ? CaseStore.open(file) : CaseStore.create(file, init);
  }

  static async create(file: string, init: { name?: string; timezone?: string } = {}): Promise<CaseStore> {
    if (existsSync(file)) throw new CaseError(`${file}: a file already exists there`, { code: 'case.exists', params: { path: file } });
    const SQL = (await loadSqlJs()) as LoadedSqlJs;
    const target = path.resolve(file);
    const backing = CaseFile.create(target);
    const db = openBacked(SQL, backing);
    const store = db ? new CaseStore(target, db, backing) : new CaseStore(target, new SQL.Database(), null);
    // Before the first table: rows of wide EDR formats (1.3-2 KB, mostly extra) fit two to a
    // 4 KiB page with much of it left empty; 16 KiB pages hold them about 11% denser
    // (Defender CSV: ~2,150 -> ~1,940 bytes per event), and every byte here is fresh memory
    // to fault in and a byte to write out. Cases made before keep their page size.
    store.db.exec('PRAGMA page_size = 16384');
    store.configure();
    migrate(store.db);
    registerExtraFunctions(store.db);
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

  /**
   * Opens an existing case. `writer: false` (anyone not holding the case lock) never writes a
   * byte of the file: see CaseFile.
   */
  static async open(file: string, opts: { writer?: boolean } = {}): Promise<CaseStore> {
    const SQL = (await loadSqlJs()) as LoadedSqlJs;
    const target = path.resolve(file);
    let backing: CaseFile | null = null;
    // The first bytes for the format check (without the hook: the whole file, for sql.js).
    let head: Uint8Array;
    try {
      backing = SQL.tracelightBacked ? CaseFile.open(target, opts) : null;
      head = backing ? backing.head(100) : readFileSync(target);
    } catch (err) {
      backing?.close();
      const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      const coded: CodedText = why === 'ENOENT' ? { code: 'case.notFound', params: { path: file } } : { code: 'case.cannotRead', params: { path: file, why } };
      throw new CaseError(`${file}: cannot read case file (${why})`, coded);
    }
    if (head.length < 100 || Buffer.from(head.buffer, head.byteOffset, 16).toString('latin1') !== 'SQLite format 3\0') {
      backing?.close();
      throw new CaseError(`${file}: not a Tracelight case (not an SQLite database)`, { code: 'case.notSqlite', params: { path: file } });
    }
    const db = backing ? openBacked(SQL, backing)! : new SQL.Database(head);
    const store = new CaseStore(target, db, backing);
    try {
      store.configure();
      migrate(db);
      // After the migrations: its TEMP VIEW events would shadow the view they replace.
      registerExtraFunctions(db);
      // Rows of an older case still holding extra as text (migration 015): converted by the
      // writer; a reader reads them as they are.
      if (opts.writer !== false) convertExtra(db);
      if (store.getMeta('caseId') === null) throw new CaseError('no case metadata');
    } catch (err) {
      store.close();
      throw new CaseError(`${file}: not a Tracelight case (${(err as Error).message})`);
    }
    return store;
  }

  private configure(): void {
    // Durability is CaseFile's (its own journal, fsynced); SQLite's journal here is only for
    // ROLLBACK of a statement or transaction.
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

  /** Reader threads of this process reading the case file: a save waits until they are out. */
  attachReadLock(lock: ReadLock | null): void {
    if (this.file) this.file.readLock = lock;
  }

  /** True when the case is on a file reader threads can open (not sql.js's in-memory copy). */
  get onDisk(): boolean {
    return this.file !== null;
  }

  /** Writes the database to the case file atomically (nothing to do when nothing changed). */
  save(): void {
    this.writeTo(this.path);
  }

  /** Writes the database as it now is to `target` atomically (a copy: the case stays here). */
  writeTo(target: string): void {
    // As export() does: refuse inside a transaction, whose pages are not a consistent file.
    // BEGIN fails there; outside one, BEGIN; COMMIT writes nothing.
    try {
      this.db.exec('BEGIN; COMMIT');
    } catch (err) {
      throw new CaseError(`${this.path}: cannot save inside an open transaction (${(err as Error).message})`);
    }
    if (!this.file) return writeFileAtomic(target, this.db.export());
    if (target === this.path && !this.file.dirty) return;
    this.file.commit(path.resolve(target));
  }

  close(): void {
    this.db.close();
    this.file?.close();
  }
}
