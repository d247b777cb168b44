// A value from the evidence or from a mapping file, as a reject reason or an error shows it:
// quoted as JSON (so a line break or a control character in a CSV header or cell cannot split
// the one-line reason) and cut to a readable length (a field may be megabytes).

export function quoted(value: unknown, max = 80): string {
  if (typeof value === 'string') {
    return value.length > max ? `${JSON.stringify(value.slice(0, max)).slice(0, -1)}…"` : JSON.stringify(value);
  }
  const s = JSON.stringify(value) ?? String(value);
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
