// A WebSocket carrying protocol envelopes as JSON text frames.
import type { WebSocket } from 'ws';
import type { Envelope } from '../../common/protocol';
import type { EnvelopeTransport } from '../../engine/rpc/dispatcher';

export function webSocketTransport(ws: WebSocket): EnvelopeTransport {
  return {
    send(envelope) {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(envelope));
    },
    onMessage(cb) {
      ws.on('message', (data, isBinary) => {
        if (isBinary) return;
        let parsed: Envelope;
        try {
          parsed = JSON.parse(data.toString()) as Envelope;
        } catch {
          return;
        }
        cb(parsed);
      });
    },
    onClose(cb) {
      ws.on('close', cb);
    },
  };
}
