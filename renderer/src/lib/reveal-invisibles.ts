// Log fields are attacker-controlled. React already renders them as inert text; this guards
// the analyst's eyes instead: bidi overrides ("invoice\u202Efdp.exe" shows as "invoiceexe.pdf"),
// zero-width characters and control characters are made visible as <U+XXXX>, so what is on
// screen is what is in the record.

// C0 controls (tab and newline handled separately), DEL, C1 controls, Arabic letter mark,
// zero-width space/joiners, LRM/RLM, bidi embeddings/overrides/isolates, word joiner,
// invisible operators, BOM.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

function codePoint(ch: string): string {
  return `⟨U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/**
 * Single-line mode (table cells) shows line breaks as "↵" and tabs as a space;
 * multi-line mode (<pre> blocks) keeps them.
 */
export function revealInvisibles(text: string, multiline = false): string {
  if (!NEEDS_WORK.test(text)) return text;
  let out = text.replace(INVISIBLE, codePoint);
  if (!multiline) out = out.replace(/\r\n|\r|\n/g, ' ↵ ').replace(/\t/g, ' ');
  else out = out.replace(/\r(?!\n)/g, codePoint('\r'));
  return out;
}

/** A nullable engine value as display text ('' for null). */
export function displayValue(value: string | number | null | undefined, multiline = false): string {
  if (value === null || value === undefined) return '';
  return revealInvisibles(String(value), multiline);
}
