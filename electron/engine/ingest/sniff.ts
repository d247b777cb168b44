// Reads the head of a file and decides its encoding and format before the full pass.
import { closeSync, openSync, readSync } from 'node:fs';
import { findFormat, sniffFormat } from '../formats/registry';
import type { FormatModule } from '../formats/types';
import { detectEncoding, NotTextError, type EncodingGuess } from './encoding';
import { lineDecoder } from './line-decoder';

const HEAD_BYTES = 64 * 1024;
const SNIFF_LINES = 40;

export class UnreadableInputError extends Error {
  override name = 'UnreadableInputError';
}

export interface SniffResult {
  format: FormatModule;
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
  const head = readHead(file);
  let guess: EncodingGuess | null = null;
  let notText: string | null = null;
  try {
    guess = detectEncoding(head);
  } catch (err) {
    if (!(err instanceof NotTextError)) throw err;
    notText = err.message;
  }
  const lines = guess ? headLines(head, guess, head.length >= size) : [];
  const encodingOf = (format: FormatModule): SniffResult =>
    format.createRecordReader && !guess
      ? { format, encoding: 'binary', bomLength: 0 }
      : { format, encoding: guess?.encoding ?? 'utf-8', bomLength: guess?.bomLength ?? 0 };

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
