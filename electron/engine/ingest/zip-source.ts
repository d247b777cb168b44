// One entry of a .zip as an EvidenceSource: streamed from the archive (never extracted to
// disk, never held whole), hashed as its uncompressed bytes, and — when the entry is itself
// a .gz (rotated logs zipped together) — parsed from its gunzipped content under the same
// 250:1 cap as a .gz file.
import type { SafeZip, ZipEntry } from '../zip';
import type { EvidenceSource } from './evidence-source';
import { detectContainer, gunzipHead, gunzipStream } from './gzip';
import { UnreadableInputError } from '../errors';

const HEAD_BYTES = 64 * 1024;
/** Entry bytes read to find HEAD_BYTES of a nested .gz's content. */
const GZIP_HEAD_BYTES = 256 * 1024;

export interface ZipEntrySource extends EvidenceSource {
  /** The entry is itself a zip archive (not opened: see zip-ingest.ts). */
  nestedZip: boolean;
}

export async function zipEntrySource(zip: SafeZip, entry: ZipEntry, parentId: number): Promise<ZipEntrySource> {
  const prefix = await readPrefix(zip, entry, GZIP_HEAD_BYTES);
  const gz = detectContainer(prefix) === 'gzip';
  return {
    size: entry.size,
    mtime: entry.mtime,
    container: gz ? 'zip+gzip' : 'zip',
    parentId,
    entryName: entry.name,
    nestedZip: prefix.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')),
    async head() {
      if (!gz) return { head: prefix.subarray(0, HEAD_BYTES), wholeContent: entry.size <= HEAD_BYTES };
      let head: Buffer;
      try {
        head = gunzipHead(prefix, HEAD_BYTES);
      } catch (err) {
        throw new UnreadableInputError(`damaged gzip data (${(err as Error).message})`, { code: 'ingest.damagedGzip', params: { why: (err as Error).message } });
      }
      if (head.length === 0) throw new UnreadableInputError('empty file (inside gzip)', { code: 'ingest.emptyGzip' });
      return { head, wholeContent: prefix.length >= entry.size && head.length < HEAD_BYTES };
    },
    read: (onRaw) => (gz ? gunzipEntry(zip, entry, onRaw) : plainEntry(zip, entry, onRaw)),
  };
}

async function readPrefix(zip: SafeZip, entry: ZipEntry, bytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let have = 0;
  const stream = await zip.openEntry(entry);
  // Leaving the loop early destroys the stream, which stops the inflating.
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    parts.push(chunk);
    have += chunk.length;
    if (have >= bytes) break;
  }
  return Buffer.concat(parts, have).subarray(0, bytes);
}

async function* plainEntry(zip: SafeZip, entry: ZipEntry, onRaw: (raw: Buffer) => void): AsyncGenerator<Buffer> {
  for await (const chunk of (await zip.openEntry(entry)) as AsyncIterable<Buffer>) {
    onRaw(chunk);
    yield chunk;
  }
}

async function* gunzipEntry(zip: SafeZip, entry: ZipEntry, onRaw: (raw: Buffer) => void): AsyncGenerator<Buffer> {
  yield* gunzipStream(await zip.openEntry(entry), onRaw);
}
