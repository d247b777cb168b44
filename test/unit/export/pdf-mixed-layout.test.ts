// Lines of mixed Japanese and Latin text, broken by measuring each piece in its own font: no
// line is wider than its box, nothing is lost or reordered, closing punctuation stays with what
// it closes, and a word wider than the box (a path, a URL) is cut between characters.
import { describe, expect, it } from 'vitest';
import { layoutMixed, type Measure } from '../../../electron/engine/export/pdf/mixed-layout';

// Latin 6 pt a character, Japanese 10 pt: a crude stand-in for the two fonts' widths.
const measure: Measure = (latin, text) => [...text].length * (latin ? 6 : 10);
const joined = (lines: ReturnType<typeof layoutMixed>) => lines.map((l) => l.map((p) => p.text).join(''));
const widthOf = (line: ReturnType<typeof layoutMixed>[number]) => line.reduce((w, p) => w + measure(p.latin, p.text), 0);

describe('mixed layout', () => {
  it('keeps every character, in order, within the width', () => {
    const text = '感染の連鎖に結び付く最初のホスト(誘導文書 請求書_1102.doc(2026-11-02T01:05:00.000Z)、判定の時間幅 24 時間)';
    const lines = layoutMixed(text, 120, measure);
    for (const l of lines) expect(widthOf(l)).toBeLessThanOrEqual(120);
    expect(joined(lines).join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    // A closing mark never starts a line.
    for (const l of joined(lines).slice(1)) expect(l).not.toMatch(/^[、。)」]/);
  });

  it('cuts a path wider than the box between characters, and keeps line breaks as written', () => {
    const lines = joined(layoutMixed('C:\\Users\\sato.hanako\\AppData\\Local\\Temp\\x.dll\nwhoami', 60, measure));
    expect(lines.every((l) => l.length <= 10)).toBe(true);
    expect(lines.join('')).toBe('C:\\Users\\sato.hanako\\AppData\\Local\\Temp\\x.dllwhoami');
    expect(lines.at(-1)).toBe('whoami');
  });
});
