// Entry point of the ingest worker thread (built to dist/cli/ and dist/electron/
// ingest-worker.mjs). Reads, hashes and parses one file (record-pass.ts) and posts the
// flattened rows to the thread that owns the database (worker-pass.ts).
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { findFormat } from '../formats/registry';
import type { EventBatch } from './event-batch';
import { UnreadableInputError } from '../errors';
import { createReader, EvidenceHasher, fileChunks, runPass, type PassCounts } from './record-pass';
import { MAX_IN_FLIGHT, type FromWorker, type HashedFile, type ToWorker, type WorkerPassInput } from './worker-pass';

const port = parentPort!;
const input = workerData as WorkerPassInput;
let inFlight = 0;
let wake: (() => void) | null = null;
let recycle: ((buffers: ToWorker['buffers']) => void) | null = null;

port.on('message', (msg: ToWorker) => {
  inFlight--;
  recycle?.(msg.buffers);
  wake?.();
  wake = null;
});

function post(msg: FromWorker, transfer: ArrayBuffer[] = []): void {
  port.postMessage(msg, transfer);
}

async function main(): Promise<PassCounts> {
  const format = findFormat(input.formatId);
  if (!format) throw new UnreadableInputError(`unknown format "${input.formatId}"`);
  const reader = createReader(format, input.encoding, input.bomLength, input.ctx);
  return runPass(reader, fileChunks(input.file, input.container), async (batch: EventBatch, bytesRead, encoder) => {
    recycle ??= (buffers) => encoder.recycle(buffers);
    inFlight++;
    post({ type: 'batch', batch, bytesRead }, [batch.kinds.buffer, batch.values.buffer, batch.lengths.buffer, batch.text.buffer] as ArrayBuffer[]);
    while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
  }, input.hash, undefined, input.scope);
}

/** The other job of this script: hash one file as given (worker-pass.ts hashInWorker). */
function hashFile(file: string): void {
  const hasher = new EvidenceHasher();
  const chunk = Buffer.alloc(1 << 20);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) hasher.update(chunk.subarray(0, n));
    const reply: HashedFile = { type: 'hashed', ...hasher.digests(), bytes: hasher.bytes };
    port.postMessage(reply);
  } catch (err) {
    const reply: HashedFile = { type: 'error', message: (err as NodeJS.ErrnoException).code ?? (err as Error).message };
    port.postMessage(reply);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const hashOnly = (workerData as { hashOnly?: string }).hashOnly;
if (hashOnly !== undefined) hashFile(hashOnly);
else {
  main().then(
    (counts) => post({ type: 'done', counts }),
    (err: Error) => post({ type: 'error', message: err.message, unreadable: err instanceof UnreadableInputError, ...(err instanceof UnreadableInputError && err.coded ? { coded: err.coded } : {}) }),
  );
}
