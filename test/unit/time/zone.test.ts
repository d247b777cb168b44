import { describe, expect, it } from 'vitest';
import {
  epochIntegerToMs,
  formatOffset,
  isValidTimeZone,
  isValidWallTime,
  parseEpochSeconds,
  parseIsoInstant,
  parseOffsetMinutes,
  toIsoUtc,
  wallTimeToUtc,
  type WallTime,
} from '../../../electron/engine/time/zone';

const wt = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): WallTime => ({
  year: y,
  month: mo,
  day: d,
  hour: h,
  minute: mi,
  second: s,
  millisecond: ms,
});

describe('parseOffsetMinutes / formatOffset', () => {
  it('reads the offset spellings devices write', () => {
    expect(parseOffsetMinutes('+0900')).toBe(540);
    expect(parseOffsetMinutes('+09:00')).toBe(540);
    expect(parseOffsetMinutes('-0700')).toBe(-420);
    expect(parseOffsetMinutes('-07')).toBe(-420);
    expect(parseOffsetMinutes('UTC+9')).toBe(540);
    expect(parseOffsetMinutes('+0530')).toBe(330);
    expect(parseOffsetMinutes('Z')).toBe(0);
    expect(parseOffsetMinutes('UTC')).toBe(0);
  });
  it('refuses what is not an offset', () => {
    expect(parseOffsetMinutes('Asia/Tokyo')).toBeNull();
    expect(parseOffsetMinutes('+1500')).toBeNull();
    expect(parseOffsetMinutes('+0960')).toBeNull();
    expect(parseOffsetMinutes('')).toBeNull();
  });
  it('labels offsets as +HH:MM', () => {
    expect(formatOffset(540)).toBe('+09:00');
    expect(formatOffset(-420)).toBe('-07:00');
    expect(formatOffset(0)).toBe('+00:00');
    expect(formatOffset(-570)).toBe('-09:30');
  });
});

describe('isValidTimeZone', () => {
  it('knows IANA names, UTC and offsets', () => {
    expect(isValidTimeZone('Asia/Tokyo')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('+09:00')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});

describe('wallTimeToUtc', () => {
  it('applies an IANA zone: Tokyo is 9 h ahead of UTC', () => {
    expect(wallTimeToUtc(wt(2017, 11, 15, 11, 44, 16), 'Asia/Tokyo')).toBe(Date.parse('2017-11-15T02:44:16Z'));
  });
  it('applies a fixed offset', () => {
    expect(wallTimeToUtc(wt(2024, 10, 14, 13, 46, 40), '-07:00')).toBe(Date.parse('2024-10-14T20:46:40Z'));
  });
  it('follows DST in America/New_York', () => {
    expect(wallTimeToUtc(wt(2024, 1, 15, 12), 'America/New_York')).toBe(Date.parse('2024-01-15T17:00:00Z'));
    expect(wallTimeToUtc(wt(2024, 7, 15, 12), 'America/New_York')).toBe(Date.parse('2024-07-15T16:00:00Z'));
  });
  it('takes the earlier instant for a repeated fall-back hour', () => {
    // 2024-11-03 01:30 happens at 05:30Z (EDT) and 06:30Z (EST).
    expect(wallTimeToUtc(wt(2024, 11, 3, 1, 30), 'America/New_York')).toBe(Date.parse('2024-11-03T05:30:00Z'));
  });
  it('is NaN for an unknown zone', () => {
    expect(wallTimeToUtc(wt(2024, 1, 1), 'Nowhere/Land')).toBeNaN();
  });
});

describe('isValidWallTime', () => {
  it('accepts real dates, leap days included', () => {
    expect(isValidWallTime(wt(2024, 2, 29, 23, 59, 59, 999))).toBe(true);
    expect(isValidWallTime(wt(2000, 2, 29))).toBe(true);
  });
  it('refuses dates Date.UTC would silently roll over', () => {
    expect(isValidWallTime(wt(2023, 2, 29))).toBe(false);
    expect(isValidWallTime(wt(1900, 2, 29))).toBe(false);
    expect(isValidWallTime(wt(2024, 4, 31))).toBe(false);
    expect(isValidWallTime(wt(2024, 13, 1))).toBe(false);
    expect(isValidWallTime(wt(2024, 1, 1, 24))).toBe(false);
    expect(isValidWallTime(wt(2024, 1, 1, 0, 60))).toBe(false);
    expect(isValidWallTime(wt(99, 1, 1))).toBe(false);
    expect(isValidWallTime(wt(2024, 1, 1, 0, 0, 0, 1000))).toBe(false);
  });
});

describe('parseEpochSeconds', () => {
  it('keeps milliseconds exact (no floating-point drift)', () => {
    expect(parseEpochSeconds('1691514939.857')).toBe(1691514939857);
    expect(parseEpochSeconds('1447698003.24')).toBe(1447698003240);
    expect(parseEpochSeconds('1447697423')).toBe(1447697423000);
  });
  it('truncates sub-millisecond digits', () => {
    expect(parseEpochSeconds('1468945624.9559')).toBe(1468945624955);
    expect(parseEpochSeconds('1510775056.123456789')).toBe(1510775056123);
  });
  it('is NaN for anything else', () => {
    for (const bad of ['', '-1', '1e9', '1691514939.', '.857', '1691514939,857', ' 1691514939.857', 'abc']) {
      expect(parseEpochSeconds(bad)).toBeNaN();
    }
  });
});

describe('epochIntegerToMs', () => {
  const ms = Date.parse('2024-10-14T20:46:40.841Z');
  it('decides the unit by digit count', () => {
    expect(epochIntegerToMs('1728938800')).toBe(1728938800000);
    expect(epochIntegerToMs('1728938800841')).toBe(ms);
    expect(epochIntegerToMs('1728938800841267')).toBe(ms);
    expect(epochIntegerToMs('1728938800841267391')).toBe(ms);
  });
  it('is NaN for non-digits or more than 19 digits', () => {
    expect(epochIntegerToMs('')).toBeNaN();
    expect(epochIntegerToMs('17289388008412673910')).toBeNaN();
    expect(epochIntegerToMs('1728938800.5')).toBeNaN();
    expect(epochIntegerToMs('-1728938800')).toBeNaN();
  });
});

describe('parseIsoInstant', () => {
  it('reads Z and offsets, with any fraction length', () => {
    expect(parseIsoInstant('2016-07-19T16:26:49.830563Z')).toEqual({ ms: Date.parse('2016-07-19T16:26:49.830Z'), offsetMinutes: 0 });
    expect(parseIsoInstant('2016-04-05T13:23:28.25Z')?.ms).toBe(Date.parse('2016-04-05T13:23:28.250Z'));
    expect(parseIsoInstant('2023-07-06T08:11:40.288+02:00')).toEqual({
      ms: Date.parse('2023-07-06T06:11:40.288Z'),
      offsetMinutes: 120,
    });
    expect(parseIsoInstant('2012-03-14 04:17:38.276340+00:00')?.ms).toBe(Date.parse('2012-03-14T04:17:38.276Z'));
    expect(parseIsoInstant('2022-09-06T18:37:34-0700')?.ms).toBe(Date.parse('2022-09-07T01:37:34Z'));
  });
  it('refuses zone-less text (Date.parse would read it as machine-local time)', () => {
    expect(parseIsoInstant('2016-07-19T16:26:49')).toBeNull();
    expect(parseIsoInstant('2016-07-19 16:26:49.123')).toBeNull();
  });
  it('refuses impossible dates and junk', () => {
    expect(parseIsoInstant('2023-02-29T00:00:00Z')).toBeNull();
    expect(parseIsoInstant('2023-01-01T25:00:00Z')).toBeNull();
    expect(parseIsoInstant('July 19 2016')).toBeNull();
    expect(parseIsoInstant('2016-07-19T16:26:49ZZ')).toBeNull();
  });
});

describe('toIsoUtc', () => {
  it('prints the time column format', () => {
    expect(toIsoUtc(Date.parse('2026-10-05T00:12:41Z'))).toBe('2026-10-05T00:12:41.000Z');
  });
});

describe('parseZonelessIso', () => {
  it('reads a zone-less stamp with a space or a T, truncating the fraction to ms', async () => {
    const { parseZonelessIso } = await import('../../../electron/engine/time/zone');
    expect(parseZonelessIso('2020-10-22 02:57:59.8554321')).toEqual({ year: 2020, month: 10, day: 22, hour: 2, minute: 57, second: 59, millisecond: 855 });
    expect(parseZonelessIso('2020-10-22T02:57:59')?.millisecond).toBe(0);
  });
  it('refuses impossible dates and text with a zone', async () => {
    const { parseZonelessIso } = await import('../../../electron/engine/time/zone');
    expect(parseZonelessIso('2021-02-30 00:00:00')).toBeNull();
    expect(parseZonelessIso('2020-10-22T02:57:59Z')).toBeNull();
  });
});

describe('wallTimeToUtc around daylight-saving transitions', () => {
  it('reads a skipped spring-forward time with the offset before the gap', async () => {
    const { wallTimeToUtc } = await import('../../../electron/engine/time/zone');
    // 2024-03-10 02:30 does not exist in New York; EST (-05:00) gives 07:30Z (03:30 EDT).
    const t = wallTimeToUtc({ year: 2024, month: 3, day: 10, hour: 2, minute: 30, second: 0, millisecond: 0 }, 'America/New_York');
    expect(new Date(t).toISOString()).toBe('2024-03-10T07:30:00.000Z');
  });
  it('reads a repeated fall-back time as the earlier instant', async () => {
    const { wallTimeToUtc } = await import('../../../electron/engine/time/zone');
    const t = wallTimeToUtc({ year: 2024, month: 11, day: 3, hour: 1, minute: 30, second: 0, millisecond: 0 }, 'America/New_York');
    expect(new Date(t).toISOString()).toBe('2024-11-03T05:30:00.000Z');
  });
  it('is exact on ordinary days either side', async () => {
    const { wallTimeToUtc } = await import('../../../electron/engine/time/zone');
    const jst = wallTimeToUtc({ year: 2024, month: 10, day: 14, hour: 13, minute: 46, second: 40, millisecond: 0 }, 'Asia/Tokyo');
    expect(new Date(jst).toISOString()).toBe('2024-10-14T04:46:40.000Z');
    const summer = wallTimeToUtc({ year: 2024, month: 7, day: 1, hour: 12, minute: 0, second: 0, millisecond: 0 }, 'Europe/Berlin');
    expect(new Date(summer).toISOString()).toBe('2024-07-01T10:00:00.000Z');
  });
});
