// Connects one transport (a WebSocket, a MessagePort) to the engine service: requests
// in, responses and pushed events out, errors serialized as {name, message}.
import type { Envelope, Method } from '../../common/protocol';
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
      (err: unknown) =>
        transport.send({
          type: 'response',
          seq: msg.seq,
          ok: false,
          error: { name: (err as Error)?.name ?? 'Error', message: (err as Error)?.message ?? String(err) },
        }),
    );
  });
}

async function handle(service: EngineService, method: Method, args: unknown): Promise<unknown> {
  if (!Object.prototype.hasOwnProperty.call(service.handlers, method)) throw new Error(`unknown method "${String(method)}"`);
  const handler = service.handlers[method] as (a: unknown) => Promise<unknown>;
  return handler(args && typeof args === 'object' ? args : {});
}
