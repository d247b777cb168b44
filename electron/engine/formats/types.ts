// The contract every log format module fulfils. Adding a format = one module that
// exports a FormatModule + registering it in registry.ts + a test on its real samples.
//
// Two kinds of format:
// - line formats (most logs, JSONL, CSV) implement createParser(): the pipeline splits the
//   file into lines and hands each one over; a parser may ask for the next line too
//   ({kind:'more'}) when a record spans lines (CSV with quoted newlines, multi-line XML).
// - record formats (EVTX, single JSON documents) implement createRecordReader(): they get
//   the raw byte chunks and say where each record starts and ends.
// Either way the pipeline reads, hashes and stores; formats never touch the file.

import type { ColumnMapping } from '../../common/import-mapping';
import type { ExtraMembers } from './extra-members';
import type { FormatInfo, NormalizedFields } from '../../common/schema';

/** What sniff() sees: the start of the file. */
export interface SniffSample {
  fileName: string;
  /** The first bytes of the file as written (up to 64 KiB). */
  head: Uint8Array;
  /**
   * Up to the first ~40 non-empty lines, decoded, without line terminators. Empty for a
   * binary file (NUL bytes, no text encoding fits).
   */
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
  /** The generic formats' column mapping (generic/): how rows become events. */
  mapping?: ColumnMapping;
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
  /**
   * extra already as the JSON object text to store (a format that builds it faster than an
   * object plus JSON.stringify); when set, it is stored as is and `extra` is not looked at.
   */
  extraJson?: string;
  /**
   * extra as its members (formats/extra-members.ts): encoded without its text being written
   * and read again. When set, neither extraJson nor extra is set; its text is extraTextOf(e).
   */
  extraMembers?: ExtraMembers;
}

export type ParseOutcome =
  /** One record may yield several events (e.g. a watchlist hit naming several processes). */
  | { kind: 'events'; events: ParsedEvent[] }
  /** Not a record: a header, comment or blank line. Counted, not stored as an event. */
  | { kind: 'skip' }
  /** A record that could not be understood. Stored with its line number and this reason. */
  | { kind: 'reject'; reason: string }
  /**
   * Line formats only: the record continues on the next line. The pipeline calls
   * parseLine again with the lines joined by "\n" (up to a size limit, then it rejects).
   */
  | { kind: 'more' };

export interface RecordParser {
  /**
   * Parse one record's text: a physical line without its terminator, or several joined
   * by "\n" after {kind:'more'}. lineNumber is the 1-based number of its first line.
   */
  parseLine(line: string, lineNumber: number): ParseOutcome;
}

/** A record found by a RecordReader, with where it sits in the file. */
export interface ReadRecord {
  /** 1-based record number (or line number, for text documents). */
  number: number;
  /** Byte offset and length of the record in the file. */
  offset: number;
  length: number;
  outcome: ParseOutcome;
  /** For rejects: what to show of the record (text, or a hex dump for binary data). */
  raw?: string;
}

export interface RecordReader {
  /** Feed the next chunk of the file; `chunkOffset` is its byte offset. */
  push(chunk: Buffer, chunkOffset: number): Iterable<ReadRecord>;
  /** The file has ended; flush what is left (a truncated record becomes a reject). */
  end(): Iterable<ReadRecord>;
}

interface FormatBase extends FormatInfo {
  /**
   * Cheap, fail-fast recognition from content (never from the file name alone).
   * Returns a confidence in [0, 1]; 0 means "not this format". Called for every file,
   * so it should reject on the first thing that does not fit. Line formats usually
   * combine per-line checks with lineVote() (first line must fit, most others too).
   */
  sniff(sample: SniffSample): number;
}

export interface LineFormat extends FormatBase {
  createParser(ctx: ParseContext): RecordParser;
  createRecordReader?: undefined;
  renderRecord?: undefined;
}

export interface RecordFormat extends FormatBase {
  createRecordReader(ctx: ParseContext): RecordReader;
  createParser?: undefined;
  /**
   * The record as a person reads it (e.g. EVTX BinXML rendered as XML). Gets the record's
   * bytes and where they sit, for formats whose records refer to shared tables elsewhere
   * in the file (EVTX templates live in the chunk). Without it, the bytes are decoded as
   * text in the file's encoding.
   */
  renderRecord?(bytes: Buffer, source: { file: string; offset: number }): string;
}

export type FormatModule = LineFormat | RecordFormat;
