// Adapts a line format's parser to the record stream the pipeline consumes: splits bytes
// into lines, decodes them, joins continuation lines when the parser asks for more, and
// turns over-long records into rejects instead of buffering them.
import type { ReadRecord, RecordParser, RecordReader } from '../formats/types';
import type { TextEncoding } from './encoding';
import { lineDecoder } from './line-decoder';
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
  const decode = lineDecoder(encoding);
  let pending: Pending | null = null;
  let first = true;

  function* handle(line: RawLine): Generator<ReadRecord> {
    const text = decode(line.bytes);
    const end = line.offset + line.length;
    if (line.truncated) {
      if (pending) yield* flushPending('record continues into an over-long line');
      yield reject(line.number, line.offset, line.length, `line of ${line.length} bytes exceeds the ${line.bytes.length}-byte record limit`, text);
      return;
    }
    let record: Pending;
    if (pending) {
      record = { ...pending, end, text: `${pending.text}\n${text}` };
      pending = null;
    } else {
      if (text.trim() === '') {
        yield { number: line.number, offset: line.offset, length: line.length, outcome: { kind: 'skip' } };
        return;
      }
      record = { number: line.number, offset: line.offset, end, text };
    }
    let outcome;
    try {
      outcome = parser.parseLine(record.text, record.number);
    } catch (err) {
      // A parser bug must not lose the record: keep it as rejected with the reason.
      outcome = { kind: 'reject' as const, reason: `parser error: ${(err as Error).message}` };
    }
    if (outcome.kind === 'more') {
      if (record.end - record.offset > MAX_RECORD_BYTES) {
        yield reject(record.number, record.offset, record.end - record.offset, `record spanning lines exceeds ${MAX_RECORD_BYTES} bytes`, record.text);
      } else {
        pending = record;
      }
      return;
    }
    yield {
      number: record.number,
      offset: record.offset,
      length: record.end - record.offset,
      outcome,
      raw: outcome.kind === 'reject' ? record.text.slice(0, MAX_REJECT_RAW_CHARS) : undefined,
    };
  }

  function* flushPending(reason: string): Generator<ReadRecord> {
    const p = pending!;
    pending = null;
    yield reject(p.number, p.offset, p.end - p.offset, reason, p.text);
  }

  return {
    *push(chunk, chunkOffset) {
      // The byte-order mark is not part of the first line.
      const body = first ? chunk.subarray(bomLength) : chunk;
      const bodyOffset = first ? chunkOffset + bomLength : chunkOffset;
      first = false;
      for (const line of splitter.push(body, bodyOffset)) yield* handle(line);
    },
    *end() {
      for (const line of splitter.end()) yield* handle(line);
      if (pending) yield* flushPending('file ends inside a record (truncated?)');
    },
  };
}

function reject(number: number, offset: number, length: number, reason: string, raw: string): ReadRecord {
  return { number, offset, length, outcome: { kind: 'reject', reason }, raw: raw.slice(0, MAX_REJECT_RAW_CHARS) };
}
