// The start of a file as the generic importer studies it: decompressed (.gz), its encoding
// detected, decoded to text. More than the sniffer reads (256 KiB), because a proposal
// samples a few hundred rows and a preview shows how they read.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { detectEncoding, NotTextError, type TextEncoding } from '../encoding';
import { UnreadableInputError } from '../../errors';
import { detectContainer, gunzipHead } from '../gzip';
import { lineDecoder } from '../line-decoder';

const SAMPLE_BYTES = 256 * 1024;

export interface FileSample {
  /** The content's first bytes (decompressed), BOM included. */
  head: Buffer;
  encoding: TextEncoding;
  bomLength: number;
  /** The head decoded, BOM removed, CRLF kept as written. */
  text: string;
  /** True when the head holds the whole content (its last line is complete). */
  complete: boolean;
}

function readPrefix(file: string, bytes: number): { buf: Buffer; size: number } {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    throw new UnreadableInputError(`cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { code: 'ingest.cannotRead', params: { why: (err as NodeJS.ErrnoException).code ?? 'error' } });
  }
  try {
    const size = statSync(file).size;
    const buf = Buffer.alloc(Math.min(bytes, size));
    const n = readSync(fd, buf, 0, buf.length, 0);
    return { buf: buf.subarray(0, n), size };
  } finally {
    closeSync(fd);
  }
}

export function readFileSample(file: string, forcedEncoding?: TextEncoding): FileSample {
  // A .gz needs more compressed bytes to yield SAMPLE_BYTES of content.
  const { buf, size } = readPrefix(file, SAMPLE_BYTES * 4);
  if (size === 0) throw new UnreadableInputError('empty file', { code: 'ingest.empty' });
  const gz = detectContainer(buf) !== null;
  let head: Buffer;
  try {
    head = gz ? gunzipHead(buf, SAMPLE_BYTES) : buf.subarray(0, SAMPLE_BYTES);
  } catch (err) {
    throw new UnreadableInputError(`damaged gzip data (${(err as Error).message})`, { code: 'ingest.damagedGzip', params: { why: (err as Error).message } });
  }
  const complete = gz ? buf.length >= size && head.length < SAMPLE_BYTES : head.length >= size;
  let encoding: TextEncoding;
  let bomLength: number;
  try {
    ({ encoding, bomLength } = detectEncoding(head));
  } catch (err) {
    if (err instanceof NotTextError) throw new UnreadableInputError(`${err.message}; the generic importer reads CSV, TSV, JSON and JSONL text`, { code: 'mapping.binary' });
    throw err;
  }
  if (forcedEncoding) encoding = forcedEncoding;
  const text = lineDecoder(encoding)(head.subarray(bomLength));
  return { head, encoding, bomLength, text, complete };
}

/** The sample's lines (terminators removed); a line cut off by the end of the head is dropped. */
export function sampleLines(sample: FileSample): string[] {
  const lines = sample.text.split('\n');
  if (!sample.complete && lines.length > 1) lines.pop();
  if (sample.complete && lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}
