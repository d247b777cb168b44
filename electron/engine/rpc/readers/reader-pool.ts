// The engine side of the reader threads (reader-thread.ts): one per lane of READ_LANE (grid
// pages; counts; facets; the histogram), started with the open case. Ingest, the
// full-text build, detection and every examiner action run on the engine's own thread; the
// grid's pages come from here meanwhile, from the last save of the case (which the engine
// makes after every action, so an examiner sees a tag the moment it is answered).
//
// Where no thread can start (running from sources in tests, an in-memory case, or
// TRACELIGHT_READERS=0), the same functions answer in this thread instead.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { Args, Result } from '../../../common/protocol';
import type { CaseStore } from '../../store/case-store';
import { ReadLock } from '../../store/read-lock';
import { READ_LANE, READ_METHODS, type ReadMethod } from './read-methods';
import type { FromReader, ReaderThreadData } from './reader-thread';

/**
 * The readers of the open case as a router on another thread sees them (host/router.ts): one
 * port per lane straight to its reader thread, and the token that names this start of the
 * readers (a read the router forwards here carries it, so that one asked of a case since closed
 * is refused, never answered from the next case). `token: null`: no reader runs.
 */
export type ReaderLanes = { token: number; ports: Record<string, MessagePort> } | { token: null };

let routing: ((lanes: ReaderLanes) => void) | null = null;
let liveToken: number | null = null;
let tokens = 0;

/**
 * The engine thread (host/engine-thread.ts) hands every start and stop of the readers to its
 * router. One engine service per thread, so this is the thread's, not a pool's.
 */
export function setReaderRouting(sink: ((lanes: ReaderLanes) => void) | null): void {
  routing = sink;
}

/** The token of the readers running now, or null (see ReaderLanes). */
export function liveReaderToken(): number | null {
  return liveToken;
}

let scriptOverride: string | null | undefined;

/** Tests point this at a freshly built reader bundle (or null: read in the calling thread). */
export function setReaderScript(script: string | null | undefined): void {
  scriptOverride = script;
}

/** The reader bundle beside the running bundle (dist/cli/, dist/electron/), else null. */
export function readerScript(): string | null {
  if (scriptOverride !== undefined) return scriptOverride;
  if (process.env.TRACELIGHT_READERS === '0') return null;
  const candidate = path.join(path.dirname(fileURLToPath(import.meta.url)), 'reader-thread.mjs');
  return existsSync(candidate) ? candidate : null;
}

/** The reader bundle, when threads can read this case (a file on disk, not sql.js's memory copy). */
function threadScript(store: CaseStore): string | null {
  const script = readerScript();
  return script && store.onDisk && existsSync(store.path) ? script : null;
}

class ReaderThread {
  private readonly worker: Worker;
  private next = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  /** The thread stopped or failed: a call would never be answered. */
  dead = false;

  constructor(script: string, data: ReaderThreadData) {
    this.worker = new Worker(script, { workerData: data, transferList: data.port ? [data.port] : [] });
    // The engine must be able to exit with a reader idle.
    this.worker.unref();
    this.worker.on('message', (msg: FromReader) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.value);
      else p.reject(Object.assign(new Error(msg.error.message), { name: msg.error.name }));
    });
    this.worker.on('error', (err) => {
      this.dead = true;
      this.failAll(err);
    });
    this.worker.on('exit', () => {
      this.dead = true;
      this.failAll(new Error('the reader thread stopped'));
    });
  }

  call(method: string, args: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const id = this.next++;
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, method, args });
    });
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  stop(): void {
    void this.worker.terminate();
  }
}

export class ReaderPool {
  private threads: { store: CaseStore; lock: ReadLock; lanes: Map<string, ReaderThread> } | null = null;

  /** Answers a read for the open case `store`: in a reader thread when one can run. */
  async read<M extends ReadMethod>(store: CaseStore, method: M, args: Args<M>): Promise<Result<M>> {
    const script = threadScript(store);
    const inThread = (): Result<M> => (READ_METHODS[method] as (s: CaseStore, a: Args<M>) => Result<M>)(store, args);
    if (!script) return inThread();
    if (this.threads?.store !== store) this.start(store, script);
    const thread = this.threads!.lanes.get(READ_LANE[method])!;
    // A reader that died (its error is in the log) is not restarted mid-case: this thread answers.
    if (thread.dead) return inThread();
    // Structured clone carries the arguments; a filter is plain data.
    return (await thread.call(method, JSON.parse(JSON.stringify(args ?? {})))) as Result<M>;
  }

  /**
   * Starts the readers of a case just opened, so that they have loaded sql.js and opened the
   * case by the time the window asks for its first page.
   */
  warm(store: CaseStore): void {
    const script = threadScript(store);
    if (script && this.threads?.store !== store) this.start(store, script);
  }

  private start(store: CaseStore, script: string): void {
    this.stop();
    const lock = new ReadLock();
    store.attachReadLock(lock);
    const lanes = new Map<string, ReaderThread>();
    const routed: Record<string, MessagePort> = {};
    for (const lane of new Set(Object.values(READ_LANE))) {
      // With a router, each reader also answers it directly on a port of its own.
      const channel = routing ? new MessageChannel() : null;
      if (channel) routed[lane] = channel.port2;
      lanes.set(lane, new ReaderThread(script, { file: store.path, lock: lock.buffer, port: channel?.port1 }));
    }
    this.threads = { store, lock, lanes };
    liveToken = ++tokens;
    routing?.({ token: liveToken, ports: routed });
  }

  /** Reader threads running now (for tests and diagnostics). */
  get running(): number {
    return this.threads?.lanes.size ?? 0;
  }

  /** The case closes (or another opens): its readers stop. */
  stop(): void {
    if (!this.threads) return;
    // The router hears of it before the threads stop, so that it sends them nothing more.
    liveToken = null;
    routing?.({ token: null });
    this.threads.store.attachReadLock(null);
    for (const t of this.threads.lanes.values()) t.stop();
    this.threads = null;
  }
}
