import { describe, expect, it } from 'vitest';
import { formatInZone, offsetInZone, resolveZone } from '../../../renderer/src/lib/display-zone';
import { commandLineParts } from '../../../renderer/src/features/timeline/command-line-parts';
import { gridKeyAction } from '../../../renderer/src/features/timeline/grid-keys';

describe('command line pieces', () => {
  it('breaks at spaces and commas, never inside quotes, and loses no character', () => {
    const cmd = '"C:\\Program Files\\Office\\WINWORD.EXE" /n rundll32.exe C:\\Users\\a\\x.dll,DllRegisterServer  -e  JAB';
    const parts = commandLineParts(cmd);
    expect(parts.join('')).toBe(cmd);
    expect(parts[0]).toBe('"C:\\Program Files\\Office\\WINWORD.EXE" ');
    expect(parts).toContain('C:\\Users\\a\\x.dll,');
    expect(parts).toContain('DllRegisterServer  ');
  });

  it('keeps a value without separators whole', () => {
    expect(commandLineParts('SQBFAFgA')).toEqual(['SQBFAFgA']);
    expect(commandLineParts('')).toEqual([]);
  });
});

describe('times in a chosen zone', () => {
  it('shows the wall-clock time in the zone, with its offset on that date', () => {
    expect(formatInZone('2026-10-05T00:12:41.007Z', 'Asia/Tokyo')).toBe('2026-10-05 09:12:41.007');
    expect(formatInZone('2026-07-01T12:00:00.000Z', 'Europe/Berlin')).toBe('2026-07-01 14:00:00.000');
    expect(offsetInZone('2026-07-01T12:00:00.000Z', 'Europe/Berlin')).toBe('+02:00');
    expect(offsetInZone('2026-12-01T12:00:00.000Z', 'Europe/Berlin')).toBe('+01:00');
    expect(offsetInZone('2026-12-01T12:00:00.000Z', 'UTC')).toBe('+00:00');
  });

  it('never guesses: text that is not a time is shown as is', () => {
    expect(formatInZone('not a time', 'Asia/Tokyo')).toBe('not a time');
  });

  it('resolves the chosen mode to a zone', () => {
    expect(resolveZone({ mode: 'utc', other: 'Asia/Tokyo' }, 'Asia/Tokyo')).toBe('UTC');
    expect(resolveZone({ mode: 'case', other: 'UTC' }, 'Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(resolveZone({ mode: 'case', other: 'UTC' }, 'Not/AZone')).toBe('UTC');
    expect(resolveZone({ mode: 'other', other: 'America/New_York' }, 'Asia/Tokyo')).toBe('America/New_York');
  });
});

describe('grid keys', () => {
  const key = (k: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) =>
    gridKeyAction({ key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods }, 10);
  it('j/k and arrows move, page keys move a page, letters act', () => {
    expect(key('j')).toEqual({ kind: 'move', step: 1 });
    expect(key('ArrowUp')).toEqual({ kind: 'move', step: -1 });
    expect(key('PageDown')).toEqual({ kind: 'move', step: 10 });
    expect(key('Enter')).toEqual({ kind: 'open' });
    expect(key('t')).toEqual({ kind: 'tag' });
    expect(key('p')).toEqual({ kind: 'pivot' });
  });
  it('leaves modified keys to the browser', () => {
    expect(key('c', { ctrlKey: true })).toBeNull();
    expect(key('ArrowLeft', { altKey: true })).toBeNull();
  });
});
