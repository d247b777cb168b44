// The contract every log format module fulfils. Adding a format = one module that
// exports a FormatModule + registering it in registry.ts + a test on its real samples.

import type { FormatInfo, NormalizedFields } from '../../common/schema';

/** What sniff() sees: the start of the file, already decoded. */
export interface SniffSample {
  fileName: string;
  /** Up to the first ~40 non-empty lines (without line terminators). */
  lines: string[];
}

export interface ParseContext {
  fileName: string;
  /**
   * Zone for timestamps that carry none: an IANA name ("Asia/Tokyo") or "UTC".
   * Timestamps that carry a zone or are epoch-based ignore it.
   */
  timezone: string;
  /** Year for year-less syslog timestamps. */
  baseYear: number;
}

/** One normalized event produced from one source record. */
export interface ParsedEvent extends NormalizedFields {
  /** UTC epoch milliseconds. */
  ts: number;
  /** The timestamp exactly as the source wrote it. */
  timeRaw: string;
  /**
   * How ts was derived: "UTC" (epoch or Z), a source-stated offset ("+09:00"),
   * or the assumed zone for zone-less stamps ("Asia/Tokyo (assumed)").
   */
  timeZone: string;
  /** Format-specific fields kept alongside the normalized ones. */
  extra?: Record<string, unknown>;
}

export type ParseOutcome =
  /** One record may yield several events (e.g. a watchlist hit naming several processes). */
  | { kind: 'events'; events: ParsedEvent[] }
  /** Not a record: a header, comment or blank line. Counted, not stored as an event. */
  | { kind: 'skip' }
  /** A record that could not be understood. Stored with its line number and this reason. */
  | { kind: 'reject'; reason: string };

export interface RecordParser {
  /** Parse one physical line (without its terminator). lineNumber is 1-based. */
  parseLine(line: string, lineNumber: number): ParseOutcome;
}

export interface FormatModule extends FormatInfo {
  /**
   * Cheap, fail-fast recognition from content (never from the file name alone).
   * Returns a confidence in [0, 1]; 0 means "not this format". Called often, so it
   * should fail on the first line that does not fit.
   */
  sniff(sample: SniffSample): number;
  createParser(ctx: ParseContext): RecordParser;
}
