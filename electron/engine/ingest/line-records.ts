// Adapts a line format's parser to the record stream the pipeline consumes: splits bytes
// into lines, decodes them, joins continuation lines when the parser asks for more, and
// turns over-long records into rejects instead of buffering them.
import type { ReadRecord, RecordParser, RecordReader } from '../formats/types';
import type { TextEncoding } from './encoding';
import { rawLineDecoder } from './line-decoder';
import { DEFAULT_MAX_LINE_BYTES, LineSplitter, type RawLine } from './line-splitter';

/** A record spanning lines (quoted CSV newlines, multi-line XML) may not grow past this. */
const MAX_RECORD_BYTES = DEFAULT_MAX_LINE_BYTES;
const MAX_REJECT_RAW_CHARS = 64 * 1024;

interface Pending {
  number: number;
  offset: number;
  end: number;
  text: string;
}

export function lineRecordReader(parser: RecordParser, encoding: TextEncoding, bomLength: number): RecordReader {
  const splitter = new LineSplitter(encoding, bomLength);
  const decode = rawLineDecoder(encoding);
  let pending: Pending | null = null;
  let first = true;
  // Records of the line being handled. A plain function filling this (rather than a generator
  // per line) saved an object or two and a generator's resumption per line.
  const out: ReadRecord[] = [];

  function handle(line: RawLine): void {
    const text = decode(line);
    const end = line.offset + line.length;
    if (line.truncated) {
      if (pending) flushPending('record continues into an over-long line');
      out.push(reject(line.number, line.offset, line.length, `line of ${line.length} bytes exceeds the ${line.end - line.start}-byte record limit`, text));
      return;
    }
    let number = line.number;
    let offset = line.offset;
    let recordText = text;
    if (pending) {
      number = pending.number;
      offset = pending.offset;
      recordText = `${pending.text}\n${text}`;
      pending = null;
    } else if (isBlank(text)) {
      out.push({ number, offset, length: line.length, outcome: { kind: 'skip' } });
      return;
    }
    let outcome;
    try {
      outcome = parser.parseLine(recordText, number);
    } catch (err) {
      // A parser bug must not lose the record: keep it as rejected with the reason.
      outcome = { kind: 'reject' as const, reason: `parser error: ${(err as Error).message}` };
    }
    if (outcome.kind === 'more') {
      if (end - offset > MAX_RECORD_BYTES) {
        out.push(reject(number, offset, end - offset, `record spanning lines exceeds ${MAX_RECORD_BYTES} bytes`, recordText));
      } else {
        pending = { number, offset, end, text: recordText };
      }
      return;
    }
    out.push({
      number,
      offset,
      length: end - offset,
      outcome,
      raw: outcome.kind === 'reject' ? recordText.slice(0, MAX_REJECT_RAW_CHARS) : undefined,
    });
  }

  function flushPending(reason: string): void {
    const p = pending!;
    pending = null;
    out.push(reject(p.number, p.offset, p.end - p.offset, reason, p.text));
  }

  function* drain(): Generator<ReadRecord> {
    // Taken off the array before yielding: a consumer may stop early (an error) and the next
    // call must not see these again.
    const records = out.splice(0, out.length);
    for (const rec of records) yield rec;
  }

  return {
    *push(chunk, chunkOffset) {
      // The byte-order mark is not part of the first line.
      const body = first ? chunk.subarray(bomLength) : chunk;
      const bodyOffset = first ? chunkOffset + bomLength : chunkOffset;
      first = false;
      for (const line of splitter.push(body, bodyOffset)) {
        handle(line);
        // Nearly always one record: yielded without a second generator.
        if (out.length === 1) yield out.pop()!;
        else yield* drain();
      }
    },
    *end() {
      for (const line of splitter.end()) {
        handle(line);
        yield* drain();
      }
      if (pending) flushPending('file ends inside a record (truncated?)');
      yield* drain();
    },
  };
}

/** text.trim() === '' without making the trimmed copy (a record line is rarely blank). */
function isBlank(text: string): boolean {
  const c = text.charCodeAt(0);
  // Anything above space that is not NBSP or a Unicode space is non-blank at once.
  if (text.length > 0 && c > 32 && c !== 160 && c < 0x1680) return false;
  return text.trim() === '';
}

function reject(number: number, offset: number, length: number, reason: string, raw: string): ReadRecord {
  return { number, offset, length, outcome: { kind: 'reject', reason }, raw: raw.slice(0, MAX_REJECT_RAW_CHARS) };
}
