// The zone the grid shows times in: UTC (as stored), the case's zone, or one the examiner
// picks. Remembered on this machine. The stored value (`time`, ISO UTC) never changes.
import { isValidTimeZone } from './time-zone';
import { createStoredValue } from './stored-store';

export type ZoneMode = 'utc' | 'case' | 'other';

export interface DisplayZone {
  mode: ZoneMode;
  /** The zone for mode 'other'. */
  other: string;
}

const FALLBACK: DisplayZone = { mode: 'utc', other: 'Asia/Tokyo' };

export const displayZone = createStoredValue<DisplayZone>('tracelight.displayZone', FALLBACK, (raw) => {
  if (!raw || typeof raw !== 'object') return undefined;
  const v = raw as Partial<DisplayZone>;
  const mode = v.mode === 'case' || v.mode === 'other' || v.mode === 'utc' ? v.mode : undefined;
  if (!mode) return undefined;
  return { mode, other: typeof v.other === 'string' && isValidTimeZone(v.other) ? v.other : FALLBACK.other };
});

/** The IANA zone to show times in. */
export function resolveZone(zone: DisplayZone, caseZone: string): string {
  if (zone.mode === 'case') return isValidTimeZone(caseZone) ? caseZone : 'UTC';
  if (zone.mode === 'other') return zone.other;
  return 'UTC';
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      fractionalSecondDigits: 3,
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * "2026-10-05 09:12:41.000" for an ISO UTC time shown in `zone`; the text as given when it is
 * not a time (never a guess).
 */
export function formatInZone(iso: string, zone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(date)) parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}.${parts.fractionalSecond}`;
}

/** "+09:00" for `zone` at `iso` (daylight saving makes it depend on the date). */
export function offsetInZone(iso: string, zone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName')?.value;
  if (!name || name === 'GMT') return '+00:00';
  return name.replace('GMT', '');
}
