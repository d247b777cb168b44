// The NCSA / Apache %t timestamp, "10/Oct/2000:13:55:36 -0700": the server's local time with
// its UTC offset, always this fixed 26-character layout (English month abbreviations,
// two-digit day). Read by position, not by regex or Date.parse, because it runs on every
// line of multi-GB access logs and Date.parse would accept (and reinterpret) near-misses.
import { isValidWallTime } from '../../time/zone';

const MONTHS: Record<string, number> = {
  Jan: 1, Feb: 2, Mar: 3, Apr: 4, May: 5, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Oct: 10, Nov: 11, Dec: 12,
};

/** Length of "10/Oct/2000:13:55:36 -0700". */
export const STAMP_LENGTH = 26;

function num2(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}

export interface ClfTime {
  readonly ms: number;
  readonly offsetMinutes: number;
}

/** "10/Oct/2000:13:55:36 -0700" (fixed layout) -> instant; null if it is not one. */
export function parseClfStamp(s: string): ClfTime | null {
  if (s.length !== STAMP_LENGTH || s[2] !== '/' || s[6] !== '/' || s[11] !== ':' || s[14] !== ':' || s[17] !== ':' || s[20] !== ' ') {
    return null;
  }
  const day = num2(s, 0);
  const month = MONTHS[s.slice(3, 6)];
  const year = num2(s, 7) * 100 + num2(s, 9);
  const hour = num2(s, 12);
  const minute = num2(s, 15);
  const second = num2(s, 18);
  const sign = s[21];
  const offH = num2(s, 22);
  const offM = num2(s, 24);
  // NaN fails every range check in isValidWallTime; the offset digits are checked here.
  if (!month || (sign !== '+' && sign !== '-') || !(offH >= 0) || !(offM >= 0)) return null;
  if (!isValidWallTime({ year, month, day, hour, minute, second, millisecond: 0 }) || offH > 14 || offM > 59) return null;
  const offsetMinutes = (sign === '-' ? -1 : 1) * (offH * 60 + offM);
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60000;
  return { ms, offsetMinutes };
}
