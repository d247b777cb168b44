// Exports as the renderer asks for them (types only). The engine writes the files; in serve
// mode into the case's exports folder, from which the page downloads them.
import type { EventFilter } from './protocol';

export type ExportFormat = 'pdf' | 'xlsx' | 'csv' | 'timesketch';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['pdf', 'xlsx', 'csv', 'timesketch'];
export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { pdf: 'pdf', xlsx: 'xlsx', csv: 'csv', timesketch: 'jsonl' };

export type ExportLanguage = 'en' | 'ja';

/** Which detection result the PDF and XLSX show: the last run in this session, a new run, or none. */
export type ExportDetection = 'last' | 'run' | 'none';

export interface ExportRunArgs {
  formats: ExportFormat[];
  language: ExportLanguage;
  detection: ExportDetection;
  /** The timeline filter for the XLSX, CSV and Timesketch rows (everything when absent). */
  filter?: EventFilter;
  /** Desktop only: where the native save dialog said to write each format. */
  paths?: Partial<Record<ExportFormat, string>>;
  /** Desktop only: replace a file the save dialog confirmed overwriting. */
  overwrite?: boolean;
}

export interface ExportedFileInfo {
  kind: ExportFormat;
  /** File name (serve mode: inside the case's exports folder). */
  name: string;
  path: string;
  bytes: number;
  sha256: string;
  rows: number;
  /** Serve mode: the URL path the page downloads it from (same token cookie). */
  download?: string;
}

export interface ExportRunResult {
  files: ExportedFileInfo[];
  /** Whether findings and the incident story went into the report. */
  detectionIncluded: boolean;
  /** Set when the case is read-only: the files exist but the custody log does not mention them. */
  notRecordedReason?: string;
}
