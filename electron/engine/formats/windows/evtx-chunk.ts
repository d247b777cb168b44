// EVTX file layout (libyal "Windows XML Event Log (EVTX) format"): a 4096-byte file
// header ("ElfFile\0"), then 64 KiB chunks ("ElfChnk\0"), each a 512-byte header (record
// numbers, free space offset, CRC32s, the string and template offset tables) followed
// by event records: "**\0\0", size, record identifier, written FILETIME, BinXML, size.
import zlib from 'node:zlib';

export const FILE_HEADER_SIZE = 4096;
export const CHUNK_SIZE = 65536;
export const CHUNK_HEADER_SIZE = 512;
export const RECORD_HEADER_SIZE = 24;
/** Header, at least a fragment header and end token, and the trailing size copy. */
const MIN_RECORD_SIZE = RECORD_HEADER_SIZE + 4;

const FILE_SIGNATURE = Buffer.from('ElfFile\0', 'latin1');
const CHUNK_SIGNATURE = Buffer.from('ElfChnk\0', 'latin1');
export const RECORD_MAGIC = 0x00002a2a;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** zlib's native CRC-32 (Node 20.15+); the table version below otherwise. */
const nativeCrc32: ((data: Uint8Array, value?: number) => number) | undefined = (zlib as { crc32?: (d: Uint8Array, v?: number) => number }).crc32;

/** CRC-32 as in RFC 1952 (zlib), continuing from `crc` (0 to start). */
export function crc32(buf: Uint8Array, start: number, end: number, crc = 0): number {
  if (nativeCrc32 && end > start) return nativeCrc32(buf.subarray(start, end), crc) >>> 0;
  let c = ~crc >>> 0;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

export interface FileHeader {
  firstChunk: number;
  lastChunk: number;
  nextRecordId: number;
  majorVersion: number;
  minorVersion: number;
  /** Where the first chunk starts (4096 in every file seen). */
  headerBlockSize: number;
  chunkCount: number;
  flags: number;
  checksumOk: boolean;
}

export function hasFileSignature(head: Uint8Array): boolean {
  if (head.length < 8) return false;
  for (let i = 0; i < 8; i++) if (head[i] !== FILE_SIGNATURE[i]) return false;
  return true;
}

export function parseFileHeader(buf: Buffer): FileHeader | null {
  if (buf.length < 128 || !hasFileSignature(buf)) return null;
  return {
    firstChunk: Number(buf.readBigUInt64LE(8)),
    lastChunk: Number(buf.readBigUInt64LE(16)),
    nextRecordId: Number(buf.readBigUInt64LE(24)),
    minorVersion: buf.readUInt16LE(36),
    majorVersion: buf.readUInt16LE(38),
    headerBlockSize: buf.readUInt16LE(40),
    chunkCount: buf.readUInt16LE(42),
    flags: buf.readUInt32LE(120),
    checksumOk: buf.readUInt32LE(124) === crc32(buf, 0, 120),
  };
}

export interface ChunkHeader {
  firstRecordNumber: number;
  lastRecordNumber: number;
  firstRecordId: number;
  lastRecordId: number;
  lastRecordOffset: number;
  freeSpaceOffset: number;
  headerChecksumOk: boolean;
  /** Null when the chunk is cut short and the records' CRC cannot be checked. */
  dataChecksumOk: boolean | null;
}

export function hasChunkSignature(buf: Uint8Array, at = 0): boolean {
  if (buf.length < at + 8) return false;
  for (let i = 0; i < 8; i++) if (buf[at + i] !== CHUNK_SIGNATURE[i]) return false;
  return true;
}

/** The chunk header of `buf` (a chunk, `length` bytes of it present); null without signature. */
export function parseChunkHeader(buf: Buffer, length: number): ChunkHeader | null {
  if (length < CHUNK_HEADER_SIZE || !hasChunkSignature(buf)) return null;
  const freeSpaceOffset = buf.readUInt32LE(48);
  const headerCrc = crc32(buf, 128, CHUNK_HEADER_SIZE, crc32(buf, 0, 120));
  let dataChecksumOk: boolean | null = null;
  if (freeSpaceOffset >= CHUNK_HEADER_SIZE && freeSpaceOffset <= length) {
    dataChecksumOk = buf.readUInt32LE(52) === crc32(buf, CHUNK_HEADER_SIZE, freeSpaceOffset);
  } else if (freeSpaceOffset > CHUNK_SIZE || freeSpaceOffset < CHUNK_HEADER_SIZE) {
    dataChecksumOk = false;
  }
  return {
    firstRecordNumber: Number(buf.readBigUInt64LE(8)),
    lastRecordNumber: Number(buf.readBigUInt64LE(16)),
    firstRecordId: Number(buf.readBigUInt64LE(24)),
    lastRecordId: Number(buf.readBigUInt64LE(32)),
    lastRecordOffset: buf.readUInt32LE(44),
    freeSpaceOffset,
    headerChecksumOk: buf.readUInt32LE(124) === headerCrc,
    dataChecksumOk,
  };
}

/** A stretch of a chunk: a well-framed record, or bytes that are not one. */
export type ChunkSlice =
  | { kind: 'record'; offset: number; size: number; recordId: number }
  | { kind: 'bad'; offset: number; size: number; reason: string };

function isRecordStart(buf: Buffer, at: number, end: number): boolean {
  return at + 8 <= end && buf.readUInt32LE(at) === RECORD_MAGIC;
}

/**
 * Frames the records of a chunk: each one must start with the magic, and its size must
 * fit and be repeated in its last 4 bytes. Bytes that do not frame as a record are
 * reported as one 'bad' slice up to the next magic, so one corrupt record never hides
 * the ones after it. `length`: bytes of the chunk present (a cut file holds fewer).
 */
export function* frameRecords(buf: Buffer, length: number, header: ChunkHeader): Generator<ChunkSlice> {
  let end = header.freeSpaceOffset;
  if (end < CHUNK_HEADER_SIZE || end > CHUNK_SIZE) end = CHUNK_SIZE;
  const cut = end > length;
  if (cut) end = length;
  let pos = CHUNK_HEADER_SIZE;
  while (pos + 4 <= end) {
    if (!isRecordStart(buf, pos, end)) {
      if (isZero(buf, pos, end)) return; // unused space
      const next = findMagic(buf, pos + 1, end);
      yield { kind: 'bad', offset: pos, size: next - pos, reason: `no record signature at chunk offset ${pos}` };
      pos = next;
      continue;
    }
    const size = buf.readUInt32LE(pos + 4);
    const recordId = pos + 16 <= end ? Number(buf.readBigUInt64LE(pos + 8)) : -1;
    if (size < MIN_RECORD_SIZE || size > CHUNK_SIZE - CHUNK_HEADER_SIZE) {
      const next = findMagic(buf, pos + 4, end);
      yield { kind: 'bad', offset: pos, size: next - pos, reason: `record ${recordId} at chunk offset ${pos}: implausible size ${size}` };
      pos = next;
      continue;
    }
    if (pos + size > end) {
      if (cut) {
        yield { kind: 'bad', offset: pos, size: end - pos, reason: `record ${recordId} at chunk offset ${pos} is cut off: ${size} bytes declared, ${end - pos} in the file` };
        return;
      }
      const next = findMagic(buf, pos + 4, end);
      yield { kind: 'bad', offset: pos, size: next - pos, reason: `record ${recordId} at chunk offset ${pos}: size ${size} runs past the chunk's records` };
      pos = next;
      continue;
    }
    if (buf.readUInt32LE(pos + size - 4) !== size) {
      const next = findMagic(buf, pos + 4, end);
      yield { kind: 'bad', offset: pos, size: next - pos, reason: `record ${recordId} at chunk offset ${pos}: size ${size} is not repeated at its end` };
      pos = next;
      continue;
    }
    yield { kind: 'record', offset: pos, size, recordId };
    pos += size;
  }
  if (pos < end && !isZero(buf, pos, end)) {
    yield { kind: 'bad', offset: pos, size: end - pos, reason: `${end - pos} stray bytes at chunk offset ${pos}` };
  }
}

function findMagic(buf: Buffer, from: number, end: number): number {
  let i = from;
  while (i + 4 <= end) {
    const j = buf.indexOf(0x2a, i);
    if (j < 0 || j + 4 > end) return end;
    if (buf[j + 1] === 0x2a && buf[j + 2] === 0 && buf[j + 3] === 0) return j;
    i = j + 1;
  }
  return end;
}

export function isZero(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i] !== 0) return false;
  return true;
}
