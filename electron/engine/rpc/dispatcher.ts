// Connects one transport (a WebSocket, a MessagePort) to the engine service: requests
// in, responses and pushed events out, errors serialized as {name, message}.
import type { Envelope, Method } from '../../common/protocol';
import { serializeError } from './error-envelope';
import type { EngineService } from './service';

export interface EnvelopeTransport {
  send(envelope: Envelope): void;
  onMessage(cb: (envelope: Envelope) => void): void;
  onClose(cb: () => void): void;
}

export function attachTransport(service: EngineService, transport: EnvelopeTransport): void {
  const unsubscribe = service.onEvent((name, payload) => transport.send({ type: 'event', name, payload }));
  transport.onClose(unsubscribe);
  transport.onMessage((msg) => {
    if (!msg || msg.type !== 'request' || typeof msg.seq !== 'number') return;
    void handle(service, msg.method, msg.args).then(
      (value) => transport.send({ type: 'response', seq: msg.seq, ok: true, value }),
      (err: unknown) => transport.send({ type: 'response', seq: msg.seq, ok: false, error: serializeError(err) }),
    );
  });
}


/**
 * TRACELIGHT_RPC_TRACE=1 writes one line per request to stderr: method, milliseconds from
 * arrival to answer, and how long it waited before its handler started (what a slow screen
 * needs to tell "the query is slow" from "the query queued behind another").
 */
const trace = process.env.TRACELIGHT_RPC_TRACE === '1';

/** One request as every transport's requests are answered (the engine thread's too). */
export async function handle(service: EngineService, method: Method, args: unknown): Promise<unknown> {
  if (!Object.prototype.hasOwnProperty.call(service.handlers, method)) throw new Error(`unknown method "${String(method)}"`);
  const handler = service.handlers[method] as (a: unknown) => Promise<unknown>;
  if (!trace) return handler(args && typeof args === 'object' ? args : {});
  const arrived = performance.now();
  try {
    return await handler(args && typeof args === 'object' ? args : {});
  } finally {
    process.stderr.write(`rpc ${String(method)} ${(performance.now() - arrived).toFixed(1)} ms ${JSON.stringify(args).slice(0, 160)}\n`);
  }
}
