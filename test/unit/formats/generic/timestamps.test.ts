import { describe, expect, it } from 'vitest';
import { detectTimestamp, formatRates } from '../../../../electron/engine/formats/generic/timestamp-detect';
import { parseTimestamp, timeContext } from '../../../../electron/engine/formats/generic/timestamp-formats';

const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('timestamp layouts', () => {
  const tokyo = () => timeContext('Asia/Tokyo', 2026);

  it.each([
    ['2026-10-05T09:12:41.123+09:00', 'iso8601', '2026-10-05T00:12:41.123Z', '+09:00'],
    ['2026-10-05 00:12:41Z', 'iso8601', '2026-10-05T00:12:41.000Z', 'UTC'],
    ['2026-10-05 09:12:41', 'iso8601', '2026-10-05T00:12:41.000Z', 'Asia/Tokyo (assumed)'],
    ['2024-01-01 00:00:00 UTC', 'iso8601', '2024-01-01T00:00:00.000Z', 'UTC'],
    ['2026/10/05 09:12:41', 'ymd', '2026-10-05T00:12:41.000Z', 'Asia/Tokyo (assumed)'],
    ['2026/1/5 9:05', 'ymd', '2026-01-05T00:05:00.000Z', 'Asia/Tokyo (assumed)'],
    ['10/05/2026 09:12:41 PM', 'mdy', '2026-10-05T12:12:41.000Z', 'Asia/Tokyo (assumed)'],
    ['10/05/2026 12:00:00 AM', 'mdy', '2026-10-04T15:00:00.000Z', 'Asia/Tokyo (assumed)'],
    ['05/10/2026 21:12:41', 'dmy', '2026-10-05T12:12:41.000Z', 'Asia/Tokyo (assumed)'],
    ['Mon, 05 Oct 2026 09:12:41 +0900', 'rfc2822', '2026-10-05T00:12:41.000Z', '+09:00'],
    ['5 Oct 2026 00:12:41 GMT', 'rfc2822', '2026-10-05T00:12:41.000Z', 'UTC'],
    ['Oct  5 09:12:41', 'syslog', '2026-10-05T00:12:41.000Z', 'Asia/Tokyo (assumed; year 2026 assumed)'],
    ['2026年10月5日 9時12分41秒', 'ja', '2026-10-05T00:12:41.000Z', 'Asia/Tokyo (assumed)'],
    ['2026年10月5日(月) 09:12:41', 'ja', '2026-10-05T00:12:41.000Z', 'Asia/Tokyo (assumed)'],
    ['1791159161', 'epoch_s', '2026-10-05T00:12:41.000Z', 'UTC'],
    ['1791159161.857', 'epoch_s', '2026-10-05T00:12:41.857Z', 'UTC'],
    ['1791159161857', 'epoch_ms', '2026-10-05T00:12:41.857Z', 'UTC'],
    ['1791159161857123', 'epoch_us', '2026-10-05T00:12:41.857Z', 'UTC'],
    ['1791159161857123456', 'epoch_ns', '2026-10-05T00:12:41.857Z', 'UTC'],
  ] as const)('%s as %s', (text, format, expected, zone) => {
    const parsed = parseTimestamp(text, format, tokyo());
    expect(iso(parsed?.ts)).toBe(expected);
    expect(parsed?.timeZone).toBe(zone);
  });

  it('refuses impossible dates instead of rolling them over', () => {
    expect(parseTimestamp('2026/02/30 00:00:00', 'ymd', tokyo())).toBeNull();
    expect(parseTimestamp('13/13/2026', 'mdy', tokyo())).toBeNull();
    expect(parseTimestamp('13:00:00 PM', 'mdy', tokyo())).toBeNull();
    expect(parseTimestamp('10/05/2026 13:00 PM', 'mdy', tokyo())).toBeNull();
    expect(parseTimestamp('not a time', 'iso8601', tokyo())).toBeNull();
  });

  it('rolls a year-less syslog stamp over from December to January', () => {
    const ctx = timeContext('UTC', 2025);
    expect(iso(parseTimestamp('Dec 31 23:59:59', 'syslog', ctx)?.ts)).toBe('2025-12-31T23:59:59.000Z');
    expect(iso(parseTimestamp('Jan  1 00:00:01', 'syslog', ctx)?.ts)).toBe('2026-01-01T00:00:01.000Z');
  });
});

describe('timestamp detection', () => {
  it('tells the epoch unit by magnitude', () => {
    expect(formatRates(['1791159161857', '1791159162001'])[0]).toEqual({ format: 'epoch_ms', parseRate: 1 });
    expect(formatRates(['1791159161', '1791159162'])[0]).toEqual({ format: 'epoch_s', parseRate: 1 });
    expect(formatRates(['1791159161857123456'])[0]).toEqual({ format: 'epoch_ns', parseRate: 1 });
  });

  it('settles DD/MM against MM/DD by a value above 12, and flags it when none is', () => {
    const dmy = detectTimestamp([{ source: 'Date', values: ['05/10/2026 09:00', '25/10/2026 10:00'] }]);
    expect(dmy?.format).toBe('dmy');
    expect(dmy?.ambiguity).toBeUndefined();
    const mdy = detectTimestamp([{ source: 'Date', values: ['10/05/2026 09:00', '10/25/2026 10:00'] }]);
    expect(mdy?.format).toBe('mdy');
    const unclear = detectTimestamp([{ source: 'Date', values: ['10/05/2026 09:00', '11/06/2026 10:00'] }]);
    expect(unclear?.format).toBe('mdy');
    expect(unclear?.ambiguity).toMatch(/MM\/DD/);
  });

  it('prefers the column named as a time over another column of epoch-sized numbers', () => {
    const t = detectTimestamp([
      { source: 'bytes', values: ['1791159161', '1791159199'] },
      { source: 'EventTime', values: ['2026-10-05 09:12:41', '2026-10-05 09:13:00'] },
    ]);
    expect(t?.columns).toEqual(['EventTime']);
    expect(t?.format).toBe('iso8601');
  });

  it('reads a date column with a time-of-day column as one timestamp', () => {
    const t = detectTimestamp([
      { source: '日付', values: ['2026/10/05', '2026/10/06'] },
      { source: '時刻', values: ['9:12:41', '23:00:00'] },
      { source: 'ホスト名', values: ['PC01', 'PC02'] },
    ]);
    expect(t?.columns).toEqual(['日付', '時刻']);
    expect(t?.format).toBe('ymd');
  });

  it('finds nothing in columns without times', () => {
    expect(detectTimestamp([{ source: 'host', values: ['pc01', 'pc02'] }])).toBeNull();
  });
});
