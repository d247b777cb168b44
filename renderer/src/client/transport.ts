import type { Envelope } from '../contracts';

/** Who a transport hands what arrives to (the EngineClient). */
export interface TransportReceiver {
  receive(envelope: Envelope): void;
  /** The channel is gone for good; reason is for the analyst. */
  closed(reason: string): void;
}

/**
 * A bidirectional envelope channel to the engine. Implementations queue what is sent
 * before the channel is open, and validate what arrives (see parseEnvelope).
 */
export interface Transport {
  send(envelope: Envelope): void;
  listen(receiver: TransportReceiver): void;
}
