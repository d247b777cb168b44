// Whole-file JSON documents read as a stream of records, never holding the file:
//   [ {...}, {...} ]                     a top-level array of records
//   { "results": [ {...} ], "num": 2 }   an object whose array property holds the records
//                                        (Carbon Black Cloud results[], Graph/Defender value[])
//   { "event_0": {...}, "event_1": {...} } an object of records (plaso's json output)
//   { ... }                              one object that is itself the record (a single alert)
// The scanner (json-document-scanner.ts) follows strings, escapes and nesting depth across
// chunks; each record keeps its exact byte offset and length in the file. This module parses
// the records and turns them into a RecordFormat.
//
// Encoding: JSON exchanged between systems is UTF-8 (RFC 8259 section 8.1), but Windows tools
// (PowerShell 5's Out-File) write UTF-16; UTF-16LE/BE are read too, told by a BOM or by the
// NUL bytes of their ASCII characters, and a BOM is not part of the document.
import type { ParseContext, ParseOutcome, ReadRecord, RecordFormat, RecordReader } from './types';
import { parseJsonLine } from './json-line';
import { JsonDocumentScanner } from './json-document-scanner';
import { WS, type JsonDocumentLayout, type ScannedRecord } from './json-document-types';

export { JsonDocumentScanner } from './json-document-scanner';
export { MAX_JSON_RECORD_BYTES, type JsonDocumentLayout, type ScannedRecord } from './json-document-types';

export type JsonObject = Record<string, unknown>;

export interface JsonRecordInfo {
  /** 1-based record number. */
  number: number;
  /** The record's text as written (decoded from the document's encoding). */
  text: string;
  /** The member name, for a layout with members: true. */
  key?: string;
}

/** Turns one parsed record into events, a skip or a reject. */
export type JsonRecordMapper = (record: JsonObject, info: JsonRecordInfo) => ParseOutcome;

const MAX_REJECT_RAW_CHARS = 64 * 1024;

function describe(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}

/** A RecordReader over a JSON document: one ReadRecord per record, mapped by `map`. */
export function createJsonDocumentReader(layout: JsonDocumentLayout, map: JsonRecordMapper, maxRecordBytes?: number): RecordReader {
  const scanner = new JsonDocumentScanner(layout, maxRecordBytes);
  let number = 0;
  const toRecord = (r: ScannedRecord): ReadRecord => {
    // Problems that name no record (missing brackets, trailing data) still get a number, so
    // that the examiner sees them among the rejects in file order.
    number++;
    const base = { number, offset: r.offset, length: r.length };
    if (r.problem !== undefined || r.bytes === undefined) {
      const raw = r.bytes ? scanner.decode(r.bytes.subarray(0, MAX_REJECT_RAW_CHARS * 4)).slice(0, MAX_REJECT_RAW_CHARS) : '';
      return { ...base, outcome: { kind: 'reject', reason: r.problem ?? 'record could not be read' }, raw };
    }
    const text = scanner.decode(r.bytes);
    const parsed = parseJsonLine(text);
    let outcome: ParseOutcome;
    if (!parsed.ok) outcome = { kind: 'reject', reason: `invalid JSON: ${parsed.error}` };
    else if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
      outcome = { kind: 'reject', reason: `not a JSON object (${describe(parsed.value)})` };
    } else {
      try {
        const info: JsonRecordInfo = { number, text };
        if (r.key !== undefined) info.key = r.key;
        outcome = map(parsed.value as JsonObject, info);
      } catch (err) {
        // A mapper bug must not lose the record.
        outcome = { kind: 'reject', reason: `parser error: ${(err as Error).message}` };
      }
    }
    return outcome.kind === 'reject' ? { ...base, outcome, raw: text.slice(0, MAX_REJECT_RAW_CHARS) } : { ...base, outcome };
  };
  return {
    *push(chunk, chunkOffset) {
      for (const r of scanner.push(chunk, chunkOffset)) yield toRecord(r);
    },
    *end() {
      for (const r of scanner.end()) yield toRecord(r);
    },
  };
}

export interface JsonDocumentHead {
  /** 'array', the wrapper's array property name, 'members' or 'single'; null if none was found. */
  layout: string | null;
  /** The complete records in the head, parsed (non-objects left out). */
  records: JsonObject[];
}

/**
 * The first records of a document, for sniff(): the head is scanned as the reader would,
 * and the records it holds complete are parsed. A head that cuts a record off loses only
 * that record.
 */
export function readJsonDocumentHead(head: Uint8Array, layout: JsonDocumentLayout, maxRecords = 20): JsonDocumentHead {
  const scanner = new JsonDocumentScanner(layout, head.length);
  const buf = Buffer.from(head.buffer, head.byteOffset, head.length);
  const records: JsonObject[] = [];
  for (const r of [...scanner.push(buf, 0), ...scanner.end()]) {
    if (records.length >= maxRecords) break;
    if (!r.bytes || r.problem) continue;
    const parsed = parseJsonLine(scanner.decode(r.bytes));
    if (parsed.ok && typeof parsed.value === 'object' && parsed.value !== null && !Array.isArray(parsed.value)) {
      records.push(parsed.value as JsonObject);
    }
  }
  return { layout: scanner.found, records };
}

/**
 * First non-white-space character of the head, after a BOM, as its code (0x5b "[" / 0x7b "{"
 * for a JSON document); UTF-8 and UTF-16 (with a BOM or by its NUL pattern). -1 when none.
 */
export function firstJsonByte(head: Uint8Array): number {
  const h = head;
  let i = 0;
  let unit = 1;
  let le = true;
  if (h[0] === 0xef && h[1] === 0xbb && h[2] === 0xbf) i = 3;
  else if (h[0] === 0xff && h[1] === 0xfe) [i, unit] = [2, 2];
  else if (h[0] === 0xfe && h[1] === 0xff) [i, unit, le] = [2, 2, false];
  else if (h.length >= 2 && h[0] !== 0 && h[1] === 0) unit = 2;
  else if (h.length >= 2 && h[0] === 0 && h[1] !== 0) [unit, le] = [2, false];
  for (; i + unit <= h.length; i += unit) {
    const c = unit === 1 ? h[i]! : le ? (h[i + 1] === 0 ? h[i]! : 0x80) : h[i] === 0 ? h[i + 1]! : 0x80;
    if (!WS[c]) return c;
  }
  return -1;
}

/**
 * The usual sniff for a JSON-document format: the head starts a document (one of
 * `openers`: "[" and/or "{"), and every complete record in it is one of this product's.
 */
export function sniffJsonDocument(
  head: Uint8Array,
  layout: JsonDocumentLayout,
  accepts: (record: JsonObject) => boolean,
  openers: readonly number[] = [0x5b, 0x7b],
): number {
  if (!openers.includes(firstJsonByte(head))) return 0;
  const found = readJsonDocumentHead(head, layout, 5);
  if (found.layout === null || found.records.length === 0) return 0;
  return found.records.every(accepts) ? 0.95 : 0;
}

export interface JsonDocumentFormatSpec extends Omit<RecordFormat, 'createRecordReader' | 'renderRecord'> {
  layout: JsonDocumentLayout;
  /** A mapper per file (it may keep per-file state). */
  createMapper(ctx: ParseContext): JsonRecordMapper;
}

/** A RecordFormat reading a JSON document with this layout and mapping each record. */
export function jsonDocumentFormat(spec: JsonDocumentFormatSpec): RecordFormat {
  const { layout, createMapper, ...info } = spec;
  return {
    ...info,
    createRecordReader: (ctx) => createJsonDocumentReader(layout, createMapper(ctx)),
  };
}
