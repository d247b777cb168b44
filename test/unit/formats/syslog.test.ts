import { describe, expect, it } from 'vitest';
import { parseSyslogHeader, YearTracker } from '../../../electron/engine/formats/syslog';

describe('parseSyslogHeader', () => {
  it('reads a BSD header: base year, file zone assumed, tag and pid', () => {
    const h = parseSyslogHeader('Sep 28 10:38:09 pfSense filterlog[123]: 5,,,1000000103,em0', 'Asia/Tokyo', new YearTracker(2022))!;
    expect(h.ts).toBe(Date.parse('2022-09-28T01:38:09Z'));
    expect(h).toMatchObject({ host: 'pfSense', app: 'filterlog', pid: '123', message: '5,,,1000000103,em0', timeRaw: 'Sep 28 10:38:09' });
    expect(h.timeZone).toContain('Asia/Tokyo (assumed');
  });

  it('rolls the year over from December to January', () => {
    const years = new YearTracker(2025);
    const dec = parseSyslogHeader('Dec 31 23:59:59 fw kernel: a', 'UTC', years)!;
    const jan = parseSyslogHeader('Jan  1 00:00:01 fw kernel: b', 'UTC', years)!;
    expect(new Date(dec.ts).toISOString()).toBe('2025-12-31T23:59:59.000Z');
    expect(new Date(jan.ts).toISOString()).toBe('2026-01-01T00:00:01.000Z');
  });

  it('reads the Cisco ASA form with PRI and a year', () => {
    const h = parseSyslogHeader('<166>Jan 05 2024 10:00:00 ciscoasa : %ASA-6-302013: Built', 'UTC', new YearTracker(2020))!;
    expect(h).toMatchObject({ pri: 166, host: 'ciscoasa', ts: Date.parse('2024-01-05T10:00:00Z') });
    expect(h.message).toBe(': %ASA-6-302013: Built');
  });

  it('reads RFC 5424 with microseconds, offset and structured data', () => {
    const h = parseSyslogHeader(
      '<134>1 2022-09-06T18:37:34.123456+02:00 opnsense filterlog 69805 - [meta sequenceId="1"] 96,,,rule',
      'Asia/Tokyo',
      new YearTracker(2020),
    )!;
    expect(h).toMatchObject({ pri: 134, host: 'opnsense', app: 'filterlog', pid: '69805', structuredData: '[meta sequenceId="1"]', message: '96,,,rule', timeZone: '+02:00' });
    expect(h.ts).toBe(Date.parse('2022-09-06T16:37:34.123Z'));
  });

  it('reads an RFC 3339 header without PRI', () => {
    const h = parseSyslogHeader('2023-07-06T08:11:40+02:00 fw01 1,2023/07/06 08:11:40,0123', 'UTC', new YearTracker(2020))!;
    expect(h).toMatchObject({ host: 'fw01', message: '1,2023/07/06 08:11:40,0123', ts: Date.parse('2023-07-06T06:11:40Z') });
  });

  it('returns null for a line without a syslog header', () => {
    expect(parseSyslogHeader('date=2024-10-14 time=13:46:40 type=event', 'UTC', new YearTracker(2020))).toBeNull();
  });
});
