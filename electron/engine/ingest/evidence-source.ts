// Evidence whose bytes do not come straight from a file on disk: an entry inside a .zip.
// The ingest pass hashes what `read` reports as raw (the entry's bytes, the evidence as
// given) and parses what it yields (the same bytes, or their gunzipped content for a .gz
// inside the zip), exactly as it does for a .gz file.

export interface EvidenceSource {
  /** Bytes of the evidence as given (the entry's uncompressed size). */
  size: number;
  mtime: Date;
  /** Stored as evidence.container: 'zip', or 'zip+gzip' for a .gz inside a zip. */
  container: string;
  /** The first 64 KiB of the content to parse (for sniffing), and whether that is all of it. */
  head(): Promise<{ head: Buffer; wholeContent: boolean }>;
  /** One pass over the content; `onRaw` sees the evidence's bytes for hashing. */
  read(onRaw: (raw: Buffer) => void): AsyncIterable<Buffer>;
  /** Evidence row of the archive this entry belongs to, and the entry's path inside it. */
  parentId: number;
  entryName: string;
}
