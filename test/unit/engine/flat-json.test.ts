import { describe, expect, it } from 'vitest';
import { flatJson } from '../../../electron/engine/ingest/flat-json';

// event_row.extra must read the same whichever way it was written: byte for byte JSON.stringify.
describe('flatJson', () => {
  const cases: Record<string, unknown>[] = [
    {},
    { protocol: 'HTTP/1.1', referrer: 'https://www.google.com/', user_agent: 'Mozilla/5.0 (Windows NT 10.0)' },
    { quote: 'say "hi"', back: 'C:\\Windows\\System32', ctl: 'a\tb\nc\u0001', lone: 'x\ud800y', pair: '😀 請求書' },
    { n: 0, neg: -0, big: 1e21, small: 1e-7, frac: 0.1 + 0.2, nan: NaN, inf: -Infinity, t: true, f: false, nul: null },
    { skip: undefined, fn: () => 1, kept: 'v' },
    { b: 1, '2': 'two', a: 3, '0': 'zero', '01': 'not an index' },
    { nested: { a: [1, 2] }, date: new Date(0) },
    { '': 'empty key', 'ké"y': 'quoted key', __proto__x: 1 },
  ];
  for (const [i, o] of cases.entries()) {
    it(`matches JSON.stringify on case ${i}`, () => {
      expect(flatJson(o)).toBe(JSON.stringify(o));
    });
  }
  it('matches on a null-prototype object with a "__proto__" key', () => {
    const o = Object.create(null) as Record<string, unknown>;
    o.__proto__ = 'plain data';
    o.x = 'y';
    expect(flatJson(o)).toBe(JSON.stringify(o));
  });
});
