// Runs one guarded SELECT with a row cap and a time limit. sql.js is synchronous and the
// vendored build exposes neither sqlite3_progress_handler nor sqlite3_interrupt (checked:
// its export list has no such symbol), so a long statement cannot be stopped from inside the
// engine. It therefore runs in a worker thread on a snapshot of the case (written once per
// state of the case with CaseStore.writeTo); when the limit passes, the worker is terminated,
// which stops the statement mid-step. The snapshot is also a second read-only barrier: the
// case the engine holds is never the database the statement runs on.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CaseStore } from '../store/case-store';
import { GuardError, WRITE_OPS } from './guard';
import { EXTRA_FUNCTIONS_SOURCE } from '../store/extra/extra-sql';

export interface BoundedResult {
  columns: string[];
  rows: (string | number | null)[][];
  truncated: boolean;
  elapsedMs: number;
}

export class QueryTimeoutError extends Error {
  override name = 'QueryTimeoutError';
}
export class QueryError extends Error {
  override name = 'QueryError';
}

// A CommonJS body for `new Worker(code, { eval: true })`: no separate bundle to build or find.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const init = require(workerData.sqljs);
const WRITE_OPS = new Set(workerData.writeOps);
const ready = init({ locateFile: (f) => path.join(workerData.wasmDir, f) }).then((SQL) => {
  const db = new SQL.Database(fs.readFileSync(workerData.file));
  // extra's functions and the fast TEMP VIEW events, from their source (store/extra/extra-functions.ts).
  const __name = (f) => f;
  eval('(' + workerData.extra.install + ')')(db, workerData.extra.viewSql);
  db.exec('PRAGMA query_only = ON');
  return db;
});
// The guard's second step, on the database the statement runs on (it may name the detection
// tables, which only this snapshot holds): compile with EXPLAIN, refuse any write program.
function compiled(db, sql) {
  let stmt;
  try { stmt = db.prepare('EXPLAIN ' + sql); } catch (e) { return 'SQL error: ' + String((e && e.message) || e); }
  try {
    while (stmt.step()) {
      const r = stmt.getAsObject();
      if (WRITE_OPS.has(String(r.opcode))) return 'the statement would write (' + r.opcode + '); the assistant only reads the case';
      if (r.opcode === 'Transaction' && Number(r.p2) !== 0) return 'the statement would open a write transaction';
    }
  } finally { stmt.free(); }
  return null;
}
function load(db, tables) {
  db.exec('PRAGMA query_only = OFF');
  try {
    for (const t of tables) {
      db.exec('DROP TABLE IF EXISTS ' + t.name + '; CREATE TABLE ' + t.name + ' (' + t.columns.join(', ') + ')');
      const ins = db.prepare('INSERT INTO ' + t.name + ' VALUES (' + t.columns.map(() => '?').join(', ') + ')');
      for (const row of t.rows) ins.run(row);
      ins.free();
    }
  } finally { db.exec('PRAGMA query_only = ON'); }
}
parentPort.on('message', (m) => {
  ready.then((db) => {
    if (m.load) {
      try { load(db, m.load); parentPort.postMessage({ ok: true, columns: [], rows: [], truncated: false }); }
      catch (e) { parentPort.postMessage({ ok: false, error: String((e && e.message) || e) }); }
      return;
    }
    if (m.guard) {
      const refused = compiled(db, m.sql);
      if (refused) { parentPort.postMessage({ ok: false, guard: refused }); return; }
    }
    let stmt;
    try {
      stmt = db.prepare(m.sql);
      if (m.params) stmt.bind(m.params);
      const columns = stmt.getColumnNames();
      const rows = [];
      let truncated = false;
      while (stmt.step()) {
        if (rows.length >= m.rowCap) { truncated = true; break; }
        rows.push(stmt.get().map((v) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v)));
      }
      parentPort.postMessage({ ok: true, columns, rows, truncated });
    } catch (e) {
      parentPort.postMessage({ ok: false, error: String((e && e.message) || e) });
    } finally {
      if (stmt) stmt.free();
    }
  }, (e) => parentPort.postMessage({ ok: false, error: 'cannot open the case snapshot: ' + String((e && e.message) || e) }));
});
`;
/** A table added to the snapshot only (the detection results), never to the case. */
export interface SnapshotTable {
  name: string;
  columns: string[];
  rows: (string | number | null)[][];
}

interface Snapshot {
  key: string;
  dir: string;
  worker: Worker | null;
  /** Derived tables this snapshot holds, loaded into every worker started on it. */
  tables: SnapshotTable[] | null;
  /** The worker that has them (a worker stopped on a time limit is replaced). */
  loadedIn: Worker | null;
}

const snapshots = new WeakMap<CaseStore, Snapshot>();

function modulePaths(): { sqljs: string; wasmDir: string } {
  const require = createRequire(import.meta.url);
  const sqljs = require.resolve('sql.js');
  return { sqljs, wasmDir: path.dirname(require.resolve('sql.js/dist/sql-wasm.wasm')) };
}

/** What identifies the state of the case the snapshot must show: its data and annotations. */
function stateKey(store: CaseStore): string {
  const r = store.db.exec(`SELECT (SELECT count(*) FROM event_row), (SELECT max(id) FROM event_row), (SELECT max(id) FROM custody_log WHERE action NOT LIKE 'assist.%')`)[0];
  return JSON.stringify(r?.values[0] ?? []);
}

function snapshotFor(store: CaseStore): Snapshot {
  const key = stateKey(store);
  const old = snapshots.get(store);
  if (old && old.key === key) return old;
  if (old) dropSnapshot(store);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tracelight-assist-'));
  const snap: Snapshot = { key, dir, worker: null, tables: null, loadedIn: null };
  store.writeTo(path.join(dir, 'case.tlcase'));
  snapshots.set(store, snap);
  return snap;
}

function startWorker(snap: Snapshot): Worker {
  const worker = new Worker(WORKER, { eval: true, workerData: { ...modulePaths(), writeOps: [...WRITE_OPS], file: path.join(snap.dir, 'case.tlcase'), extra: EXTRA_FUNCTIONS_SOURCE } });
  worker.unref();
  snap.worker = worker;
  return worker;
}

/** Ends the worker and deletes the snapshot (case closed, or its state changed). */
export function dropSnapshot(store: CaseStore): void {
  const snap = snapshots.get(store);
  if (!snap) return;
  snapshots.delete(store);
  void snap.worker?.terminate();
  rmSync(snap.dir, { recursive: true, force: true });
}

/**
 * Gives the current snapshot derived tables (made once per state of the case by `make`):
 * the detection results a question can be answered from. The case itself never holds them.
 */
export async function withSnapshotTables(store: CaseStore, make: () => Promise<SnapshotTable[]>): Promise<void> {
  if (snapshotFor(store).tables) return;
  const tables = await make();
  // Making them may change the case's state (the workbench records a detection run): the
  // snapshot in force afterwards is the one that holds them.
  snapshotFor(store).tables = tables;
}

interface WorkerReply {
  ok: boolean;
  columns?: string[];
  rows?: (string | number | null)[][];
  truncated?: boolean;
  error?: string;
  guard?: string;
}

function post(snap: Snapshot, worker: Worker, message: object, timeoutMs: number): Promise<WorkerReply> {
  return new Promise<WorkerReply>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      // Terminating is the only way to stop a running sql.js statement; the next question
      // starts a fresh worker on the same snapshot.
      snap.worker = null;
      void worker.terminate();
      reject(new QueryTimeoutError(`the query ran longer than ${Math.round(timeoutMs / 1000)} s and was stopped`));
    }, timeoutMs);
    const onMessage = (m: WorkerReply): void => {
      cleanup();
      resolve(m);
    };
    const onError = (err: Error): void => {
      cleanup();
      snap.worker = null;
      reject(new QueryError(err.message));
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage(message);
  });
}

export interface BoundedOptions {
  rowCap: number;
  timeoutMs: number;
  /** Values for `?` in the statement (the query language's compiled conditions). */
  params?: (string | number | null)[];
  /** Compile with EXPLAIN on the snapshot and refuse write programs first (GuardError). */
  guard?: boolean;
}

export async function runBounded(store: CaseStore, sql: string, opts: BoundedOptions): Promise<BoundedResult> {
  const snap = snapshotFor(store);
  const worker = snap.worker ?? startWorker(snap);
  if (snap.tables && snap.loadedIn !== worker) {
    const loaded = await post(snap, worker, { load: snap.tables }, opts.timeoutMs);
    if (!loaded.ok) throw new QueryError(`cannot load the detection results: ${loaded.error ?? ''}`);
    snap.loadedIn = worker;
  }
  const started = performance.now();
  const m = await post(snap, worker, { sql, rowCap: opts.rowCap, params: opts.params ?? null, guard: opts.guard ?? false }, opts.timeoutMs);
  if (m.guard) throw new GuardError(m.guard);
  if (!m.ok) throw new QueryError(m.error ?? 'query failed');
  return { columns: m.columns!, rows: m.rows!, truncated: m.truncated!, elapsedMs: performance.now() - started };
}
