// Defender's time column is read with a memo of the last second (defender-time.ts): every
// text must give what the full parse gives (parseIsoInstant, else a zone-less time in the
// file's zone), whatever came before it: the same second with other fractions, other
// separators, offsets, lower-case letters, too many digits, invalid dates.
import { describe, expect, it } from 'vitest';
import { DefenderClock } from '../../../../electron/engine/formats/edr/defender-time';
import { parseIsoInstant, parseZonelessIso, wallTimeToUtc } from '../../../../electron/engine/time/zone';

const ZONE = 'Asia/Tokyo';

/** The reading before the memo, as defender-mapping.ts did it. */
function fullParse(raw: string): { ts: number; timeZone: string } | null {
  const t = parseIsoInstant(raw);
  if (t) return { ts: t.ms, timeZone: t.offsetMinutes === 0 ? 'UTC' : raw.slice(-6) };
  const w = parseZonelessIso(raw);
  return w ? { ts: wallTimeToUtc(w, ZONE), timeZone: `${ZONE} (assumed)` } : null;
}

const S = '2026-10-05T01:02:03';
const TEXTS = [
  `${S}Z`, `${S}.0290000Z`, `${S}.1Z`, `${S}.12Z`, `${S}.123Z`, `${S}.9999999Z`, `${S}.123456789Z`, `${S}.1234567890Z`,
  `${S},5Z`, `${S}.Z`, `${S}.12aZ`, `${S}.123z`, `${S}.123+09:00`, `${S}.123+0000`, `${S}+00:00`, `${S}.123`, `${S}`, `${S}.5ZZ`, `${S}Zx`,
  '2026-10-05t01:02:03.5Z', '2026-10-05 01:02:03.250Z', '2026-10-05T01:02:04.001Z', '2026-02-29T00:00:00.5Z', '2028-02-29T00:00:00.5Z',
  '2026-10-05T01:02:60.5Z', '2026-10-05T24:00:00Z', '0999-01-01T00:00:00Z', 'not a time', '',
];

describe('Defender time column', () => {
  it('gives what the full parse gives, in every order (the memo of the previous second never leaks)', () => {
    const orders = [TEXTS, [...TEXTS].reverse(), TEXTS.flatMap((t) => [`${S}.5Z`, t]), TEXTS.flatMap((t) => [t, `${S}.777Z`, t])];
    for (const order of orders) {
      const clock = new DefenderClock(ZONE);
      for (const raw of order) expect(clock.time(raw), raw).toEqual(fullParse(raw));
    }
  });

  it('rows of a real export: seconds that follow each other, 7 fractional digits', () => {
    const clock = new DefenderClock(ZONE);
    let t = Date.parse('2026-09-28T23:59:58.000Z');
    for (let i = 0; i < 5000; i++) {
      t += (i * 7919) % 613;
      const iso = new Date(t).toISOString();
      const raw = `${iso.slice(0, 23)}${String((i * 31) % 10000).padStart(4, '0')}Z`;
      expect(clock.time(raw), raw).toEqual(fullParse(raw));
    }
  });
});
