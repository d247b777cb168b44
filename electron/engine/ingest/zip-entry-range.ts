// Reads bytes [offset, offset+length) of one entry's content back out of a .zip, for the
// event detail's "original record". Synchronous like the rest of the detail query, so it
// reads the archive's central directory itself (APPNOTE 4.3.12-4.3.16, with zip64) instead
// of going through yauzl; the entry is found by the name it was ingested under. Deflate
// cannot seek: like gunzipRange, this inflates a growing prefix of the entry's data until
// the range is covered (cheap near the start, one full inflate of the entry at worst).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { constants, gunzipSync, inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { decodeEntryName } from '../zip/decode-name';

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;

interface EntryLocation {
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

export function readZipEntryRange(zipPath: string, entryName: string, nestedGzip: boolean, offset: number, length: number): Buffer {
  const fd = openSync(zipPath, 'r');
  try {
    const loc = findEntry(fd, entryName);
    if (loc.method !== 0 && loc.method !== 8) throw new Error(`entry "${entryName}" uses compression method ${loc.method}`);
    const local = readAt(fd, loc.localHeaderOffset, 30);
    if (local.readUInt32LE(0) !== LOCAL_SIG) throw new Error(`entry "${entryName}": no local header where the directory says`);
    const dataStart = loc.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    const want = offset + length;
    for (let prefix = 1 << 20; ; prefix *= 2) {
      const part = readAt(fd, dataStart, Math.min(prefix, loc.compressedSize));
      const complete = part.length >= loc.compressedSize;
      let content = loc.method === 0 ? part : inflateRawSync(part, { finishFlush: constants.Z_SYNC_FLUSH });
      if (nestedGzip) content = gunzipSync(content, { finishFlush: constants.Z_SYNC_FLUSH });
      if (content.length >= want || complete) return content.subarray(offset, want);
    }
  } finally {
    closeSync(fd);
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

function findEntry(fd: number, entryName: string): EntryLocation {
  const size = fstatSync(fd).size;
  // The end record is 22 bytes plus a comment of at most 65535.
  const tailStart = Math.max(0, size - 22 - 0xffff);
  const tail = readAt(fd, tailStart, size - tailStart);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no zip end-of-central-directory record');
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR_SIG) throw new Error('zip64 locator missing');
    const z64 = readAt(fd, Number(tail.readBigUInt64LE(locator + 8)), 56);
    if (z64.readUInt32LE(0) !== ZIP64_EOCD_SIG) throw new Error('zip64 end record missing');
    count = Number(z64.readBigUInt64LE(32));
    cdSize = Number(z64.readBigUInt64LE(40));
    cdOffset = Number(z64.readBigUInt64LE(48));
  }
  const cd = readAt(fd, cdOffset, cdSize);
  let p = 0;
  for (let i = 0; i < count && p + 46 <= cd.length; i++) {
    if (cd.readUInt32LE(p) !== CENTRAL_SIG) throw new Error('damaged central directory');
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const nameRaw = cd.subarray(p + 46, p + 46 + nameLength);
    const extraFields = yauzl.parseExtraFields(cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
    // The same decoding the ingest used (zip/decode-name.ts), so the same name matches.
    const name = decodeEntryName({ generalPurposeBitFlag: cd.readUInt16LE(p + 8), fileNameRaw: nameRaw, extraFields });
    if (name === entryName) {
      let compressedSize = cd.readUInt32LE(p + 20);
      const uncompressedSize = cd.readUInt32LE(p + 24);
      let localHeaderOffset = cd.readUInt32LE(p + 42);
      // Zip64 extended information: the fields that overflowed, in this order.
      const z64 = extraFields.find((f) => f.id === 0x0001)?.data;
      let k = 0;
      if (z64) {
        if (uncompressedSize === 0xffffffff) k += 8;
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(z64.readBigUInt64LE(k));
          k += 8;
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = Number(z64.readBigUInt64LE(k));
      }
      return { method: cd.readUInt16LE(p + 10), compressedSize, localHeaderOffset };
    }
    p += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`entry "${entryName}" is no longer in the archive`);
}
