// The shapes shared by the JSON document scanner, its parts and the reader built on it.

export interface JsonDocumentLayout {
  /** Property names of a top-level object whose array value holds the records, in priority order. */
  arrayKeys?: readonly string[];
  /** A top-level object that has none of arrayKeys is itself one record. */
  singleObject?: boolean;
  /** Every member value of the top-level object is a record (its name is passed to the mapper). */
  members?: boolean;
}

/** A record may not grow past this (as for a line spanning records in the line pipeline). */
export const MAX_JSON_RECORD_BYTES = 64 * 1024 * 1024;

/** A complete record's bytes as the scanner found them. */
export interface ScannedRecord {
  offset: number;
  length: number;
  /** Undefined when the record exceeded the size limit (its bytes were not kept). */
  bytes?: Buffer;
  key?: string;
  /** Set when the record could not be completed or is not part of the layout. */
  problem?: string;
}

/** JSON white space, by byte. */
export const WS = new Uint8Array(256);
for (const c of [0x20, 0x09, 0x0a, 0x0d]) WS[c] = 1;
