// The W3C Extended Log File Format (W3C Working Draft WD-logfile-960323), shared by IIS and
// Blue Coat ProxySG ELFF: '#'-directives (#Version, #Software, #Date, #Fields, #Remark)
// describe the data lines that follow; data lines are whitespace-separated fields, '-' for
// "no value", strings optionally in double quotes with '""' for a literal quote.
// A #Fields directive applies to the lines after it, so one appearing mid-file (IIS writes
// a fresh header block whenever the logged field set or the service changes) replaces the
// previous one.
import { isValidWallTime } from '../../time/zone';

export class W3cHeader {
  /** Field names of the current #Fields directive; null before the first one. */
  fields: string[] | null = null;
  software?: string;
  /** The #Date directive's value ("2019-01-01 00:00:00"). */
  date?: string;

  /** Applies a '#' line; returns false when the line is not a directive. */
  directive(line: string): boolean {
    if (line.charCodeAt(0) !== 35 /* # */) return false;
    const colon = line.indexOf(':');
    if (colon === -1) return true; // a bare comment
    const name = line.slice(1, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'fields') this.fields = value.split(/[ \t]+/).filter((f) => f.length > 0);
    else if (name === 'software') this.software = value;
    else if (name === 'date') this.date = value;
    return true;
  }
}

function isSep(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * Splits a data line into fields (runs of spaces/tabs separate; quotes removed and '""'
 * undoubled). Returns the count, fields in `out`; `unterminated` tells a quoted field ran to
 * the end of the line (a cut-off record).
 */
export function splitW3c(line: string, out: string[]): { count: number; unterminated: boolean } {
  let count = 0;
  let pos = 0;
  const len = line.length;
  for (;;) {
    while (pos < len && isSep(line.charCodeAt(pos))) pos++;
    if (pos >= len) return { count, unterminated: false };
    if (line.charCodeAt(pos) === 34 /* " */) {
      let value = '';
      let start = pos + 1;
      for (;;) {
        const q = line.indexOf('"', start);
        if (q === -1) {
          out[count++] = value + line.slice(start);
          return { count, unterminated: true };
        }
        if (line.charCodeAt(q + 1) === 34) {
          value += line.slice(start, q + 1);
          start = q + 2;
          continue;
        }
        value += line.slice(start, q);
        pos = q + 1;
        break;
      }
      // Text glued after the closing quote stays part of the field.
      const s = pos;
      while (pos < len && !isSep(line.charCodeAt(pos))) pos++;
      out[count++] = value + line.slice(s, pos);
    } else {
      const s = pos;
      while (pos < len && !isSep(line.charCodeAt(pos))) pos++;
      out[count++] = line.slice(s, pos);
    }
  }
}

function digitsAt(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}

/**
 * "2019-03-01" + "13:05:07" (or "13:05:07.123") as UTC -> epoch ms, NaN if either is not
 * one. The W3C draft defines date and time as GMT; IIS and ProxySG write them so.
 */
export function w3cUtc(date: string, time: string): number {
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-') return NaN;
  if (time.length < 8 || time[2] !== ':' || time[5] !== ':' || (time.length > 8 && time[8] !== '.') || time.length > 18) return NaN;
  let ms = 0;
  if (time.length > 9) {
    const frac = time.slice(9);
    for (let i = 0; i < frac.length; i++) if (frac.charCodeAt(i) < 48 || frac.charCodeAt(i) > 57) return NaN;
    ms = Number((frac + '00').slice(0, 3));
  }
  const t = {
    year: digitsAt(date, 0, 4),
    month: digitsAt(date, 5, 2),
    day: digitsAt(date, 8, 2),
    hour: digitsAt(time, 0, 2),
    minute: digitsAt(time, 3, 2),
    second: digitsAt(time, 6, 2),
    millisecond: ms,
  };
  if (!isValidWallTime(t)) return NaN;
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond);
}

/** True when `s` starts with "YYYY-MM-DD" (the shape only; w3cUtc validates the values). */
export function startsWithW3cDate(s: string): boolean {
  return s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45 && !Number.isNaN(digitsAt(s, 0, 4)) && !Number.isNaN(digitsAt(s, 5, 2)) && !Number.isNaN(digitsAt(s, 8, 2));
}

/** True for exactly "YYYY-MM-DD". */
export function looksLikeW3cDate(s: string): boolean {
  return s.length === 10 && startsWithW3cDate(s);
}
