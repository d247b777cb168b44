// Object formats (FortiGate, Squid, the web logs, ...) hand extra to the ingest as an object,
// encoded by ExtraEncoder.encodeObject without its JSON text. What is stored must be exactly
// what the text path stores for JSON.stringify of that object (`action_original` first when
// the action is normalized): the same cells and the same dictionary entries in the same order,
// row after row, whatever the values hold.
import { describe, expect, it } from 'vitest';
import { ExtraEncoder } from '../../../electron/engine/store/extra/extra-encoder';

const AWKWARD = [
  'say "hi"', 'C:\\Windows\\System32\\', 'tab\there\u0001\u001f', 'line\nnext\r', 'lone \ud800 high', 'lone \udfff low',
  '😀 pair', '請求書.docx', '\u2028\u2029', '', '{}', '0', '-0', '1e5', 'true', 'null', ' ', 'plain', 'Mozilla/5.0 (Windows NT 10.0)',
];
const VALUES: unknown[] = [...AWKWARD, 0, -1, 1.5, 2 ** 60, Number.NaN, true, false, null, undefined];

/** Rows whose key lists vary (a referrer present or not), whose values repeat, and whose keys stop repeating. */
function objects(n: number): { o: Record<string, unknown>; action?: string }[] {
  return Array.from({ length: n }, (_, i) => {
    const o: Record<string, unknown> = { agent: AWKWARD[(i * 7) % AWKWARD.length], status: VALUES[(i * 5) % VALUES.length] };
    if (i % 3 !== 0) o.referer = AWKWARD[(i * 11) % AWKWARD.length];
    o.session = i < 40 ? 'same' : `s-${i}`;
    o.n = i;
    return i % 4 === 0 ? { o } : { o, action: i % 8 === 1 ? 'GET' : 'POST "x"' };
  });
}

describe('extra of object formats', () => {
  it('encodeObject stores exactly what encode() stores for the JSON text, row by row', () => {
    const byText = new ExtraEncoder();
    const byObject = new ExtraEncoder();
    let literal = false;
    objects(5000).forEach(({ o, action }, i) => {
      const text = JSON.stringify(action === undefined ? o : { action_original: action, ...o });
      const want = byText.encode(text);
      expect(want.shape, `row ${i} is encoded`).not.toBeNull();
      expect(byObject.encodeObject(o, action), `row ${i}`).toEqual(want);
      const delta = byText.take();
      literal ||= delta.shapes.some((s) => s.coded.includes('0'));
      expect(byObject.take(), `row ${i}`).toEqual(delta);
    });
    // Past the trial the varying keys turned literal, so both ways of writing a value were compared.
    expect(literal).toBe(true);
  });

  it('a nested value or a key needing escapes goes the way of the text, and the next row is unaffected', () => {
    const enc = new ExtraEncoder();
    const ref = new ExtraEncoder();
    expect(enc.encodeObject({ agent: 'curl/8.5.0', nested: { x: 1 } })).toBeNull();
    expect(enc.encodeObject({ agent: 'curl/8.5.0', 'key"q': 1 })).toBeNull();
    const next = { agent: 'curl/8.5.0', referer: '-' };
    expect(enc.encodeObject(next)).toEqual(ref.encode(JSON.stringify(next)));
    expect(enc.take()).toEqual(ref.take());
  });
});
