// Untrusted text on its way into the PDF: control characters become visible replacements and
// very long values are cut with a marker saying how much was left out, so one hostile field
// cannot stretch a table row past a page.
import type { Messages } from '../i18n';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function pdfText(value: unknown, m: Messages, max = 1200): string {
  if (value === null || value === undefined) return '';
  // U+00B5 MICRO SIGN has no glyph in IPA Gothic; GREEK SMALL LETTER MU looks and reads the same.
  const s = String(value).replace(/\r\n?/g, '\n').replace(CONTROL, '\ufffd').replace(/\u00b5/g, '\u03bc');
  return s.length <= max ? s : s.slice(0, max) + m.truncated(s.length - max);
}
