// Adapts an Electron MessagePortMain (the engine's end of a page's channel) to the transport
// shape the dispatcher speaks. The port is described structurally here because the engine never
// imports 'electron'; a MessagePortMain satisfies this interface.
import type { Envelope } from '../../common/protocol';
import type { EnvelopeTransport } from '../rpc/dispatcher';

export interface MessagePortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
}

export function portTransport(port: MessagePortLike): EnvelopeTransport {
  let closed = false;
  port.on('close', () => {
    closed = true;
  });
  return {
    send(envelope) {
      // Posting on a port whose page went away would throw; the page is gone, so drop it.
      if (!closed) port.postMessage(envelope);
    },
    onMessage(cb) {
      port.on('message', ({ data }) => {
        if (isEnvelope(data)) cb(data);
      });
      // A MessagePortMain queues everything until start(); start only once someone listens, so
      // nothing the page sent early is lost.
      port.start();
    },
    onClose(cb) {
      port.on('close', cb);
    },
  };
}

/** The page is less trusted than the engine: pass on only things shaped like an envelope. */
function isEnvelope(data: unknown): data is Envelope {
  if (typeof data !== 'object' || data === null) return false;
  const type = (data as { type?: unknown }).type;
  return type === 'request' || type === 'response' || type === 'event';
}
