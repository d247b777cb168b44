// A column mapping from outside the engine (the renderer, a JSON file an examiner edited or
// brought from another case) is checked field by field and rebuilt from known values only,
// so nothing unexpected reaches the parser, the custody log or the case.
import type { CodedText } from '../../../common/coded-text';
import {
  CSV_DELIMITERS,
  GENERIC_FORMAT_IDS,
  MAPPING_TARGETS,
  TIMESTAMP_FORMATS,
  type ColumnAssignment,
  type ColumnMapping,
} from '../../../common/import-mapping';
import { EVENT_CATEGORIES } from '../../../common/schema';
import { isValidTimeZone } from '../../time/zone';
import { quoted } from './quoted';

export class MappingError extends Error {
  override name = 'MappingError';
  /** The message as a code (common/coded-text.ts) where an examiner can meet it in the UI. */
  readonly coded: CodedText | undefined;

  constructor(message: string, coded?: CodedText) {
    super(message);
    this.coded = coded;
  }
}

const MAX_COLUMNS = 2000;
const MAX_SOURCE = 1024;

function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new MappingError(`${what} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')} (got ${quoted(value)})`);
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MappingError(`${what} must be an object`);
  return value as Record<string, unknown>;
}

/**
 * The mapping, validated; accepts a saved-mapping export ({name, mapping: {...}}) too.
 * Throws MappingError naming the first problem.
 */
export function validateMapping(input: unknown): ColumnMapping {
  let o = record(input, 'a column mapping');
  if (o.mapping !== undefined && o.columns === undefined) o = record(o.mapping, 'mapping');
  if (o.version !== 1) throw new MappingError(`unsupported mapping version ${quoted(o.version)} (expected 1)`);
  const format = oneOf(o.format, GENERIC_FORMAT_IDS, 'format');
  if (!Array.isArray(o.columns) || o.columns.length === 0) throw new MappingError('columns must be a non-empty array');
  if (o.columns.length > MAX_COLUMNS) throw new MappingError(`at most ${MAX_COLUMNS} columns`);
  const seen = new Set<string>();
  const columns: ColumnAssignment[] = o.columns.map((c: unknown, i: number) => {
    const col = record(c, `columns[${i}]`);
    if (typeof col.source !== 'string' || col.source === '' || col.source.length > MAX_SOURCE) {
      throw new MappingError(`columns[${i}].source must be a column name`);
    }
    if (seen.has(col.source)) throw new MappingError(`column ${quoted(col.source)} is listed twice`, { code: 'mapping.twice', params: { column: quoted(col.source) } });
    seen.add(col.source);
    return { source: col.source, target: oneOf(col.target, MAPPING_TARGETS, `columns[${i}].target`) };
  });
  const count = (t: string): number => columns.filter((c) => c.target === t).length;
  for (const t of ['time', 'date', 'clock']) if (count(t) > 1) throw new MappingError(`only one column can be "${t}"`, { code: 'mapping.onlyOne', params: { target: t } });
  if (count('time') === 0 && count('date') === 0) throw new MappingError('no column is mapped to "time" (or "date")', { code: 'mapping.noTime' });
  if (count('time') === 1 && count('date') + count('clock') > 0) throw new MappingError('map either "time" or "date" (+ "clock"), not both', { code: 'mapping.timeOrDate' });
  if (count('clock') === 1 && count('date') === 0) throw new MappingError('"clock" needs a "date" column', { code: 'mapping.clockNeedsDate' });
  const time = record(o.time, 'time');
  const mapping: ColumnMapping = {
    version: 1,
    format,
    columns,
    time: { format: oneOf(time.format, TIMESTAMP_FORMATS, 'time.format') },
    category: o.category === undefined ? 'other' : oneOf(o.category, EVENT_CATEGORIES, 'category'),
  };
  if (format === 'generic-csv') {
    const csv = o.csv === undefined ? {} : record(o.csv, 'csv');
    const skip = csv.skipRecords ?? 0;
    if (!Number.isInteger(skip) || (skip as number) < 0 || (skip as number) > 10000) throw new MappingError('csv.skipRecords must be a whole number 0-10000');
    if (csv.header !== undefined && typeof csv.header !== 'boolean') throw new MappingError('csv.header must be true or false');
    mapping.csv = {
      delimiter: csv.delimiter === undefined ? ',' : oneOf(csv.delimiter, CSV_DELIMITERS, 'csv.delimiter'),
      header: csv.header !== false,
      skipRecords: skip as number,
    };
  }
  if (format === 'generic-json' && o.json !== undefined) {
    const json = record(o.json, 'json');
    if (json.arrayKey !== undefined && (typeof json.arrayKey !== 'string' || json.arrayKey.length > MAX_SOURCE)) {
      throw new MappingError('json.arrayKey must be a property name');
    }
    mapping.json = typeof json.arrayKey === 'string' && json.arrayKey ? { arrayKey: json.arrayKey } : {};
  }
  if (o.timezone !== undefined && o.timezone !== null && o.timezone !== '') {
    if (typeof o.timezone !== 'string' || !isValidTimeZone(o.timezone)) throw new MappingError(`unknown time zone ${quoted(o.timezone)}`, { code: 'mapping.zone', params: { zone: quoted(o.timezone) } });
    mapping.timezone = o.timezone;
  }
  return mapping;
}
