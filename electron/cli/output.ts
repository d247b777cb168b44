// Writing results to stdout without buffering a large result whole.

/** Writes and waits when the pipe is full, so a huge query result streams. */
export async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) {
    await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
  }
}

export function warn(text: string): void {
  process.stderr.write(`tracelight: ${text}\n`);
}

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
