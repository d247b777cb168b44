// The engine service on a worker thread of its own (bundled to dist/{cli,electron}/
// engine-thread.mjs). The thread that started it owns the transports and only routes
// (host/router.ts): a page's reads go from there straight to the reader threads, so a long
// synchronous step here (compiling Sigma rules, a CREATE INDEX, a save) delays no read.
// Everything else a page asks, and every event, passes through here as before.
import { parentPort, workerData } from 'node:worker_threads';
import { reviewUploadDir } from '../review/open-review';
import { handle } from '../rpc/dispatcher';
import { serializeError } from '../rpc/error-envelope';
import { liveReaderToken, setReaderRouting, setReaderScript } from '../rpc/readers/reader-pool';
import { createEngineService, type EngineService } from '../rpc/service';
import type { EngineThreadData, FromEngine, InternalOp, ToEngine } from './relay-messages';

const port = parentPort!;
const data = workerData as EngineThreadData;
if (data.readerScript !== undefined) setReaderScript(data.readerScript);

function post(msg: FromEngine): void {
  try {
    port.postMessage(msg);
  } catch (err) {
    // A value structured clone refuses (a function inside it) goes as JSON would have sent it.
    if ((err as Error)?.name !== 'DataCloneError') throw err;
    port.postMessage(JSON.parse(JSON.stringify(msg)) as FromEngine);
  }
}

// Each start of the readers hands the router one port per lane; each stop tells it first.
setReaderRouting((lanes) => port.postMessage({ kind: 'readers', lanes } satisfies FromEngine, lanes.token === null ? [] : Object.values(lanes.ports)));

async function request(service: EngineService, msg: Extract<ToEngine, { kind: 'request' }>): Promise<unknown> {
  // A read the router had sent to readers that stopped since: answered here only if those
  // readers were this case's (one died), never from a case opened after the page asked.
  if (msg.caseToken !== undefined && msg.caseToken !== liveReaderToken()) {
    throw new Error('the case changed while this read was on its way; ask again');
  }
  return handle(service, msg.method, msg.args);
}

function internal(service: EngineService, op: InternalOp): unknown {
  if (op === 'uploadDir') return service.uploadDir();
  // This run's review folder is made once per thread that asks: the engine thread's is the one
  // whose packages review.open accepts, so the HTTP side puts uploads there.
  if (op === 'reviewUploadDir') return reviewUploadDir();
  if (op === 'casePath') return service.currentCase?.path ?? null;
  return service.reviewReportFile();
}

async function main(): Promise<void> {
  const service = createEngineService(data.service);
  try {
    await service.start();
  } catch (err) {
    post({ kind: 'failed', error: serializeError(err) });
    return;
  }
  service.onEvent((name, payload) => post({ kind: 'event', name, payload }));
  // The router's messages queue on the port until this listener exists.
  port.on('message', (msg: ToEngine) => {
    if (msg.kind === 'request') {
      void request(service, msg).then(
        (value) => post({ kind: 'response', conn: msg.conn, seq: msg.seq, ok: true, value }),
        (err: unknown) => post({ kind: 'response', conn: msg.conn, seq: msg.seq, ok: false, error: serializeError(err) }),
      );
    } else if (msg.kind === 'internal') {
      try {
        post({ kind: 'internal', id: msg.id, ok: true, value: internal(service, msg.op) });
      } catch (err) {
        post({ kind: 'internal', id: msg.id, ok: false, error: serializeError(err) });
      }
    } else if (msg.kind === 'close') {
      service.close();
      post({ kind: 'closed' });
      port.close();
    }
  });
  post({ kind: 'ready' });
}

void main();
