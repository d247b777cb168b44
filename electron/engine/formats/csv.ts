// RFC 4180 CSV/TSV records for line formats. A quoted field may hold the delimiter, doubled
// quotes and newlines; the line pipeline joins physical lines while a record's quotes are
// still open (parseCsvRecord returns null -> the parser answers {kind:'more'}).

/**
 * Splits one record into fields; null when a quoted field is still open at the end of
 * the text (the record continues on the next line). Unquoted fields are kept as written;
 * a quote inside an unquoted field is literal (lenient, as Excel and most exporters read).
 */
export function parseCsvRecord(text: string, delimiter = ','): string[] | null {
  const fields: string[] = [];
  const d = delimiter.charCodeAt(0);
  let i = 0;
  const n = text.length;
  for (;;) {
    if (i < n && text.charCodeAt(i) === 34 /* " */) {
      // Quoted field: runs to the next quote that is not doubled.
      let value = '';
      let start = ++i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) return null;
        if (text.charCodeAt(q + 1) === 34) {
          value += text.slice(start, q + 1);
          i = start = q + 2;
          continue;
        }
        value += text.slice(start, q);
        i = q + 1;
        break;
      }
      // Anything between the closing quote and the delimiter is kept, not dropped.
      const next = text.indexOf(delimiter, i);
      const end = next === -1 ? n : next;
      fields.push(end > i ? value + text.slice(i, end) : value);
      if (next === -1) return fields;
      i = next + 1;
    } else {
      let next = i;
      while (next < n && text.charCodeAt(next) !== d) next++;
      fields.push(text.slice(i, next));
      if (next >= n) return fields;
      i = next + 1;
    }
  }
}

/** Header names cleaned for lookup: BOM and surrounding spaces removed. */
export function normalizeHeader(fields: readonly string[]): string[] {
  return fields.map((f, i) => (i === 0 ? f.replace(/^\ufeff/, '') : f).trim());
}

/** Maps a record's fields onto header names; extra fields get "_extra_N" names. */
export function recordObject(header: readonly string[], fields: readonly string[]): Record<string, string> {
  const o: Record<string, string> = Object.create(null) as Record<string, string>;
  for (let i = 0; i < fields.length; i++) o[i < header.length ? header[i]! : `_extra_${i}`] = fields[i]!;
  return o;
}
