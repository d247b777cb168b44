import type { Envelope } from '../../../electron/common/protocol';
import type { Transport, TransportReceiver } from '../../../renderer/src/client/transport';

/** Records what the client sends; lets a test play the engine's side. */
export class FakeTransport implements Transport {
  readonly sent: Envelope[] = [];
  private receiver: TransportReceiver | null = null;

  send(envelope: Envelope): void {
    this.sent.push(envelope);
  }

  listen(receiver: TransportReceiver): void {
    this.receiver = receiver;
  }

  deliver(envelope: Envelope): void {
    this.receiver?.receive(envelope);
  }

  close(reason: string): void {
    this.receiver?.closed(reason);
  }

  /** The seq of the last request sent. */
  lastSeq(): number {
    const last = this.sent.at(-1);
    if (!last || last.type !== 'request') throw new Error('no request sent');
    return last.seq;
  }
}
