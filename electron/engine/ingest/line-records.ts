// Adapts a line format's parser to the record stream the pipeline consumes: splits bytes
// into lines, decodes them, joins continuation lines when the parser asks for more, and
// turns over-long records into rejects instead of buffering them.
import type { ReadRecord, RecordParser, RecordReader } from '../formats/types';
import type { TextEncoding } from './encoding';
import { rangeDecoder } from './line-decoder';
import { DEFAULT_MAX_LINE_BYTES, LineSplitter } from './line-splitter';

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
  const decode = rangeDecoder(encoding);
  let pending: Pending | null = null;
  let first = true;
  // Records of a line when there is not exactly one (a reject beside a flushed record, or
  // none while a record continues): the common case is returned by handle() instead, which
  // saved an array push and pop per line (a pop to empty shrinks the array's storage, so the
  // next push allocated it again).
  const out: ReadRecord[] = [];

  /** The splitter's current line -> its record, or null (then its records, if any, are in out). */
  function handle(): ReadRecord | null {
    const s = splitter;
    const lineLength = s.lineLength;
    const text = decode(s.lineSource, s.lineStart, s.lineEnd, s.lineAscii);
    const end = s.lineOffset + lineLength;
    if (s.lineTruncated) {
      if (pending) flushPending('record continues into an over-long line');
      out.push(reject(s.lineNumber, s.lineOffset, lineLength, `line of ${lineLength} bytes exceeds the ${s.lineEnd - s.lineStart}-byte record limit`, text));
      return null;
    }
    let number = s.lineNumber;
    let offset = s.lineOffset;
    let recordText = text;
    if (pending) {
      number = pending.number;
      offset = pending.offset;
      recordText = `${pending.text}\n${text}`;
      pending = null;
    } else if (isBlank(text)) {
      return { number, offset, length: lineLength, outcome: { kind: 'skip' } };
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
      return null;
    }
    return {
      number,
      offset,
      length: end - offset,
      outcome,
      raw: outcome.kind === 'reject' ? recordText.slice(0, MAX_REJECT_RAW_CHARS) : undefined,
    };
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
      // The splitter as a cursor: no object and no second generator per line.
      splitter.feed(body, bodyOffset);
      while (splitter.next()) {
        const rec = handle();
        if (rec !== null) yield rec;
        else if (out.length > 0) yield* drain();
      }
    },
    *end() {
      if (splitter.finish()) {
        const rec = handle();
        if (rec !== null) yield rec;
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
