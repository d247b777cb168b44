// Reads the head of a file and decides its encoding and format before the full pass.
import { closeSync, openSync, readSync } from 'node:fs';
import { findFormat, sniffFormat } from '../formats/registry';
import type { FormatModule } from '../formats/types';
import { chosenEncoding, detectEncoding, NotTextError, type EncodingGuess, type TextEncoding } from './encoding';
import { UnreadableInputError, UnrecognizedFormatError } from '../errors';
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
  /** The examiner's encoding was used (record formats such as EVTX and JSON documents read their own). */
  encodingChosen: boolean;
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

export function sniffFile(file: string, fileName: string, size: number, forcedFormat?: string, encoding?: TextEncoding): SniffResult {
  const raw = readHead(file, GZIP_HEAD_BYTES);
  const container = detectContainer(raw);
  let head: Buffer;
  try {
    head = container ? gunzipHead(raw, HEAD_BYTES) : raw.subarray(0, HEAD_BYTES);
  } catch (err) {
    throw new UnreadableInputError(`damaged gzip data (${(err as Error).message})`, { code: 'ingest.damagedGzip', params: { why: (err as Error).message } });
  }
  if (container && head.length === 0) throw new UnreadableInputError('empty file (inside gzip)', { code: 'ingest.emptyGzip' });
  // Whether the head holds the whole content (so its last line is complete).
  const wholeContent = container ? raw.length < GZIP_HEAD_BYTES && head.length < HEAD_BYTES : head.length >= size;
  return sniffContent({ head, wholeContent, fileName, container, forcedFormat, encoding });
}

export interface ContentHead {
  /** The first bytes of the content (decompressed when the evidence is compressed). */
  head: Buffer;
  /** Whether head holds the whole content (so its last line is complete). */
  wholeContent: boolean;
  fileName: string;
  container: Container | null;
  forcedFormat?: string;
  /** Chosen by the examiner instead of detected. */
  encoding?: TextEncoding;
}

/** Encoding and format of content whose head has been read (a file, or an entry in a zip). */
export function sniffContent({ head, wholeContent, fileName, container, forcedFormat, encoding }: ContentHead): SniffResult {
  let detected: EncodingGuess | null = null;
  let notText: string | null = null;
  try {
    detected = detectEncoding(head);
  } catch (err) {
    if (!(err instanceof NotTextError)) throw err;
    notText = err.message;
  }
  // A chosen encoding decodes the lines formats sniff, so a CP932 file read as UTF-8 by
  // mistake (or the reverse) is recognized once the right encoding is chosen.
  const guess = encoding ? chosenEncoding(head, encoding) : detected;
  const lines = guess ? headLines(head, guess, wholeContent) : [];
  const encodingOf = (format: FormatModule): SniffResult => {
    if (format.createRecordReader) {
      return detected
        ? { format, container, encoding: detected.encoding, bomLength: detected.bomLength, encodingChosen: false }
        : { format, container, encoding: 'binary', bomLength: 0, encodingChosen: false };
    }
    return { format, container, encoding: guess?.encoding ?? 'utf-8', bomLength: guess?.bomLength ?? 0, encodingChosen: encoding !== undefined };
  };

  if (forcedFormat) {
    const format = findFormat(forcedFormat);
    if (!format) throw new UnreadableInputError(`unknown format "${forcedFormat}" (see \`tracelight formats\`)`, { code: 'ingest.unknownFormat', params: { format: forcedFormat } });
    if (notText && !encoding && !format.createRecordReader) {
      throw new UnreadableInputError(`${notText}; format ${format.id} reads text`, { code: 'ingest.binaryForFormat', params: { format: format.id } });
    }
    return encodingOf(format);
  }
  const found = sniffFormat({ fileName, head, lines });
  if (found) return encodingOf(found.format);
  if (notText && !encoding) throw new UnreadableInputError(notText, { code: 'ingest.binary' });
  if (lines.length === 0) throw new UnreadableInputError('no records (only blank lines)', { code: 'ingest.noRecords' });
  throw new UnrecognizedFormatError(
    'format not recognized (see `tracelight formats`; --format ID chooses one; a table or JSON file reads with --format generic-csv or generic-json and a column mapping)',
    { code: 'ingest.unrecognized' },
  );
}
