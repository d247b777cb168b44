import { describe, expect, it } from 'vitest';
import { dateCaseName, localDate } from '../../../renderer/src/features/start/case-name';

describe('a case opened by dropping files is named from the date', () => {
  const day = new Date(2026, 11, 7, 23, 59); // local time: the examiner's calendar day
  it('in the examiner language', () => {
    expect(localDate(day)).toBe('2026-12-07');
    expect(dateCaseName(day, 'ja', [])).toBe('2026-12-07 事案');
    expect(dateCaseName(day, 'en', [])).toBe('Case 2026-12-07');
  });
  it('unique among the cases that exist', () => {
    expect(dateCaseName(day, 'en', ['Case 2026-12-07'])).toBe('Case 2026-12-07 (2)');
    expect(dateCaseName(day, 'ja', ['2026-12-07 事案', '2026-12-07 事案 (2)'])).toBe('2026-12-07 事案 (3)');
  });
});
