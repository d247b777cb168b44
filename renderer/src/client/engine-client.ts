import type { Args, EngineEventName, EngineEvents, Envelope, Method, Result } from '../contracts';
import { DISCONNECTED_MESSAGE, EngineError } from './engine-error';
import type { Transport } from './transport';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

type Listener = (payload: never) => void;

/**
 * Typed RPC over any Transport: numbered requests, one pending promise per number,
 * pushed events fanned out to subscribers. Holds no DOM references, so it is unit-tested
 * with a fake transport.
 */
export class EngineClient {
  private nextSeq = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<EngineEventName, Set<Listener>>();
  private readonly closeListeners = new Set<(reason: string) => void>();
  private closedReason: string | null = null;
  private readonly transport: Transport;

  constructor(transport: Transport) {
    this.transport = transport;
    transport.listen({
      receive: (envelope) => this.receive(envelope),
      closed: (reason) => this.close(reason),
    });
  }

  call<M extends Method>(method: M, args: Args<M>): Promise<Result<M>> {
    if (this.closedReason !== null) {
      return Promise.reject(new EngineError('Disconnected', DISCONNECTED_MESSAGE));
    }
    const seq = this.nextSeq++;
    return new Promise<Result<M>>((resolve, reject) => {
      this.pending.set(seq, { resolve: resolve as (value: unknown) => void, reject });
      this.transport.send({ type: 'request', seq, method, args });
    });
  }

  on<E extends EngineEventName>(name: E, callback: (payload: EngineEvents[E]) => void): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    const listener = callback as Listener;
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  /** Called once when the connection is lost (immediately if it already is). */
  onClose(callback: (reason: string) => void): () => void {
    if (this.closedReason !== null) {
      callback(this.closedReason);
      return () => {};
    }
    this.closeListeners.add(callback);
    return () => {
      this.closeListeners.delete(callback);
    };
  }

  get closed(): string | null {
    return this.closedReason;
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  private receive(envelope: Envelope): void {
    if (envelope.type === 'event') {
      for (const listener of this.listeners.get(envelope.name) ?? []) {
        try {
          (listener as (payload: unknown) => void)(envelope.payload);
        } catch (error) {
          // One broken subscriber must not starve the others of progress events.
          console.error(`listener for ${envelope.name} failed`, error);
        }
      }
      return;
    }
    if (envelope.type !== 'response') return;
    const pending = this.pending.get(envelope.seq);
    if (!pending) return;
    this.pending.delete(envelope.seq);
    if (envelope.ok) pending.resolve(envelope.value);
    else pending.reject(new EngineError(envelope.error.name, envelope.error.message, envelope.error.code));
  }

  private close(reason: string): void {
    if (this.closedReason !== null) return;
    this.closedReason = reason || DISCONNECTED_MESSAGE;
    const error = new EngineError('Disconnected', DISCONNECTED_MESSAGE);
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const call of pending) call.reject(error);
    for (const listener of this.closeListeners) listener(this.closedReason);
    this.closeListeners.clear();
  }
}
