// The layout of a delimited text file: which delimiter (comma, tab, semicolon, pipe), how
// many records of preamble come before the table (a report title Excel users leave in),
// and whether the first table record names the columns. Decided from the sampled lines the
// way a person would: the delimiter that splits most records into the same number of
// fields, the first record of that width, a header when its cells read as names and not as
// the times, numbers and addresses below them.
import { CSV_DELIMITERS, type CsvDelimiter } from '../../../common/import-mapping';
import { normalizeHeader, parseCsvRecord } from '../csv';
import { isIpv4 } from '../net';

export interface CsvRecord {
  /** 1-based line number of the record's first line. */
  line: number;
  fields: string[];
}

/** Quoted fields may span lines; a record is not joined past this many lines in a sample. */
const MAX_JOINED_LINES = 200;

/** The sampled lines as records: blank lines skipped, quoted newlines joined. */
export function csvRecords(lines: readonly string[], delimiter: string, max = Infinity): CsvRecord[] {
  const out: CsvRecord[] = [];
  for (let i = 0; i < lines.length && out.length < max; i++) {
    if (lines[i]!.trim() === '') continue;
    let text = lines[i]!;
    let fields = parseCsvRecord(text, delimiter);
    let j = i;
    while (fields === null && j + 1 < lines.length && j - i < MAX_JOINED_LINES) {
      text += '\n' + lines[++j]!;
      fields = parseCsvRecord(text, delimiter);
    }
    // A quote still open at the end of the sample: the record is cut off; stop there.
    if (fields === null) break;
    out.push({ line: i + 1, fields });
    i = j;
  }
  return out;
}

export interface CsvLayout {
  delimiter: CsvDelimiter;
  skipRecords: number;
  header: boolean;
  /** Column names: the header's cells (made unique), or "column N". */
  sources: string[];
  /** The data records of the sample (after preamble and header). */
  rows: CsvRecord[];
}

function modalWidth(records: readonly CsvRecord[]): { width: number; share: number } {
  const counts = new Map<number, number>();
  for (const r of records) counts.set(r.fields.length, (counts.get(r.fields.length) ?? 0) + 1);
  let width = 0;
  let best = 0;
  for (const [w, c] of counts) if (c > best || (c === best && w > width)) [width, best] = [w, c];
  return { width, share: records.length ? best / records.length : 0 };
}

function detectDelimiter(lines: readonly string[]): CsvDelimiter {
  let best: { d: CsvDelimiter; score: number } = { d: ',', score: -1 };
  for (const d of CSV_DELIMITERS) {
    const records = csvRecords(lines, d, 200);
    const { width, share } = modalWidth(records);
    if (width < 2) continue;
    // Consistency first; among equally consistent splits, more columns is the real one
    // (a comma inside TSV text splits only some rows).
    const score = share * 100 + Math.min(width, 50) / 100;
    if (score > best.score) best = { d, score };
  }
  return best.d;
}

/** Cells that are data, not names: numbers, times, addresses, URLs. */
function looksLikeData(cell: string): boolean {
  const c = cell.trim();
  return /^[-+]?\d+(?:[.,]\d+)?$/.test(c) || /^\d{1,4}[-/.年]\d{1,2}[-/.月]\d{1,4}/.test(c) || isIpv4(c) || /^https?:\/\//i.test(c);
}

/** Header cells made usable as column names: trimmed, "column N" when empty, unique. */
export function headerSources(cells: readonly string[]): string[] {
  const names = normalizeHeader(cells);
  const seen = new Map<string, number>();
  return names.map((raw, i) => {
    let name = raw === '' ? `column ${i + 1}` : raw;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n > 1) name = `${name} (${n})`;
    return name;
  });
}

export function positionalSources(width: number): string[] {
  return Array.from({ length: width }, (_, i) => `column ${i + 1}`);
}

export function detectCsvLayout(lines: readonly string[], forced?: CsvDelimiter): CsvLayout {
  const delimiter = forced ?? detectDelimiter(lines);
  const records = csvRecords(lines, delimiter, 1000);
  const { width } = modalWidth(records);
  // Preamble: records before the first one of the table's width (only near the top).
  let skipRecords = records.findIndex((r) => r.fields.length === width);
  if (skipRecords < 0 || skipRecords > 20) skipRecords = 0;
  const first = records[skipRecords];
  // A header may leave a cell empty (an index column) but names most of them.
  const named = first ? first.fields.filter((c) => c.trim() !== '').length : 0;
  const header = first !== undefined && named * 2 >= first.fields.length && !first.fields.some(looksLikeData);
  const sources = header ? headerSources(first.fields) : positionalSources(Math.max(width, first?.fields.length ?? 0));
  return { delimiter, skipRecords, header, sources, rows: records.slice(skipRecords + (header ? 1 : 0)) };
}
