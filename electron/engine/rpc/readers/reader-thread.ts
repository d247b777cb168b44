// A reader thread (reader-pool.ts starts it): its own sql.js and its own connection to the case
// file, opened as a reader (never writes a byte of it), answering READ_METHODS one request at a
// time. It reads what the last save holds; when the engine saves again (a new generation of the
// shared lock) it reopens before the next request, so it never mixes pages of two saves.
//
// Requests come from the engine thread (parentPort) and, when a router owns the transport
// (host/router.ts), straight from the router on `port`: the page's reads then never pass
// through the engine thread. Both queue here in arrival order.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { CaseStore } from '../../store/case-store';
import { ReadLock } from '../../store/read-lock';
import { READ_METHODS, isReadMethod } from './read-methods';
import { installStepGuard, withStepGuard, WriterWaiting } from './step-guard';
import { serializeError } from '../error-envelope';
import type { SerializedError } from '../../../common/protocol';

export interface ReaderThreadData {
  file: string;
  lock: SharedArrayBuffer;
  /** The router's port to this reader (transferred with the worker's start), if a router runs. */
  port?: MessagePort;
}

export type ToReader = { id: number; method: string; args: unknown };
export type FromReader = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };

/**
 * How many times one read steps aside for a save before it finishes regardless (the save then
 * waits for it). Saves come after examiner actions and index chunks, seconds apart; a read that
 * meets three of them in a row is a broad read during ingest, which must still be answered.
 */
const MAX_YIELDS = 3;

const { file, lock: buffer, port } = workerData as ReaderThreadData;
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
  installStepGuard(store.db);
  return true;
}

async function answer(method: string, args: unknown): Promise<unknown> {
  if (!isReadMethod(method)) throw new Error(`not a read: "${method}"`);
  const run = READ_METHODS[method] as (s: CaseStore, a: unknown) => unknown;
  for (let yields = 0; ; yields++) {
    const t0 = performance.now();
    lock.enter();
    const t1 = performance.now();
    try {
      const reopened = await current();
      const t2 = performance.now();
      // The last allowed attempt runs unguarded: it finishes, and the save waits for it.
      const value = withStepGuard(yields < MAX_YIELDS ? lock : null, () => run(store!, args));
      if (trace) process.stderr.write(`reader ${method} waited ${(t1 - t0).toFixed(1)} ms, ${reopened ? `reopened ${(t2 - t1).toFixed(1)} ms, ` : ''}ran ${(performance.now() - t2).toFixed(1)} ms${yields ? `, after ${yields} save(s) went first` : ''}\n`);
      return value;
    } catch (err) {
      if (!(err instanceof WriterWaiting)) throw err;
      // Closing drops any statement the interrupted read left open; the next attempt opens the
      // save the writer is making (enter() waits for it).
      store?.close();
      store = null;
      if (trace) process.stderr.write(`reader ${method} stepped aside for a save after ${(performance.now() - t1).toFixed(1)} ms\n`);
    } finally {
      lock.leave();
    }
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

function serve(from: { postMessage(msg: FromReader): void }, msg: ToReader): void {
  queue = queue.then(async () => {
    let reply: FromReader;
    try {
      reply = { id: msg.id, ok: true, value: await answer(msg.method, msg.args) };
    } catch (err) {
      reply = { id: msg.id, ok: false, error: serializeError(err) };
    }
    from.postMessage(reply);
  });
}

parentPort!.on('message', (msg: ToReader) => serve(parentPort!, msg));
port?.on('message', (msg: ToReader) => serve(port, msg));
