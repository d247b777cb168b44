// Runs the source side of an ingest (record-pass.ts: read, split, decode, parse, flatten) in
// a worker thread, and hashes the file in another, while this thread stores the rows in
// SQLite: the jobs then use both cores. Batches arrive in order with their buffers transferred (no copy);
// their buffers go back with each acknowledgement for reuse, and the worker stays at most
// MAX_IN_FLIGHT batches ahead, so memory stays flat however large the file.
import type { CodedText } from '../../common/coded-text';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParseContext } from '../formats/types';
import type { TextEncoding } from './encoding';
import type { EventBatch } from './event-batch';
import { UnreadableInputError } from '../errors';
import type { PassCounts } from './record-pass';
import type { ImportScope } from './scope/types';

export const MAX_IN_FLIGHT = 3;

/** What the worker needs to read one file: plain data only (it crosses threads). */
export interface WorkerPassInput {
  file: string;
  container: string | null;
  formatId: string;
  encoding: TextEncoding | 'binary';
  bomLength: number;
  ctx: ParseContext;
  /** False when the calling thread hashes the evidence itself. */
  hash: boolean;
  /** What to keep (scope/); everything when absent. */
  scope?: ImportScope;
}

export type FromWorker =
  | { type: 'batch'; batch: EventBatch; bytesRead: number }
  | { type: 'done'; counts: PassCounts }
  | { type: 'error'; message: string; unreadable: boolean; coded?: CodedText };

export type ToWorker = { type: 'ack'; buffers: Pick<EventBatch, 'kinds' | 'values' | 'lengths' | 'text'> };

let scriptOverride: string | null | undefined;

/** Tests point this at a freshly built worker (or null: parse in the calling thread). */
export function setIngestWorkerScript(script: string | null | undefined): void {
  scriptOverride = script;
}

/**
 * The worker bundle beside the running bundle (dist/cli/, dist/electron/), or null when
 * running from sources or when TRACELIGHT_INGEST_WORKER=0 asks for a single thread.
 */
export function ingestWorkerScript(): string | null {
  if (scriptOverride !== undefined) return scriptOverride;
  if (process.env.TRACELIGHT_INGEST_WORKER === '0') return null;
  const candidate = path.join(path.dirname(fileURLToPath(import.meta.url)), 'ingest-worker.mjs');
  return existsSync(candidate) ? candidate : null;
}

/** What the worker posts when asked only to hash a file (see ingest-worker.ts). */
export type HashedFile = { type: 'hashed'; sha256: string; sha1: string; md5: string; bytes: number } | { type: 'error'; message: string };

/**
 * Parses in one worker while this thread stores the rows and a second worker hashes the
 * evidence from its own read of the file. Three jobs on two cores: the OS balances them,
 * where hashing in either of the other two threads left that one the slower (Defender CSV:
 * hashing is ~0.34 s per 100k rows). The two reads must see the same number of bytes, or the
 * file changed under the ingest.
 */
export async function passInWorker(
  script: string,
  input: Omit<WorkerPassInput, 'hash'>,
  store: (batch: EventBatch, bytesRead: number) => void,
): Promise<PassCounts> {
  const hashed = hashInWorker(script, input.file);
  // A failed parse must not leave the hashing unobserved (an unhandled rejection).
  hashed.catch(() => undefined);
  const counts = await parseInWorker(script, { ...input, hash: false }, store);
  const digests = await hashed;
  if (digests.bytes !== counts.bytesRead) {
    throw new UnreadableInputError(`the file changed while it was read (${digests.bytes} bytes hashed, ${counts.bytesRead} parsed)`, { code: 'ingest.changed', params: { hashed: digests.bytes, parsed: counts.bytesRead } });
  }
  return { ...counts, sha256: digests.sha256, sha1: digests.sha1, md5: digests.md5 };
}

function hashInWorker(script: string, file: string): Promise<Extract<HashedFile, { type: 'hashed' }>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: { hashOnly: file } });
    let settled = false;
    worker.on('message', (msg: HashedFile) => {
      settled = true;
      void worker.terminate();
      if (msg.type === 'hashed') resolve(msg);
      else reject(new UnreadableInputError(`read failed while hashing (${msg.message})`, { code: 'ingest.hashFailed', params: { why: msg.message } }));
    });
    worker.on('error', (err) => {
      settled = true;
      reject(new Error(`hashing worker failed: ${err.message}`));
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`hashing worker exited (code ${code}) before the end of the file`));
    });
  });
}

function parseInWorker(
  script: string,
  input: WorkerPassInput,
  store: (batch: EventBatch, bytesRead: number) => void,
): Promise<PassCounts> {
  return new Promise<PassCounts>((resolve, reject) => {
    const worker = new Worker(script, { workerData: input });
    let settled = false;
    const finish = (err: Error | null, counts?: PassCounts): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (err) reject(err);
      else resolve(counts!);
    };
    worker.on('message', (msg: FromWorker) => {
      if (settled) return;
      if (msg.type === 'batch') {
        try {
          store(msg.batch, msg.bytesRead);
        } catch (err) {
          return finish(err as Error);
        }
        const { kinds, values, lengths, text } = msg.batch;
        const ack: ToWorker = { type: 'ack', buffers: { kinds, values, lengths, text } };
        worker.postMessage(ack, [kinds.buffer, values.buffer, lengths.buffer, text.buffer] as ArrayBuffer[]);
      } else if (msg.type === 'done') finish(null, msg.counts);
      else finish(msg.unreadable ? new UnreadableInputError(msg.message, msg.coded) : new Error(msg.message));
    });
    worker.on('error', (err) => finish(new Error(`ingest worker failed: ${err.message}`)));
    worker.on('exit', (code) => finish(new Error(`ingest worker exited (code ${code}) before the end of the file`)));
  });
}
