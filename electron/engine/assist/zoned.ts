// Calendar arithmetic in a zone (IANA name or fixed offset) for the question parser: which day
// an instant falls on there, and the instant a wall-clock time there names.
import { isValidTimeZone, parseOffsetMinutes, wallTimeToUtc } from '../time/zone';

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

const fmt = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of a UTC instant in `zone`. */
export function dayIn(ms: number, zone: string): Ymd {
  const fixed = parseOffsetMinutes(zone);
  if (fixed !== null) {
    const d = new Date(ms + fixed * 60000);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  let f = fmt.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' });
    fmt.set(zone, f);
  }
  const parts = f.formatToParts(new Date(ms));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** UTC ms of a wall time in `zone` (NaN for an unknown zone or impossible date). */
export function instant(d: Ymd, hour: number, minute: number, second = 0, ms = 0, zone = 'UTC'): number {
  if (!isValidTimeZone(zone)) return NaN;
  const probe = new Date(Date.UTC(d.year, d.month - 1, d.day));
  if (probe.getUTCMonth() !== d.month - 1 || probe.getUTCDate() !== d.day) return NaN;
  return wallTimeToUtc({ year: d.year, month: d.month, day: d.day, hour, minute, second, millisecond: ms }, zone);
}

export function addDays(d: Ymd, n: number): Ymd {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function sameOrBefore(a: Ymd, b: Ymd): boolean {
  return Date.UTC(a.year, a.month - 1, a.day) <= Date.UTC(b.year, b.month - 1, b.day);
}
