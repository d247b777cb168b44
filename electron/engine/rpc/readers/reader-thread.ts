// A reader thread (reader-pool.ts starts it): its own sql.js and its own connection to the case
// file, opened as a reader (never writes a byte of it), answering READ_METHODS one request at a
// time. It reads what the last save holds; when the engine saves again (a new generation of the
// shared lock) it reopens before the next request, so it never mixes pages of two saves.
import { parentPort, workerData } from 'node:worker_threads';
import { CaseStore } from '../../store/case-store';
import { ReadLock } from '../../store/read-lock';
import { READ_METHODS, isReadMethod } from './read-methods';

export interface ReaderThreadData {
  file: string;
  lock: SharedArrayBuffer;
}

export type ToReader = { id: number; method: string; args: unknown };
export type FromReader = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { name: string; message: string } };

const { file, lock: buffer } = workerData as ReaderThreadData;
const lock = new ReadLock(buffer);
let store: CaseStore | null = null;
let generation = -1;
/** TRACELIGHT_RPC_TRACE=1 (as rpc/dispatcher.ts): how long each read waited, reopened and ran. */
const trace = process.env.TRACELIGHT_RPC_TRACE === '1';

/** The connection to the last save (the lock held by the caller); true when it had to reopen. */
async function current(): Promise<boolean> {
  if (store !== null && lock.generation() === generation) return false;
  generation = lock.generation();
  store?.close();
  store = null;
  store = await CaseStore.open(file, { writer: false });
  return true;
}

async function answer(method: string, args: unknown): Promise<unknown> {
  if (!isReadMethod(method)) throw new Error(`not a read: "${method}"`);
  const t0 = performance.now();
  lock.enter();
  const t1 = performance.now();
  try {
    const reopened = await current();
    const t2 = performance.now();
    const run = READ_METHODS[method] as (s: CaseStore, a: unknown) => unknown;
    const value = run(store!, args);
    if (trace) process.stderr.write(`reader ${method} waited ${(t1 - t0).toFixed(1)} ms, ${reopened ? `reopened ${(t2 - t1).toFixed(1)} ms, ` : ''}ran ${(performance.now() - t2).toFixed(1)} ms\n`);
    return value;
  } finally {
    lock.leave();
  }
}

// One at a time, in arrival order: a request's lock is held only while it runs. The first job
// opens the case, so that a thread started with the case is ready for the first page.
let queue: Promise<void> = (async () => {
  lock.enter();
  try {
    await current();
  } catch {
    // The first request reopens and reports what went wrong.
  } finally {
    lock.leave();
  }
})();
parentPort!.on('message', (msg: ToReader) => {
  queue = queue.then(async () => {
    let reply: FromReader;
    try {
      reply = { id: msg.id, ok: true, value: await answer(msg.method, msg.args) };
    } catch (err) {
      reply = { id: msg.id, ok: false, error: { name: (err as Error)?.name ?? 'Error', message: (err as Error)?.message ?? String(err) } };
    }
    parentPort!.postMessage(reply);
  });
});
