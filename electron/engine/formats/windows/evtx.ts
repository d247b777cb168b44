// Windows XML Event Log (.evtx) binaries: Sysmon, Security and every other channel, read
// by a parser of its own (evtx-chunk, evtx-binxml, evtx-values, evtx-xml); no external tool.
//
// Streaming: the reader holds one 64 KiB chunk at a time (templates and names are
// chunk-relative, so a chunk is the unit that can be expanded on its own), never the file.
// Each record becomes one ReadRecord whose offset/length are the record's own bytes in the
// file; `number` is the record's 1-based position in the file (EventRecordID is in extra).
//
// Which chunks hold records: every chunk slot up to the file header's chunk count, and
// beyond it (rolled-over or dirty logs whose header lags behind) any chunk whose signature
// and header CRC32 are valid. Other bytes beyond the count are unused slack, not records.
// A corrupt record is rejected with its reason and the reader resumes at the next record
// signature; a chunk whose record-data CRC32 does not match is still read, and its events
// say so in extra.evtx_warning. Records are read up to a chunk's free-space offset (bytes
// after it are unused space; slack-space record carving is not done).
//
// Time: System/TimeCreated/@SystemTime, a FILETIME: UTC (see evtx-map.ts).
import { closeSync, openSync, readSync } from 'node:fs';
import type { ParseContext, ReadRecord, RecordFormat, RecordReader, SniffSample } from '../types';
import { ChunkBinXml } from './evtx-binxml';
import {
  CHUNK_HEADER_SIZE,
  CHUNK_SIZE,
  FILE_HEADER_SIZE,
  RECORD_HEADER_SIZE,
  RECORD_MAGIC,
  frameRecords,
  hasChunkSignature,
  hasFileSignature,
  isZero,
  parseChunkHeader,
  parseFileHeader,
  type FileHeader,
} from './evtx-chunk';
import { eventOfRecord } from './evtx-map';
import { EvtxFormatError, filetimeToIso, hexDump } from './evtx-values';
import { renderXml } from './evtx-xml';

/** Bytes of a rejected region kept for display (as a hex dump). */
const REJECT_DUMP_BYTES = 256;

class EvtxReader implements RecordReader {
  private readonly headerBuf = Buffer.alloc(FILE_HEADER_SIZE);
  private headerFill = 0;
  private headerDone = false;
  private header: FileHeader | null = null;
  private readonly chunkBuf = Buffer.alloc(CHUNK_SIZE);
  private chunkFill = 0;
  /** File offset of chunk slot 0. */
  private dataStart = FILE_HEADER_SIZE;
  private chunkIndex = 0;
  private number = 0;

  *push(chunk: Buffer, _chunkOffset: number): Iterable<ReadRecord> {
    let i = 0;
    while (i < chunk.length) {
      if (!this.headerDone) {
        const n = Math.min(FILE_HEADER_SIZE - this.headerFill, chunk.length - i);
        chunk.copy(this.headerBuf, this.headerFill, i, i + n);
        this.headerFill += n;
        i += n;
        if (this.headerFill === FILE_HEADER_SIZE) yield* this.finishHeader();
        continue;
      }
      const n = Math.min(CHUNK_SIZE - this.chunkFill, chunk.length - i);
      chunk.copy(this.chunkBuf, this.chunkFill, i, i + n);
      this.chunkFill += n;
      i += n;
      if (this.chunkFill === CHUNK_SIZE) {
        yield* this.readChunk(CHUNK_SIZE);
        this.chunkFill = 0;
        this.chunkIndex++;
      }
    }
  }

  *end(): Iterable<ReadRecord> {
    if (!this.headerDone) {
      if (this.headerFill === 0) return;
      if (hasChunkSignature(this.headerBuf)) {
        // A headerless chunk, shorter than a file header: read what there is.
        this.headerDone = true;
        this.dataStart = 0;
        this.headerBuf.copy(this.chunkBuf, 0, 0, this.headerFill);
        this.chunkFill = this.headerFill;
      } else {
        yield this.reject(0, this.headerFill, this.headerBuf, 0, `file ends inside the EVTX file header (${this.headerFill} of ${FILE_HEADER_SIZE} bytes)`);
        return;
      }
    }
    if (this.chunkFill > 0) {
      yield* this.readChunk(this.chunkFill);
      this.chunkFill = 0;
    }
  }

  private *finishHeader(): Iterable<ReadRecord> {
    this.headerDone = true;
    if (hasFileSignature(this.headerBuf)) {
      this.header = parseFileHeader(this.headerBuf);
      return;
    }
    if (hasChunkSignature(this.headerBuf)) {
      // A chunk carved out of a log, without the file header: chunk slot 0 starts at 0.
      this.dataStart = 0;
      this.headerBuf.copy(this.chunkBuf, 0);
      this.chunkFill = FILE_HEADER_SIZE;
      return;
    }
    yield this.reject(0, FILE_HEADER_SIZE, this.headerBuf, 0, 'no EVTX file header ("ElfFile" signature); reading the chunks after it');
  }

  private reject(fileOffset: number, length: number, buf: Buffer, at: number, reason: string): ReadRecord {
    return {
      number: ++this.number,
      offset: fileOffset,
      length,
      outcome: { kind: 'reject', reason },
      raw: hexDump(buf, at, length, REJECT_DUMP_BYTES),
    };
  }

  private *readChunk(length: number): Iterable<ReadRecord> {
    const buf = this.chunkBuf;
    const fileOffset = this.dataStart + this.chunkIndex * CHUNK_SIZE;
    if (isZero(buf, 0, length)) return; // an unused (preallocated) chunk
    const index = this.chunkIndex;
    const inCount = this.header === null || index < this.header.chunkCount;
    const hdr = parseChunkHeader(buf, length);
    if (!hdr) {
      if (length < CHUNK_HEADER_SIZE && hasChunkSignature(buf)) {
        yield this.reject(fileOffset, length, buf, 0, `chunk ${index} at file offset ${fileOffset} is cut off inside its header (${length} bytes)`);
      } else if (inCount) {
        yield this.reject(fileOffset, length, buf, 0, `chunk ${index} at file offset ${fileOffset} has no "ElfChnk" signature`);
      } // else: slack beyond the chunks in use
      return;
    }
    if (!inCount && !hdr.headerChecksumOk) return; // a stale or overwritten chunk slot
    const warning =
      hdr.dataChecksumOk === false
        ? `chunk ${index} record data CRC32 mismatch (log dirty or altered)`
        : !hdr.headerChecksumOk
          ? `chunk ${index} header CRC32 mismatch`
          : undefined;
    const binxml = new ChunkBinXml(buf, length);
    for (const slice of frameRecords(buf, length, hdr)) {
      if (slice.kind === 'bad') {
        yield this.reject(fileOffset + slice.offset, slice.size, buf, slice.offset, `chunk ${index}: ${slice.reason}`);
        continue;
      }
      yield this.record(binxml, buf, fileOffset, slice.offset, slice.size, slice.recordId, index, warning);
    }
  }

  private record(
    binxml: ChunkBinXml,
    buf: Buffer,
    chunkFileOffset: number,
    offset: number,
    size: number,
    recordId: number,
    chunkIndex: number,
    warning: string | undefined,
  ): ReadRecord {
    const fileOffset = chunkFileOffset + offset;
    let result: ReturnType<typeof eventOfRecord>;
    try {
      const nodes = binxml.parse(offset + RECORD_HEADER_SIZE, offset + size - 4);
      result = eventOfRecord(nodes, filetimeToIso(buf, offset + 16));
    } catch (err) {
      const detail = err instanceof EvtxFormatError ? `${err.message} (chunk offset ${err.offset})` : (err as Error).message;
      return this.reject(fileOffset, size, buf, offset, `record ${recordId} (chunk ${chunkIndex}): ${detail}`);
    }
    if (typeof result === 'string') {
      return this.reject(fileOffset, size, buf, offset, `record ${recordId} (chunk ${chunkIndex}): ${result}`);
    }
    if (warning) result.extra = { ...result.extra, evtx_warning: warning };
    return { number: ++this.number, offset: fileOffset, length: size, outcome: { kind: 'events', events: [result] } };
  }
}

/** XML of the record at `offset` in a chunk buffer (`length` bytes of it present). */
export function renderEvtxRecordInChunk(chunk: Buffer, offset: number, length = chunk.length): string {
  if (offset < CHUNK_HEADER_SIZE || offset + RECORD_HEADER_SIZE > length) {
    throw new Error(`no EVTX record at chunk offset ${offset}`);
  }
  if (chunk.readUInt32LE(offset) !== RECORD_MAGIC) throw new Error(`no EVTX record signature at chunk offset ${offset}`);
  const size = chunk.readUInt32LE(offset + 4);
  if (size < RECORD_HEADER_SIZE + 4 || offset + size > length) throw new Error(`EVTX record at chunk offset ${offset} has a bad size (${size})`);
  const nodes = new ChunkBinXml(chunk, length).parse(offset + RECORD_HEADER_SIZE, offset + size - 4);
  return renderXml(nodes);
}

/**
 * The XML of the EVTX record at byte `offset` of `file` (an event's source_offset), read
 * with its chunk, which holds the templates and names the record refers to.
 */
export function renderEvtxRecordAt(file: string, offset: number): string {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(8);
    readSync(fd, head, 0, 8, 0);
    const dataStart = hasFileSignature(head) ? FILE_HEADER_SIZE : 0;
    if (offset < dataStart) throw new Error(`offset ${offset} is inside the EVTX file header`);
    const chunkStart = dataStart + Math.floor((offset - dataStart) / CHUNK_SIZE) * CHUNK_SIZE;
    const chunk = Buffer.alloc(CHUNK_SIZE);
    const got = readSync(fd, chunk, 0, CHUNK_SIZE, chunkStart);
    return renderEvtxRecordInChunk(chunk, offset - chunkStart, got);
  } finally {
    closeSync(fd);
  }
}

/**
 * What the record's bytes alone can show: its header fields and a hex dump. The XML needs
 * the record's chunk (templates and names live there): renderEvtxRecordAt(file, offset).
 */
function renderEvtxRecordBytes(bytes: Buffer): string {
  if (bytes.length < RECORD_HEADER_SIZE || bytes.readUInt32LE(0) !== RECORD_MAGIC) {
    return `Not an EVTX record (${bytes.length} bytes):\n${hexDump(bytes, 0, bytes.length, 4096)}`;
  }
  const id = bytes.readBigUInt64LE(8).toString();
  const written = filetimeToIso(bytes, 16);
  return (
    `EVTX record ${id}, written ${written}, ${bytes.readUInt32LE(4)} bytes. ` +
    `Its XML refers to templates stored elsewhere in its chunk; the record's bytes:\n${hexDump(bytes, 0, bytes.length, 4096)}`
  );
}

export const evtxFormat: RecordFormat = {
  id: 'evtx',
  name: 'Windows EVTX',
  family: 'windows',
  description: 'Windows XML Event Log binaries (.evtx): Sysmon, Security and any other channel',
  timeSemantics: 'UTC: System/TimeCreated/@SystemTime (a FILETIME)',
  sniff(sample: SniffSample): number {
    if (hasFileSignature(sample.head)) return 1;
    // A chunk carved from a log, without the file header.
    return hasChunkSignature(sample.head) ? 0.9 : 0;
  },
  createRecordReader(_ctx: ParseContext): RecordReader {
    return new EvtxReader();
  },
  renderRecord(bytes: Buffer, source: { file: string; offset: number }): string {
    // Templates and names live in the record's chunk: render from the file when it is there.
    try {
      return renderEvtxRecordAt(source.file, source.offset);
    } catch {
      return renderEvtxRecordBytes(bytes);
    }
  },
};
