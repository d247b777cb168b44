// Defender's Timestamp (or TimeGenerated) as epoch milliseconds. The column is UTC, ISO-8601
// with up to 7 fractional digits and Z; a zone-less value (a spreadsheet re-save) takes the
// file's time zone. Rows come in time order, many within one second, so the text up to the
// second is parsed once and reused while the next rows repeat it: only the fraction is read
// then (a regular expression, a WallTime and Date.UTC per row were ~5% of the parse).
import { parseIsoInstant, parseZonelessIso, wallTimeToUtc } from '../../time/zone';

export interface DefenderTime {
  ts: number;
  timeZone: string;
}

/** Where the seconds end in `2026-10-05T00:00:00`. */
const SECOND_END = 19;

/**
 * Milliseconds of the fraction of `YYYY-MM-DDTHH:MM:SS[.fffffff]Z` past the second (1-9
 * digits after `.` or `,`, truncated to milliseconds, as parseIsoInstant reads them); -1 when
 * the text does not end that way.
 */
function fractionMs(raw: string): number {
  const n = raw.length;
  if (raw.charCodeAt(n - 1) !== 0x5a /* Z */) return -1;
  if (n === SECOND_END + 1) return 0;
  const sep = raw.charCodeAt(SECOND_END);
  if ((sep !== 0x2e && sep !== 0x2c) || n < SECOND_END + 3 || n > SECOND_END + 11) return -1;
  let ms = 0;
  for (let i = SECOND_END + 1; i < n - 1; i++) {
    const d = raw.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    // The first three digits make the milliseconds; the rest are checked, not used.
    if (i < SECOND_END + 4) ms = ms * 10 + d;
  }
  // Fewer than three digits: ".5" is 500 ms.
  for (let i = n - 1; i < SECOND_END + 4; i++) ms *= 10;
  return ms;
}

/** One per file: remembers the last second it parsed. */
export class DefenderClock {
  /** The text up to the second of the last UTC time parsed, and its epoch ms. */
  private second = '';
  private secondMs = 0;

  constructor(private readonly zone: string) {}

  /** The time of a Timestamp text (trimmed); null when it is not one. */
  time(raw: string): DefenderTime | null {
    if (this.second !== '' && raw.startsWith(this.second)) {
      const f = fractionMs(raw);
      if (f >= 0) return { ts: this.secondMs + f, timeZone: 'UTC' };
    }
    const t = parseIsoInstant(raw);
    if (t) {
      if (t.offsetMinutes === 0) {
        const f = fractionMs(raw);
        if (f >= 0) {
          // Validated by parseIsoInstant: later rows of this second only read their fraction.
          this.second = raw.slice(0, SECOND_END);
          this.secondMs = t.ms - f;
        }
      }
      return { ts: t.ms, timeZone: t.offsetMinutes === 0 ? 'UTC' : raw.slice(-6) };
    }
    const w = parseZonelessIso(raw);
    return w ? { ts: wallTimeToUtc(w, this.zone), timeZone: `${this.zone} (assumed)` } : null;
  }
}
