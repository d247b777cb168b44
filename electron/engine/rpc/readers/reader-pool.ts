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
import { Worker } from 'node:worker_threads';
import type { Args, Result } from '../../../common/protocol';
import type { CaseStore } from '../../store/case-store';
import { ReadLock } from '../../store/read-lock';
import { READ_LANE, READ_METHODS, type ReadMethod } from './read-methods';
import type { FromReader, ReaderThreadData } from './reader-thread';

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

  constructor(script: string, data: ReaderThreadData) {
    this.worker = new Worker(script, { workerData: data });
    // The engine must be able to exit with a reader idle.
    this.worker.unref();
    this.worker.on('message', (msg: FromReader) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.value);
      else p.reject(Object.assign(new Error(msg.error.message), { name: msg.error.name }));
    });
    this.worker.on('error', (err) => this.failAll(err));
    this.worker.on('exit', () => this.failAll(new Error('the reader thread stopped')));
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
    if (!script) return (READ_METHODS[method] as (s: CaseStore, a: Args<M>) => Result<M>)(store, args);
    if (this.threads?.store !== store) this.start(store, script);
    const thread = this.threads!.lanes.get(READ_LANE[method])!;
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
    for (const lane of new Set(Object.values(READ_LANE))) lanes.set(lane, new ReaderThread(script, { file: store.path, lock: lock.buffer }));
    this.threads = { store, lock, lanes };
  }

  /** Reader threads running now (for tests and diagnostics). */
  get running(): number {
    return this.threads?.lanes.size ?? 0;
  }

  /** The case closes (or another opens): its readers stop. */
  stop(): void {
    if (!this.threads) return;
    this.threads.store.attachReadLock(null);
    for (const t of this.threads.lanes.values()) t.stop();
    this.threads = null;
  }
}
