// Times as typed in a query -> the interval of UTC instants they name. `2026-10-05` is the
// whole day, `2026-10-05T00:10` the whole minute, so `time:2026-10-05` finds every event of
// that day and `[00:10 TO 00:20]` includes 00:20:59. Times without a zone are UTC, as the
// grid shows them; `+09:00` or `Z` may be written. A bound of only a time of day (`00:20`)
// takes its date from the other bound.

export interface Interval {
  /** First instant, ISO-8601 UTC with milliseconds. */
  start: string;
  /** First instant after the interval. */
  end: string;
}

const FULL = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,3})\d*)?)?)?)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const TIME_ONLY = /^(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3})\d*)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function zoneMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** The interval `text` names, or null when it is not a time. */
export function timeInterval(text: string, dateOf?: string): Interval | null {
  const m = FULL.exec(text.trim());
  let fields: (string | undefined)[];
  let zone: string | undefined;
  if (m) {
    fields = m.slice(1, 8);
    zone = m[8];
  } else {
    const t = TIME_ONLY.exec(text.trim());
    const d = dateOf ? FULL.exec(dateOf.trim()) : null;
    if (!t || !d || d[3] === undefined) return null;
    fields = [d[1], d[2], d[3], t[1], t[2], t[3], t[4]];
    zone = t[5] ?? d[8];

  }
  const [year, month, day, hour, minute, second, milli] = fields;
  const precision = [year, month, day, hour, minute, second, milli].filter((v) => v !== undefined).length;
  const parts = [Number(year), Number(month ?? 1) - 1, Number(day ?? 1), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), Number((milli ?? '0').padEnd(3, '0'))] as const;
  const startMs = Date.UTC(...parts) - zoneMinutes(zone) * 60_000;
  const check = new Date(Date.UTC(...parts));
  // Date.UTC rolls over (2026-02-30 -> March 2); a date that rolls over was not a date.
  if (Number.isNaN(startMs) || check.getUTCMonth() !== parts[1] || check.getUTCDate() !== parts[2] || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) return null;
  const next = [...parts] as number[];
  // One unit of the last field written: the interval the text names.
  const unit = precision - 1;
  if (unit === 6 && milli !== undefined) next[6] = parts[6] + Math.pow(10, 3 - milli.length);
  else next[unit] = next[unit]! + 1;
  const endMs = Date.UTC(next[0]!, next[1]!, next[2]!, next[3]!, next[4]!, next[5]!, next[6]!) - zoneMinutes(zone) * 60_000;
  return { start: new Date(startMs).toISOString(), end: new Date(endMs).toISOString() };
}
