// Writes batches of flattened events (event-batch.ts) into event_row and rejected_record.
//
// Fast path (the vendored sql.js exposes its heap): a batch's UTF-8 text is copied into
// SQLite's heap once, and each row's cells are bound straight to pointers into it through
// SQLite's own C API (sqlite3_bind_text with SQLITE_STATIC), 64 rows per multi-row INSERT.
// Only non-NULL cells are bound: sqlite3_clear_bindings resets the rest in one call. This
// skips what sql.js does per string (encode in JavaScript, malloc, free) and per NULL.
// Fallback (plain sql.js): the same batches through sql.js's Statement API.
import type { Database, SqlValue, Statement } from 'sql.js';
import { loadedSqlJs, type LoadedSqlJs } from '../store/sqljs';
import { BATCH_COLUMNS, CELL_NUMBER, CELL_TEXT, WIDTH, type EventBatch } from './event-batch';

/** Rows per statement; WIDTH * ROWS stays far below SQLite's 32766 parameter limit. */
const ROWS = 64;
const SQLITE_DONE = 101;
const SQLITE_STATIC = 0;

function insertSql(evidenceId: number, rows: number): string {
  // evidence_id is the same for every row: written once into the statement, never bound.
  const tuple = `(${evidenceId}, ${BATCH_COLUMNS.map(() => '?').join(', ')})`;
  return `INSERT INTO event_row (evidence_id, ${BATCH_COLUMNS.join(', ')}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`;
}

type Fn = (...args: number[]) => number;

/** SQLite's C API as sql.js exports it, plus the vendored heap hook; null when absent. */
interface RawApi {
  heap: () => Uint8Array;
  malloc: Fn;
  free: Fn;
  prepare: Fn;
  finalize: Fn;
  step: Fn;
  reset: Fn;
  clear: Fn;
  bindText: Fn;
  bindInt: Fn;
  bindDouble: Fn;
  errmsg: Fn;
  text: (ptr: number) => string;
  newText: (s: string) => number;
}

function rawApi(SQL: LoadedSqlJs | null): RawApi | null {
  if (!SQL?.tracelightHeap) return null;
  const f = (name: string): Fn | null => (typeof SQL[name] === 'function' ? (SQL[name] as Fn) : null);
  const api = {
    heap: SQL.tracelightHeap,
    malloc: f('_malloc'),
    free: f('_free'),
    prepare: f('_sqlite3_prepare_v2'),
    finalize: f('_sqlite3_finalize'),
    step: f('_sqlite3_step'),
    reset: f('_sqlite3_reset'),
    clear: f('_sqlite3_clear_bindings'),
    bindText: f('_sqlite3_bind_text'),
    bindInt: f('_sqlite3_bind_int'),
    bindDouble: f('_sqlite3_bind_double'),
    errmsg: f('_sqlite3_errmsg'),
    text: SQL['UTF8ToString'] as RawApi['text'] | undefined,
    newText: SQL['stringToNewUTF8'] as RawApi['newText'] | undefined,
  };
  return Object.values(api).every((v) => typeof v === 'function') ? (api as RawApi) : null;
}

export class EventWriter {
  count = 0;
  private readonly sink: RawSink | StatementSink;
  private readonly rejectStmt: Statement;
  private readonly shapeStmt: Statement;
  private readonly valueStmt: Statement;

  constructor(
    db: Database,
    private readonly evidenceId: number,
  ) {
    const api = rawApi(loadedSqlJs());
    const handle = (db as unknown as { db?: unknown }).db;
    this.sink = api && typeof handle === 'number' ? new RawSink(api, handle, evidenceId) : new StatementSink(db, evidenceId);
    this.rejectStmt = db.prepare('INSERT INTO rejected_record (evidence_id, line, byte_offset, reason, raw) VALUES (?, ?, ?, ?, ?)');
    this.shapeStmt = db.prepare('INSERT INTO extra_shape (evidence_id, n, keys, coded) VALUES (?, ?, ?, ?)');
    this.valueStmt = db.prepare('INSERT INTO extra_value (evidence_id, n, value) VALUES (?, ?, ?)');
  }

  /** Stores every event row and rejected record of the batch. */
  write(batch: EventBatch): void {
    // The shapes and values of extra that the batch's rows use for the first time.
    for (const s of batch.extraDictionary.shapes) this.shapeStmt.run([this.evidenceId, s.n, s.keys, s.coded]);
    for (const v of batch.extraDictionary.values) this.valueStmt.run([this.evidenceId, v.n, v.value]);
    if (batch.rows > 0) this.sink.write(batch);
    this.count += batch.rows;
    for (const r of batch.rejects) this.rejectStmt.run([this.evidenceId, r.line, r.offset, r.reason, r.raw]);
  }

  close(): void {
    this.sink.close();
    this.rejectStmt.free();
    this.shapeStmt.free();
    this.valueStmt.free();
  }
}

class RawSink {
  private readonly multi: number;
  private single = 0;
  private arena = 0;
  private arenaBytes = 0;

  constructor(
    private readonly api: RawApi,
    private readonly db: number,
    private readonly evidenceId: number,
  ) {
    this.multi = this.prepare(insertSql(evidenceId, ROWS));
  }

  write(batch: EventBatch): void {
    if (batch.textBytes > this.arenaBytes) {
      if (this.arena) this.api.free(this.arena);
      this.arenaBytes = Math.max(batch.textBytes, 1 << 20) * 2;
      this.arena = this.api.malloc(this.arenaBytes);
      if (!this.arena) throw new Error(`out of memory for a ${batch.textBytes}-byte batch`);
    }
    // malloc may have grown the heap: take the view after it.
    this.api.heap().set(batch.text.subarray(0, batch.textBytes), this.arena);
    let row = 0;
    for (; row + ROWS <= batch.rows; row += ROWS) this.run(this.multi, batch, row, ROWS);
    if (row < batch.rows && !this.single) this.single = this.prepare(insertSql(this.evidenceId, 1));
    for (; row < batch.rows; row++) this.run(this.single, batch, row, 1);
  }

  private run(stmt: number, batch: EventBatch, firstRow: number, rows: number): void {
    const { api, arena } = this;
    const { kinds, values, lengths } = batch;
    api.clear(stmt);
    const base = firstRow * WIDTH;
    const cells = rows * WIDTH;
    for (let i = 0; i < cells; i++) {
      const kind = kinds[base + i];
      if (kind === CELL_TEXT) api.bindText(stmt, i + 1, arena + values[base + i]!, lengths[base + i]!, SQLITE_STATIC);
      else if (kind === CELL_NUMBER) {
        const v = values[base + i]!;
        if ((v | 0) === v) api.bindInt(stmt, i + 1, v);
        else api.bindDouble(stmt, i + 1, v);
      }
    }
    const rc = api.step(stmt);
    if (rc !== SQLITE_DONE) {
      const message = api.text(api.errmsg(this.db));
      api.reset(stmt);
      throw new Error(`storing events failed: ${message}`);
    }
    api.reset(stmt);
  }

  private prepare(sql: string): number {
    const { api } = this;
    const text = api.newText(sql);
    const out = api.malloc(4);
    try {
      const rc = api.prepare(this.db, text, -1, out, 0);
      const heap = api.heap();
      const stmt = heap[out]! | (heap[out + 1]! << 8) | (heap[out + 2]! << 16) | (heap[out + 3]! << 24);
      if (rc !== 0 || stmt === 0) throw new Error(`preparing the event insert failed: ${api.text(api.errmsg(this.db))}`);
      return stmt;
    } finally {
      api.free(out);
      api.free(text);
    }
  }

  close(): void {
    this.api.finalize(this.multi);
    if (this.single) this.api.finalize(this.single);
    if (this.arena) this.api.free(this.arena);
    this.arena = 0;
  }
}

/** The same rows through sql.js's Statement API (plain sql.js). */
class StatementSink {
  private readonly multi: Statement;
  private readonly params: SqlValue[] = new Array<SqlValue>(WIDTH * ROWS).fill(null);

  constructor(
    private readonly db: Database,
    private readonly evidenceId: number,
  ) {
    this.multi = db.prepare(insertSql(evidenceId, ROWS));
  }

  write(batch: EventBatch): void {
    const text = Buffer.from(batch.text.buffer, batch.text.byteOffset, batch.textBytes);
    let row = 0;
    for (; row + ROWS <= batch.rows; row += ROWS) {
      this.fill(batch, text, row, ROWS, this.params);
      this.multi.run(this.params);
    }
    if (row === batch.rows) return;
    const rest = batch.rows - row;
    const stmt = this.db.prepare(insertSql(this.evidenceId, rest));
    try {
      const params = new Array<SqlValue>(WIDTH * rest);
      this.fill(batch, text, row, rest, params);
      stmt.run(params);
    } finally {
      stmt.free();
    }
  }

  private fill(batch: EventBatch, text: Buffer, firstRow: number, rows: number, out: SqlValue[]): void {
    const base = firstRow * WIDTH;
    for (let i = 0; i < rows * WIDTH; i++) {
      const kind = batch.kinds[base + i];
      const v = batch.values[base + i]!;
      out[i] = kind === CELL_TEXT ? text.toString('utf8', v, v + batch.lengths[base + i]!) : kind === CELL_NUMBER ? v : null;
    }
  }

  close(): void {
    this.multi.free();
  }
}
