// What may go into a workbook cell. Strings are always written as inline rich-text strings
// (<c t="inlineStr"><is>…</is></c>): a cell is never a formula whatever its text, because only
// an object with a `formula` key makes exceljs write <f>, and none is ever built here.
import type { SqlValue } from 'sql.js';

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_CHARS = 32767;

export type CellInput = string | number | Date | null | undefined;
/** undefined = no cell at all: exceljs builds (and styles) a cell for null, none for undefined. */
export type CellValue = { richText: { text: string }[] } | number | Date | undefined;

// Characters XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF), and DEL,
// which exceljs drops. They become U+FFFD so the reader sees that something was there.
// eslint-disable-next-line no-control-regex
const ILLEGAL_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text safe for a cell: legal XML, at most MAX_CELL_CHARS with a marker saying how much was cut. */
export function cellText(value: string): string {
  const clean = value.replace(ILLEGAL_XML, '\ufffd');
  if (clean.length <= MAX_CELL_CHARS) return clean;
  const marker = (n: number): string => ` …[truncated: ${n} more characters]`;
  // The marker's own length depends on the count; reserve room for the widest count.
  let keep = MAX_CELL_CHARS - marker(clean.length).length;
  if (/[\ud800-\udbff]/.test(clean.charAt(keep - 1))) keep -= 1; // never split a surrogate pair
  return clean.slice(0, keep) + marker(clean.length - keep);
}

export function cellValue(value: CellInput | SqlValue): CellValue {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { richText: [{ text: String(value) }] };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (value instanceof Uint8Array) return { richText: [{ text: cellText(Buffer.from(value).toString('base64')) }] };
  return { richText: [{ text: cellText(String(value)) }] };
}

/** An ISO-8601 UTC time as a date cell; anything unparsable stays text rather than vanishing. */
export function dateCell(iso: SqlValue | undefined): CellValue {
  if (iso === null || iso === undefined || iso === '') return undefined;
  const d = new Date(String(iso));
  return Number.isNaN(d.getTime()) ? cellValue(String(iso)) : d;
}
