// One worksheet cell as SpreadsheetML XML (ECMA-376 Part 1, §18.3.1.4 <c>). Only three shapes are
// ever written: a number (<v>), a date (a number with the date style) and an inline string
// (t="inlineStr" <is><t>…</t></is>). No code path writes <f>, so a cell is never a formula
// whatever its text: "=cmd|' /C calc'!A0" is stored and shown as those characters.
import type { SqlValue } from 'sql.js';
import { STYLE } from './workbook-parts';
import { legalXml, xmlText } from './xml';

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_CHARS = 32767;

export type CellInput = string | number | Date | null | undefined;
export type ColumnKind = 'text' | 'date' | 'number' | 'wrap';

/** Text safe for a cell: legal XML, at most MAX_CELL_CHARS with a marker saying how much was cut. */
export function cellText(value: string): string {
  const clean = legalXml(value);
  if (clean.length <= MAX_CELL_CHARS) return clean;
  const marker = (n: number): string => ` …[truncated: ${n} more characters]`;
  // The marker's own length depends on the count; reserve room for the widest count.
  let keep = MAX_CELL_CHARS - marker(clean.length).length;
  if (/[\ud800-\udbff]/.test(clean.charAt(keep - 1))) keep -= 1; // never split a surrogate pair
  return clean.slice(0, keep) + marker(clean.length - keep);
}

// Anything that needs escaping or cleaning: most timeline text has none of it, and one test
// lets it go straight into the XML.
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/;

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

function stringCell(ref: string, text: string, style: number): string {
  if (text === '') return '';
  const s = text.length > MAX_CELL_CHARS || NEEDS_WORK.test(text) ? xmlText(cellText(text)) : text;
  // Without xml:space="preserve" a reader may trim leading and trailing whitespace.
  const keep = isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1)) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style ? ` s="${style}"` : ''} t="inlineStr"><is><t${keep}>${s}</t></is></c>`;
}

// Excel's serial day numbers count from 1899-12-30; before 1900-03-01 they are off by one (Excel
// keeps Lotus 1-2-3's phantom 1900-02-29) and before 1900 they do not exist, so such times, and
// those past Excel's last day, stay as text rather than become a wrong date.
const EPOCH_MS = Date.UTC(1899, 11, 30);
const FIRST_MS = Date.UTC(1900, 2, 1);
const LAST_MS = Date.UTC(10000, 0, 1);
const DAY_MS = 86_400_000;

function dateCell(ref: string, ms: number): string {
  return `<c r="${ref}" s="${STYLE.date}"><v>${(ms - EPOCH_MS) / DAY_MS}</v></c>`;
}

// A time stated with its zone (the case stores UTC ISO-8601 with "Z"); a time without one is not
// guessed at (JavaScript would read it as the machine's local time) and stays text.
const ZONED_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)$/;

/** The cell for one value; '' when there is nothing to write (no cell at all). */
export function cellXml(ref: string, value: CellInput | SqlValue, kind: ColumnKind = 'text'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') {
    if (kind === 'date' && ZONED_ISO.test(value)) {
      const ms = Date.parse(value);
      if (ms >= FIRST_MS && ms < LAST_MS) return dateCell(ref, ms);
    }
    return stringCell(ref, value, kind === 'wrap' ? STYLE.wrap : 0);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"><v>${value}</v></c>` : stringCell(ref, String(value), 0);
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return '';
    return ms >= FIRST_MS && ms < LAST_MS ? dateCell(ref, ms) : stringCell(ref, value.toISOString(), 0);
  }
  // BLOBs (a raw field kept as bytes) are written as base64 text.
  return stringCell(ref, Buffer.from(value).toString('base64'), 0);
}

/** Column letters: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
