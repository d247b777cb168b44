import type { CodedText, EngineEventName, Envelope } from '../contracts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A coded text (common/coded-text.ts): a string code, parameters of strings, numbers or coded texts. */
function isCodedText(value: unknown, depth = 0): value is CodedText {
  if (!isRecord(value) || typeof value.code !== 'string' || depth > 8) return false;
  if (value.params === undefined) return true;
  if (!isRecord(value.params)) return false;
  return Object.values(value.params).every((p) => typeof p === 'string' || typeof p === 'number' || isCodedText(p, depth + 1));
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
      ...(isCodedText(error.code) ? { code: error.code } : {}),
    },
  };
}
