// The generic importer's column mapping: how the rows of a CSV/TSV/JSON/JSONL file that no
// specific format recognizes become events. Proposed by the engine, corrected by the
// examiner, saved in the case for files with the same columns, exportable as JSON.
// Pure types and constants (the renderer imports this file).
import type { EventCategory } from './schema';
import type { CodedText } from './coded-text';

export const GENERIC_FORMAT_IDS = ['generic-csv', 'generic-json', 'generic-jsonl'] as const;
export type GenericFormatId = (typeof GENERIC_FORMAT_IDS)[number];

export const CSV_DELIMITERS = [',', '\t', ';', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/**
 * What a column becomes. "time" is a full timestamp; "date" plus "clock" (time of day) are
 * two columns read together as one timestamp. "extra" keeps the value in the event's
 * `extra` JSON (what unmapped columns get); "ignore" leaves it out of extra and message (the
 * original record stays readable through the event's provenance either way).
 */
export const MAPPING_TARGETS = [
  'time',
  'date',
  'clock',
  'host',
  'user',
  'src_ip',
  'src_port',
  'dst_ip',
  'dst_port',
  'url',
  'domain',
  'process_name',
  'process_path',
  'process_command_line',
  'process_pid',
  'parent_process_name',
  'parent_process_command_line',
  'file_path',
  'file_hash',
  'registry_path',
  'message',
  'action',
  'severity',
  'category',
  'http_status',
  'bytes_in',
  'bytes_out',
  'extra',
  'ignore',
] as const;
export type MappingTarget = (typeof MAPPING_TARGETS)[number];

/** Targets whose value is a whole number; a value that is not one stays in extra. */
export const INTEGER_TARGETS: readonly MappingTarget[] = ['src_port', 'dst_port', 'process_pid', 'http_status', 'bytes_in', 'bytes_out'];

export const TIMESTAMP_FORMATS = [
  'iso8601',
  'epoch_s',
  'epoch_ms',
  'epoch_us',
  'epoch_ns',
  'ymd',
  'mdy',
  'dmy',
  'rfc2822',
  'syslog',
  'ja',
] as const;
export type TimestampFormatId = (typeof TIMESTAMP_FORMATS)[number];

/** How each timestamp format reads, for the examiner choosing one. */
export const TIMESTAMP_FORMAT_LABELS: Readonly<Record<TimestampFormatId, string>> = {
  iso8601: 'ISO 8601 (2026-10-05T09:12:41.123+09:00; zone optional)',
  epoch_s: 'Epoch seconds (1791162761 or 1791162761.123)',
  epoch_ms: 'Epoch milliseconds (1791162761123)',
  epoch_us: 'Epoch microseconds (16 digits)',
  epoch_ns: 'Epoch nanoseconds (19 digits)',
  ymd: 'YYYY/MM/DD hh:mm:ss (Excel in Japan; also - or . between)',
  mdy: 'MM/DD/YYYY hh:mm:ss [AM/PM] (US)',
  dmy: 'DD/MM/YYYY hh:mm:ss (Europe)',
  rfc2822: 'RFC 2822 (Mon, 05 Oct 2026 09:12:41 +0900)',
  syslog: 'Syslog (Oct  5 09:12:41; year from the file date)',
  ja: '2026年10月5日 9時12分41秒',
};

export interface ColumnAssignment {
  /** The column's name: the CSV header (or "column N" without one), or a JSON dot path. */
  source: string;
  target: MappingTarget;
}

export interface ColumnMapping {
  version: 1;
  format: GenericFormatId;
  /** CSV/TSV layout. */
  csv?: {
    delimiter: CsvDelimiter;
    /** The first record after the skipped ones names the columns. */
    header: boolean;
    /** Records before the header (or the data) to skip: a title line, a report banner. */
    skipRecords: number;
  };
  /** JSON documents: the property of the top-level object holding the record array. */
  json?: { arrayKey?: string };
  columns: ColumnAssignment[];
  time: { format: TimestampFormatId };
  /** Zone for timestamps that carry none; absent: the file's zone chosen at ingest. */
  timezone?: string;
  /** Category of every event unless a column mapped to "category" names a valid one. */
  category: EventCategory;
}

export interface ColumnProposal {
  source: string;
  target: MappingTarget;
  /** 0..1; how sure the guess is. */
  confidence: number;
  /** Why: "name", "values: 100% IPv4", ... */
  reason: string;
  /** The same reason as a code, for a UI in another language (coded-text.ts). */
  reason_code?: CodedText;
  /** A few non-empty values as written. */
  samples: string[];
}

export interface TimestampProposal {
  /** The column (or date and clock columns) the timestamp is read from. */
  columns: string[];
  format: TimestampFormatId;
  confidence: number;
  /** Share of sampled non-empty values the format parses. */
  parseRate: number;
  /** Set when the values cannot tell the format apart (DD/MM vs MM/DD). */
  ambiguity?: string;
  /** Every format that parses at least one sample of the chosen column(s), best first. */
  candidates: { format: TimestampFormatId; parseRate: number }[];
}

export interface SavedMapping {
  id: number;
  name: string;
  signature: string;
  format: GenericFormatId;
  mapping: ColumnMapping;
  created_by: string;
  created_at: string;
}

export interface MappingProposal {
  /** The file's name as the examiner knows it. */
  name: string;
  encoding: string;
  /** Identifies files with the same layout (delimiter and header names, or JSON key set). */
  signature: string;
  /** Column names in file order. */
  sources: string[];
  /** The first records, one value per source ('' when absent). */
  rows: string[][];
  columns: ColumnProposal[];
  time: TimestampProposal | null;
  /** The proposed mapping, ready to use or correct. */
  mapping: ColumnMapping;
  /** The newest saved mapping for this signature, to preselect. */
  saved: SavedMapping | null;
  warnings: string[];
  /** `warnings` as codes (common/coded-text.ts), in the same order, for a UI in another language. */
  warning_codes?: CodedText[];
}

/** One sample row read with a mapping: the event time it gets, or why it would be rejected. */
export interface MappingPreviewRow {
  /** 1-based record number in the file. */
  record: number;
  time?: string;
  timeRaw?: string;
  timeZone?: string;
  host?: string;
  user?: string;
  message?: string;
  reject?: string;
  /** `reject` as a code (common/coded-text.ts) when the engine knows its wording. */
  reject_code?: CodedText;
}
