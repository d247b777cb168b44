// One CSV cell, shared by `query --csv` and the timeline CSV export.

/**
 * A CSV cell (RFC 4180 quoting). Cells that a spreadsheet would run as a formula get a
 * leading apostrophe (OWASP "CSV injection"): =, +, -, @, tab, CR.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}
