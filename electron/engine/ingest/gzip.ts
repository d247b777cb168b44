// Gzip-compressed evidence (rotated logs: access.log.1.gz). The evidence is the .gz file as
// given: its hashes are of the compressed bytes. Records are parsed from the decompressed
// stream, and their offsets count decompressed bytes.
import { createReadStream, readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { constants, createGunzip, gunzipSync } from 'node:zlib';
import { UnreadableInputError } from '../errors';

export type Container = 'gzip';

/**
 * Real logs compress 5:1 to 50:1, highly repetitive ones were measured at 249-254:1 (a 250:1
 * cap refused them); deflate's ceiling is about 1032:1. A stream that
 * inflates past this ratio is treated as a decompression bomb and stopped.
 */
const MAX_GZIP_RATIO = 1000;

class DecompressionBombError extends UnreadableInputError {}

export function detectContainer(head: Uint8Array): Container | null {
  return head[0] === 0x1f && head[1] === 0x8b && head[2] === 0x08 ? 'gzip' : null;
}

/**
 * The first `bytes` of the decompressed content, from the start of a .gz file. Inflates a
 * growing prefix, so a bomb yields its first bytes without being inflated whole.
 */
export function gunzipHead(compressedHead: Uint8Array, bytes: number): Buffer {
  for (let prefix = 4096; ; prefix *= 2) {
    const part = compressedHead.subarray(0, Math.min(prefix, compressedHead.length));
    // SYNC_FLUSH: inflate what is there instead of failing on the cut-off tail.
    const out = gunzipSync(part, { finishFlush: constants.Z_SYNC_FLUSH });
    if (out.length >= bytes || part.length === compressedHead.length) return out.subarray(0, bytes);
  }
}

/**
 * Raw chunks (for hashing) and decompressed chunks (for parsing) of one read of the file.
 * Stops with DecompressionBombError when the output outgrows MAX_GZIP_RATIO.
 */
export function readGzip(file: string, onRaw: (chunk: Buffer) => void): AsyncGenerator<Buffer> {
  return gunzipStream(createReadStream(file, { highWaterMark: 1 << 20 }), onRaw);
}

/**
 * Inflates a gzip stream (a file, or an entry of a zip), handing each raw chunk to onRaw
 * for hashing; stops with DecompressionBombError when the output outgrows MAX_GZIP_RATIO.
 */
export async function* gunzipStream(raw: Readable, onRaw: (chunk: Buffer) => void): AsyncGenerator<Buffer> {
  const gunzip = createGunzip();
  let rawBytes = 0;
  let outBytes = 0;
  raw.on('data', (chunk: Buffer) => {
    rawBytes += chunk.length;
    onRaw(chunk);
  });
  raw.on('error', (err) => gunzip.destroy(err));
  raw.pipe(gunzip);
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      outBytes += chunk.length;
      // rawBytes only grows ahead of what gunzip has consumed, so this never fires early.
      if (outBytes > rawBytes * MAX_GZIP_RATIO) {
        throw new DecompressionBombError(`decompresses past ${MAX_GZIP_RATIO}:1 (possible decompression bomb); not ingested`, { code: 'ingest.gzipBomb', params: { ratio: String(MAX_GZIP_RATIO) } });
      }
      yield chunk;
    }
  } finally {
    raw.destroy();
    gunzip.destroy();
  }
}

/**
 * Bytes [offset, offset+length) of the decompressed content, for the event detail. Gzip
 * cannot seek, so this inflates from the start: a growing prefix of the file until the
 * range is covered (cheap for records near the start, one full inflate at worst).
 */
export function gunzipRange(file: string, offset: number, length: number): Buffer {
  const compressed = readFileSync(file);
  for (let prefix = 1 << 20; ; prefix *= 2) {
    const part = compressed.subarray(0, Math.min(prefix, compressed.length));
    const out = gunzipSync(part, { finishFlush: constants.Z_SYNC_FLUSH });
    if (out.length >= offset + length || part.length === compressed.length) return out.subarray(offset, offset + length);
  }
}
