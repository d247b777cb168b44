import type { Envelope } from '../contracts';
import { parseEnvelope } from './parse-envelope';
import type { Transport, TransportReceiver } from './transport';

/** Serve mode: JSON envelopes over one WebSocket, authenticated by the server's cookie. */
export class WebSocketTransport implements Transport {
  private readonly socket: WebSocket;
  private queue: string[] = [];
  private receiver: TransportReceiver | null = null;

  constructor(url: string) {
    this.socket = new WebSocket(url);
    this.socket.addEventListener('open', () => {
      for (const text of this.queue) this.socket.send(text);
      this.queue = [];
    });
    this.socket.addEventListener('message', (event: MessageEvent) => {
      if (typeof event.data !== 'string') return;
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      const envelope = parseEnvelope(data);
      if (envelope) this.receiver?.receive(envelope);
    });
    this.socket.addEventListener('close', (event: CloseEvent) => {
      this.queue = [];
      this.receiver?.closed(event.reason || `connection closed (code ${event.code})`);
    });
  }

  listen(receiver: TransportReceiver): void {
    this.receiver = receiver;
  }

  send(envelope: Envelope): void {
    const text = JSON.stringify(envelope);
    if (this.socket.readyState === WebSocket.CONNECTING) this.queue.push(text);
    else if (this.socket.readyState === WebSocket.OPEN) this.socket.send(text);
    // CLOSING/CLOSED: the close event rejects whatever is pending.
  }
}
