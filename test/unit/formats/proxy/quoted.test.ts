// closingQuote finds the quote that closes a web log's quoted field: the first '"' not escaped
// by a backslash (\\" and \\\\ are escapes) and followed by a space, a tab or the end of line.
import { describe, expect, it } from 'vitest';
import { closingQuote } from '../../../../electron/engine/formats/proxy/quoted';
import { lcg } from '../../../seeded-random.mjs';

/** The rule as written: read left to right, a backslash takes the next character with it. */
function byReading(line: string, from: number): number {
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '"' && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) return i;
  }
  return -1;
}

describe('closingQuote', () => {
  it('skips escaped quotes and quotes inside a field, stops at the end of the line', () => {
    expect(closingQuote('"GET /a\\" b" 200', 0)).toBe(11);
    expect(closingQuote('"a\\\\" 200', 0)).toBe(4);
    expect(closingQuote('"a"b" 200', 0)).toBe(4);
    expect(closingQuote('"a\t"', 0)).toBe(3);
    expect(closingQuote('"cut off', 0)).toBe(-1);
    expect(closingQuote('"x\\"', 0)).toBe(-1);
  });

  it('agrees with reading left to right on 20,000 random lines of quotes, backslashes and spaces', () => {
    const rand = lcg(7);
    const alphabet = ['"', '\\', ' ', '\t', 'a', 'b'];
    for (let n = 0; n < 20_000; n++) {
      const len = 1 + Math.floor(rand() * 14);
      let line = '';
      for (let i = 0; i < len; i++) line += alphabet[Math.floor(rand() * alphabet.length)];
      const from = Math.floor(rand() * len);
      expect(closingQuote(line, Math.max(0, from - 1), from), JSON.stringify([line, from])).toBe(byReading(line, from));
    }
  });
});
