// An indicator file recognized among dropped files and kept as one of the case's IOC files.
export interface IngestedIndicatorFile {
  name: string;
  sha256: string;
  format: 'stix' | 'misp' | 'csv' | 'plain';
  /** Indicators read from it (what detection will match). */
  indicators: number;
  /** Entries that were not indicators (a report link, a description). */
  skipped: number;
  /** The same bytes were already one of the case's IOC files; nothing new was recorded. */
  alreadyKept: boolean;
}
