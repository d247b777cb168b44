// Reads the head of a file and decides its encoding and format before the full pass.
import { closeSync, openSync, readSync } from 'node:fs';
import { findFormat, sniffFormat } from '../formats/registry';
import type { FormatModule } from '../formats/types';
import { detectEncoding, NotTextError, type EncodingGuess } from './encoding';
import { UnreadableInputError } from './errors';
import { detectContainer, gunzipHead, type Container } from './gzip';
import { lineDecoder } from './line-decoder';

const HEAD_BYTES = 64 * 1024;
/** Compressed bytes read to find HEAD_BYTES of a .gz file's content. */
const GZIP_HEAD_BYTES = 256 * 1024;
const SNIFF_LINES = 40;

export { UnreadableInputError };

export interface SniffResult {
  format: FormatModule;
  /** Set when the evidence is compressed; the format reads the decompressed content. */
  container: Container | null;
  /** 'binary' for record formats that read raw bytes (EVTX). */
  encoding: EncodingGuess['encoding'] | 'binary';
  bomLength: number;
}

export function readHead(file: string, bytes = HEAD_BYTES): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** The first non-empty lines of the head, decoded; a cut-off last line is dropped. */
export function headLines(head: Buffer, guess: EncodingGuess, full: boolean): string[] {
  const text = lineDecoder(guess.encoding)(head.subarray(guess.bomLength));
  const lines = text.split('\n');
  if (!full && lines.length > 1) lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)).filter((l) => l.trim() !== '').slice(0, SNIFF_LINES);
}

export function sniffFile(file: string, fileName: string, size: number, forcedFormat?: string): SniffResult {
  const raw = readHead(file, GZIP_HEAD_BYTES);
  const container = detectContainer(raw);
  let head: Buffer;
  try {
    head = container ? gunzipHead(raw, HEAD_BYTES) : raw.subarray(0, HEAD_BYTES);
  } catch (err) {
    throw new UnreadableInputError(`damaged gzip data (${(err as Error).message})`);
  }
  if (container && head.length === 0) throw new UnreadableInputError('empty file (inside gzip)');
  // Whether the head holds the whole content (so its last line is complete).
  const wholeContent = container ? raw.length < GZIP_HEAD_BYTES && head.length < HEAD_BYTES : head.length >= size;
  let guess: EncodingGuess | null = null;
  let notText: string | null = null;
  try {
    guess = detectEncoding(head);
  } catch (err) {
    if (!(err instanceof NotTextError)) throw err;
    notText = err.message;
  }
  const lines = guess ? headLines(head, guess, wholeContent) : [];
  const encodingOf = (format: FormatModule): SniffResult =>
    format.createRecordReader && !guess
      ? { format, container, encoding: 'binary', bomLength: 0 }
      : { format, container, encoding: guess?.encoding ?? 'utf-8', bomLength: guess?.bomLength ?? 0 };

  if (forcedFormat) {
    const format = findFormat(forcedFormat);
    if (!format) throw new UnreadableInputError(`unknown format "${forcedFormat}" (see \`tracelight formats\`)`);
    if (notText && !format.createRecordReader) throw new UnreadableInputError(`${notText}; format ${format.id} reads text`);
    return encodingOf(format);
  }
  const found = sniffFormat({ fileName, head, lines });
  if (found) return encodingOf(found.format);
  if (notText) throw new UnreadableInputError(notText);
  if (lines.length === 0) throw new UnreadableInputError('no records (only blank lines)');
  throw new UnreadableInputError('format not recognized (see `tracelight formats`; --format ID chooses one)');
}
