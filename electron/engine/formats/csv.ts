// RFC 4180 CSV/TSV records for line formats. A quoted field may hold the delimiter, doubled
// quotes and newlines; the line pipeline joins physical lines while a record's quotes are
// still open (parseCsvRecord returns null -> the parser answers {kind:'more'}).
import type { ParseOutcome, RecordParser, SniffSample } from './types';

/**
 * Splits one record into fields; null when a quoted field is still open at the end of
 * the text (the record continues on the next line). Unquoted fields are kept as written;
 * a quote inside an unquoted field is literal (lenient, as Excel and most exporters read).
 */
export function parseCsvRecord(text: string, delimiter = ',', width = 0): string[] | null {
  if (delimiter.length !== 1) throw new Error(`CSV delimiter must be one character, not "${delimiter}"`);
  // `width` (the fields a header names, when known) sizes the array once rather than
  // growing it field by field (capped: a hostile header of a million names must not cost
  // a million slots per short line); the result has as many entries as the record has fields.
  const fields: string[] = width > 0 ? new Array<string>(Math.min(width, 1024)) : [];
  let k = 0;
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
      fields[k++] = end > i ? value + text.slice(i, end) : value;
      if (next === -1) break;
      i = next + 1;
    } else {
      // A native search per field: 2-3x faster than a charCodeAt loop on 40-column rows.
      const next = text.indexOf(delimiter, i);
      if (next === -1) {
        fields[k++] = text.slice(i);
        break;
      }
      fields[k++] = text.slice(i, next);
      i = next + 1;
    }
  }
  // Setting length is a runtime call: only when the header's width was not the record's.
  if (fields.length !== k) fields.length = k;
  return fields;
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

/**
 * A header compiled once per file, for formats that read rows by position instead of
 * building an object of 40+ keys per row (V8 keeps such an object in dictionary mode).
 */
export interface CsvColumns {
  /** Header names as cleaned, one per field. */
  readonly names: readonly string[];
  /**
   * The distinct names in the order recordObject's object lists them (for-in, JSON.stringify:
   * array-index names first, ascending, then first appearance) ...
   */
  readonly keys: readonly string[];
  /** ... and the field each one's value is in (a repeated name: its last field, as there). */
  readonly keyField: Int32Array;
}

export function csvColumns(names: readonly string[]): CsvColumns {
  // The object recordObject would build, with field numbers for values: the engine's own
  // property order, so nothing here restates its rules.
  const probe = Object.create(null) as Record<string, number>;
  for (let i = 0; i < names.length; i++) probe[names[i]!] = i;
  const keys: string[] = [];
  const fields: number[] = [];
  for (const key in probe) {
    keys.push(key);
    fields.push(probe[key]!);
  }
  return { names, keys, keyField: Int32Array.from(fields) };
}

/** Maps one data row's fields (as many as the header names). */
export type CsvRowMapper = (fields: string[]) => ParseOutcome;

/** What a CSV export with a header row needs to say about itself. */
export type HeadedCsvSpec = {
  /** True for a header row of this product's columns. */
  isHeader(header: readonly string[]): boolean;
  /** Why a first row that is not such a header is refused. */
  headerReason: string;
} & (
  | {
      /** One data row, keyed by header names. */
      map(row: Record<string, string>): ParseOutcome;
      compile?: undefined;
    }
  | {
      /** Called once with the header: the mapper of every data row (read by position). */
      compile(columns: CsvColumns): CsvRowMapper;
      map?: undefined;
    }
);

function rowMapper(spec: HeadedCsvSpec, header: string[]): CsvRowMapper {
  if (spec.compile) return spec.compile(csvColumns(header));
  const map = spec.map;
  return (fields) => map(recordObject(header, fields));
}

/**
 * A parser for CSV exports whose first record names the columns: the header is checked
 * and skipped, quoted newlines ask for more input, and rows of the wrong width are
 * rejected rather than mapped onto the wrong columns.
 */
export function headedCsvParser(spec: HeadedCsvSpec): RecordParser {
  let width = -1;
  let mapRow: CsvRowMapper | null = null;
  return {
    parseLine(line: string): ParseOutcome {
      if (line.trim() === '') return { kind: 'skip' };
      const fields = parseCsvRecord(line, ',', width);
      if (fields === null) return { kind: 'more' };
      if (!mapRow) {
        const h = normalizeHeader(fields);
        if (!spec.isHeader(h)) return { kind: 'reject', reason: spec.headerReason };
        width = h.length;
        mapRow = rowMapper(spec, h);
        return { kind: 'skip' };
      }
      if (fields.length !== width) {
        return { kind: 'reject', reason: `${fields.length} fields where the header names ${width}` };
      }
      return mapRow(fields);
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
