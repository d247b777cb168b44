import { describe, expect, it } from 'vitest';
import { parseEnvelope } from '../../../renderer/src/client/parse-envelope';

describe('parseEnvelope', () => {
  it('accepts responses and events', () => {
    expect(parseEnvelope({ type: 'response', seq: 3, ok: true, value: [1] })).toEqual({
      type: 'response',
      seq: 3,
      ok: true,
      value: [1],
    });
    expect(parseEnvelope({ type: 'event', name: 'case.changed', payload: { a: 1 } })).toEqual({
      type: 'event',
      name: 'case.changed',
      payload: { a: 1 },
    });
  });

  it('fills in a malformed error so the caller still gets a message', () => {
    expect(parseEnvelope({ type: 'response', seq: 1, ok: false, error: 'x' })).toEqual({
      type: 'response',
      seq: 1,
      ok: false,
      error: { name: 'Error', message: 'engine call failed' },
    });
  });

  it('drops everything else', () => {
    for (const junk of [
      null,
      'text',
      42,
      [],
      { type: 'request', seq: 1, method: 'case.current', args: {} },
      { type: 'response', seq: '1', ok: true },
      { type: 'response', seq: 1 },
      { type: 'event' },
      { type: 'event', name: 5 },
    ]) {
      expect(parseEnvelope(junk)).toBeNull();
    }
  });
});
