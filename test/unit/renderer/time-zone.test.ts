import { describe, expect, it } from 'vitest';
import { browserTimeZone, isValidTimeZone, timeZoneNames } from '../../../renderer/src/lib/time-zone';

describe('time zones', () => {
  it('accepts IANA names and UTC, rejects the rest', () => {
    expect(isValidTimeZone('Asia/Tokyo')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('suggests UTC first and includes Asia/Tokyo', () => {
    const zones = timeZoneNames();
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Asia/Tokyo');
    expect(zones.filter((z) => z === 'UTC')).toHaveLength(1);
  });

  it('defaults to a zone this runtime accepts', () => {
    expect(isValidTimeZone(browserTimeZone())).toBe(true);
  });
});
