// RFC 4180 CSV/TSV records for line formats. A quoted field may hold the delimiter, doubled
// quotes and newlines; the line pipeline joins physical lines while a record's quotes are
// still open (parseCsvRecord returns null -> the parser answers {kind:'more'}).
import type { ParseOutcome, RecordParser, SniffSample } from './types';

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

/** What a CSV export with a header row needs to say about itself. */
export interface HeadedCsvSpec {
  /** True for a header row of this product's columns. */
  isHeader(header: readonly string[]): boolean;
  /** Why a first row that is not such a header is refused. */
  headerReason: string;
  /** One data row, keyed by header names. */
  map(row: Record<string, string>): ParseOutcome;
}

/**
 * A parser for CSV exports whose first record names the columns: the header is checked
 * and skipped, quoted newlines ask for more input, and rows of the wrong width are
 * rejected rather than mapped onto the wrong columns.
 */
export function headedCsvParser(spec: HeadedCsvSpec): RecordParser {
  let header: string[] | null = null;
  return {
    parseLine(line: string): ParseOutcome {
      if (line.trim() === '') return { kind: 'skip' };
      const fields = parseCsvRecord(line);
      if (fields === null) return { kind: 'more' };
      if (!header) {
        const h = normalizeHeader(fields);
        if (!spec.isHeader(h)) return { kind: 'reject', reason: spec.headerReason };
        header = h;
        return { kind: 'skip' };
      }
      if (fields.length !== header.length) {
        return { kind: 'reject', reason: `${fields.length} fields where the header names ${header.length}` };
      }
      return spec.map(recordObject(header, fields));
    },
  };
}

/** Sniff for a headed CSV export: its first line must be the product's header row. */
export function sniffCsvHeader(sample: SniffSample, isHeader: (header: readonly string[]) => boolean): number {
  const first = sample.lines[0];
  // A BOM before a quoted first column would hide the quote from the CSV splitter.
  const fields = first === undefined ? null : parseCsvRecord(first.replace(/^\ufeff/, ''));
  return fields && isHeader(normalizeHeader(fields)) ? 0.95 : 0;
}
