// What every export takes and returns. The PDF, XLSX, CSV and Timesketch writers share these, and
// the evidence package (export/package/) calls the same writers with the same options.
import type { DetectResult } from '../../common/detect';
import type { EventFilter } from '../../common/protocol';

export type ReportLanguage = 'en' | 'ja';
export const REPORT_LANGUAGES: readonly ReportLanguage[] = ['en', 'ja'];

export interface ExportOptions {
  language: ReportLanguage;
  /** Findings and the incident story to report; null when detection was not run. */
  detection: DetectResult | null;
  /** The timeline rows to export (XLSX, CSV, Timesketch); everything when absent. */
  filter?: EventFilter;
}

export interface ExportedFile {
  path: string;
  bytes: number;
  sha256: string;
}

export type ExportKind = 'pdf' | 'xlsx' | 'csv' | 'timesketch';
