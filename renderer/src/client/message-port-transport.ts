import type { Envelope } from '../contracts';
import { parseEnvelope } from './parse-envelope';
import type { Transport, TransportReceiver } from './transport';

/**
 * Desktop: envelopes as structured-clone objects over the MessagePort the preload hands
 * the page. Sends made before the port arrives are queued.
 */
export class MessagePortTransport implements Transport {
  private port: MessagePort | null = null;
  private queue: Envelope[] = [];
  private receiver: TransportReceiver | null = null;

  constructor(port: Promise<MessagePort>) {
    void port.then((p) => this.attach(p));
  }

  listen(receiver: TransportReceiver): void {
    this.receiver = receiver;
  }

  send(envelope: Envelope): void {
    if (this.port) this.port.postMessage(envelope);
    else this.queue.push(envelope);
  }

  private attach(port: MessagePort): void {
    this.port = port;
    port.addEventListener('message', (event: MessageEvent) => {
      const envelope = parseEnvelope(event.data);
      if (envelope) this.receiver?.receive(envelope);
    });
    // Chromium fires 'close' on a MessagePort when the other end (the engine) goes away.
    port.addEventListener('close', () => this.receiver?.closed('the engine process ended'));
    port.start();
    for (const envelope of this.queue) port.postMessage(envelope);
    this.queue = [];
  }
}
