// An indicator file recognized among dropped files and kept as one of the case's IOC files.
import type { CodedText } from './coded-text';

/** An entry of the file that was not kept as an indicator, and why (with its code for the UI). */
export interface SkippedIndicatorEntry {
  /** Line (plain, CSV) or object index (STIX, MISP); null when the file as a whole is meant. */
  line: number | null;
  reason: string;
  reason_code?: CodedText;
}
export interface IngestedIndicatorFile {
  name: string;
  sha256: string;
  format: 'stix' | 'misp' | 'csv' | 'plain';
  /** Indicators read from it (what detection will match). */
  indicators: number;
  /** Entries that were not indicators (a report link, a description). */
  skipped: number;
  /** The first few skipped entries with their reasons (all of them are in `skipped`). */
  skippedFirst?: SkippedIndicatorEntry[];
  /** The same bytes were already one of the case's IOC files; nothing new was recorded. */
  alreadyKept: boolean;
}
