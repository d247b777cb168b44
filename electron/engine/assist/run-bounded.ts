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
const ready = init({ locateFile: (f) => path.join(workerData.wasmDir, f) }).then((SQL) => {
  const db = new SQL.Database(fs.readFileSync(workerData.file));
  db.exec('PRAGMA query_only = ON');
  return db;
});
parentPort.on('message', (m) => {
  ready.then((db) => {
    let stmt;
    try {
      stmt = db.prepare(m.sql);
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

interface Snapshot {
  key: string;
  dir: string;
  worker: Worker | null;
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
  const snap: Snapshot = { key, dir, worker: null };
  store.writeTo(path.join(dir, 'case.tlcase'));
  snapshots.set(store, snap);
  return snap;
}

function startWorker(snap: Snapshot): Worker {
  const worker = new Worker(WORKER, { eval: true, workerData: { ...modulePaths(), file: path.join(snap.dir, 'case.tlcase') } });
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

export async function runBounded(store: CaseStore, sql: string, opts: { rowCap: number; timeoutMs: number }): Promise<BoundedResult> {
  const snap = snapshotFor(store);
  const worker = snap.worker ?? startWorker(snap);
  const started = performance.now();
  return new Promise<BoundedResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      // Terminating is the only way to stop a running sql.js statement; the next question
      // starts a fresh worker on the same snapshot.
      snap.worker = null;
      void worker.terminate();
      reject(new QueryTimeoutError(`the query ran longer than ${Math.round(opts.timeoutMs / 1000)} s and was stopped`));
    }, opts.timeoutMs);
    const onMessage = (m: { ok: boolean; columns?: string[]; rows?: (string | number | null)[][]; truncated?: boolean; error?: string }): void => {
      cleanup();
      if (!m.ok) reject(new QueryError(m.error ?? 'query failed'));
      else resolve({ columns: m.columns!, rows: m.rows!, truncated: m.truncated!, elapsedMs: performance.now() - started });
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
    worker.postMessage({ sql, rowCap: opts.rowCap });
  });
}
