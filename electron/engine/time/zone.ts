// Converting wall-clock times to UTC. Zone-less timestamps take the file's zone; this
// module is the one place that knows how (IANA names via Intl, or fixed offsets).

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const OFFSET_RE = /^(?:UTC|GMT|Z)?([+-])(\d{1,2}):?(\d{2})?$/i;

/** "+0900", "+09:00", "-07", "UTC+9" -> minutes east of UTC; null if not an offset. */
export function parseOffsetMinutes(text: string): number | null {
  const t = text.trim();
  if (/^(UTC|GMT|Z)$/i.test(t)) return 0;
  const m = OFFSET_RE.exec(t);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  if (hours > 14 || minutes > 59) return null;
  const total = hours * 60 + minutes;
  return m[1] === '-' ? -total : total;
}

/** "+09:00" style label for an offset in minutes. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const zoneValidity = new Map<string, boolean>();

/** True for "UTC", fixed offsets and IANA zone names this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  if (parseOffsetMinutes(zone) !== null) return true;
  let ok = zoneValidity.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
    zoneValidity.set(zone, ok);
  }
  return ok;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Offset (minutes east of UTC) of an IANA zone at a UTC instant. */
function zoneOffsetAt(zone: string, utcMs: number): number {
  const parts = formatterFor(zone).formatToParts(new Date(utcMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

// Offsets change at most a few times a year; caching per zone and local hour keeps
// Intl (slow) off the hot path of a million-line file.
const offsetCache = new Map<string, number>();

/**
 * UTC epoch ms of a wall-clock time in `zone`. For local times that occur twice
 * (DST fall-back) the earlier instant is chosen; for skipped times (spring-forward)
 * the offset before the gap is used. Returns NaN for an unknown zone.
 */
export function wallTimeToUtc(t: WallTime, zone: string): number {
  const naive = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond);
  const fixed = parseOffsetMinutes(zone);
  if (fixed !== null) return naive - fixed * 60000;
  if (!isValidTimeZone(zone)) return NaN;
  const hourKey = `${zone}|${Math.floor(naive / 3600000)}`;
  const cached = offsetCache.get(hourKey);
  if (cached !== undefined) return naive - cached * 60000;
  // The offsets in force a day either side of the wall time; around a transition the
  // wall time can be read with either, and a candidate is valid when the zone really has
  // that offset at the instant it gives.
  const before = zoneOffsetAt(zone, naive - 86400000);
  const after = zoneOffsetAt(zone, naive + 86400000);
  const valid = [before, after].filter((o) => zoneOffsetAt(zone, naive - o * 60000) === o);
  // Repeated hour (fall-back): both valid, take the earlier instant (the larger offset).
  // Skipped hour (spring-forward): neither valid, read it with the offset before the gap,
  // which lands just after the gap, as the clock would have shown had it not jumped.
  const offset = valid.length === 0 ? before : Math.max(...valid);
  if (offsetCache.size > 100000) offsetCache.clear();
  offsetCache.set(hourKey, offset);
  return naive - offset * 60000;
}

/** ISO-8601 UTC with milliseconds: the `time` column's format. */
export function toIsoUtc(ms: number): string {
  return new Date(ms).toISOString();
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/**
 * True when every part of a wall time is in range (Feb 29 only in leap years).
 * Date.UTC silently rolls "2024-02-31" over to March; a forensic timeline must
 * reject such a stamp instead of inventing a different day.
 */
export function isValidWallTime(t: WallTime): boolean {
  // Years below 1000 are refused too: Date.UTC maps 0-99 to 1900-1999.
  if (!Number.isInteger(t.year) || t.year < 1000 || t.year > 9999) return false;
  if (!Number.isInteger(t.month) || t.month < 1 || t.month > 12) return false;
  const dim = t.month === 2 && isLeapYear(t.year) ? 29 : DAYS_IN_MONTH[t.month - 1]!;
  if (!Number.isInteger(t.day) || t.day < 1 || t.day > dim) return false;
  if (!Number.isInteger(t.hour) || t.hour < 0 || t.hour > 23) return false;
  if (!Number.isInteger(t.minute) || t.minute < 0 || t.minute > 59) return false;
  if (!Number.isInteger(t.second) || t.second < 0 || t.second > 59) return false;
  return Number.isInteger(t.millisecond) && t.millisecond >= 0 && t.millisecond <= 999;
}

const EPOCH_SECONDS_RE = /^(\d{1,12})(?:\.(\d{1,9}))?$/;

/**
 * "1691514939.857" (epoch seconds, optional fraction) -> UTC epoch ms, or NaN.
 * Done on the digits, not with parseFloat, so that .857 stays exactly 857 ms
 * (1691514939.857 * 1000 is 1691514939856.9998 in binary floating point).
 * Sub-millisecond digits are truncated, as every other clock in the timeline is.
 */
export function parseEpochSeconds(text: string): number {
  const m = EPOCH_SECONDS_RE.exec(text);
  if (!m) return NaN;
  const frac = m[2] === undefined ? 0 : Number((m[2] + '00').slice(0, 3));
  return Number(m[1]) * 1000 + frac;
}

/**
 * An integer epoch of unknown unit (seconds, ms, µs or ns, as devices such as
 * FortiGate's eventtime= vary by firmware) -> UTC epoch ms, or NaN.
 * The unit is decided by digit count: present-day instants have 10 digits in
 * seconds, 13 in ms, 16 in µs, 19 in ns; ranges around those allow dates from
 * about 1973 to 2286. Finer units are cut on the digit string so no precision
 * is lost to floating point.
 */
export function epochIntegerToMs(digits: string): number {
  const n = digits.length;
  if (n === 0 || n > 19) return NaN;
  for (let i = 0; i < n; i++) {
    const c = digits.charCodeAt(i);
    if (c < 48 || c > 57) return NaN;
  }
  if (n <= 10) return Number(digits) * 1000;
  if (n <= 13) return Number(digits);
  if (n <= 16) return Number(digits.slice(0, n - 3));
  return Number(digits.slice(0, n - 6));
}

// Anchored, no nested quantifiers: linear time on any input.
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(Z|[+-]\d{2}(?::?\d{2})?)$/i;

export interface IsoInstant {
  /** UTC epoch ms. */
  ms: number;
  /** Offset the text stated, minutes east of UTC (0 for Z). */
  offsetMinutes: number;
}

/**
 * An ISO-8601 timestamp that states its zone ("2016-07-19T16:26:49.830563Z",
 * "2023-07-06T08:11:40.288+02:00") -> instant, or null. Zone-less text is refused
 * on purpose: Date.parse would read it as the machine's local time.
 */
export function parseIsoInstant(text: string): IsoInstant | null {
  const m = ISO_RE.exec(text);
  if (!m) return null;
  const t = wallTimeFromGroups(m);
  if (!isValidWallTime(t)) return null;
  const offsetMinutes = parseOffsetMinutes(m[8]!);
  if (offsetMinutes === null) return null;
  const naive = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond);
  return { ms: naive - offsetMinutes * 60000, offsetMinutes };
}

/**
 * A WallTime from regex groups year, month, day, hour, minute, second and an optional
 * fraction of any length (truncated to milliseconds), starting at group `first`.
 */
export function wallTimeFromGroups(m: RegExpExecArray, first = 1): WallTime {
  const frac = m[first + 6];
  return {
    year: Number(m[first]),
    month: Number(m[first + 1]),
    day: Number(m[first + 2]),
    hour: Number(m[first + 3]),
    minute: Number(m[first + 4]),
    second: Number(m[first + 5]),
    millisecond: frac === undefined ? 0 : Number((frac + '00').slice(0, 3)),
  };
}

const ZONELESS_ISO_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;

/** "2020-10-22 02:57:59.123" or with a T: a wall time that states no zone; null if invalid. */
export function parseZonelessIso(text: string): WallTime | null {
  const m = ZONELESS_ISO_RE.exec(text);
  if (!m) return null;
  const t = wallTimeFromGroups(m);
  return isValidWallTime(t) ? t : null;
}
