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
  // Two passes: guess with the offset at the naive instant, then correct.
  const first = zoneOffsetAt(zone, naive);
  let offset = zoneOffsetAt(zone, naive - first * 60000);
  if (offset !== first) {
    // Ambiguous or skipped hour: prefer the earlier instant (larger offset).
    offset = Math.max(first, offset);
  }
  if (offsetCache.size > 100000) offsetCache.clear();
  offsetCache.set(hourKey, offset);
  return naive - offset * 60000;
}

/** ISO-8601 UTC with milliseconds: the `time` column's format. */
export function toIsoUtc(ms: number): string {
  return new Date(ms).toISOString();
}
