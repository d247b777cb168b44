import type { EngineEventName, Envelope } from '../contracts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks the shape of an incoming message; anything else is dropped rather than trusted.
 * Only responses and events travel engine -> renderer.
 */
export function parseEnvelope(data: unknown): Envelope | null {
  if (!isRecord(data)) return null;
  if (data.type === 'event') {
    if (typeof data.name !== 'string') return null;
    return { type: 'event', name: data.name as EngineEventName, payload: data.payload };
  }
  if (data.type !== 'response' || typeof data.seq !== 'number') return null;
  if (data.ok === true) return { type: 'response', seq: data.seq, ok: true, value: data.value };
  if (data.ok !== false) return null;
  const error = isRecord(data.error) ? data.error : {};
  return {
    type: 'response',
    seq: data.seq,
    ok: false,
    error: {
      name: typeof error.name === 'string' ? error.name : 'Error',
      message: typeof error.message === 'string' ? error.message : 'engine call failed',
    },
  };
}
