// JSON records as rows: nested objects flattened to dot paths ({"src":{"ip":..}} -> "src.ip"),
// arrays kept as their JSON text, null as absent. And the layout of a JSON file: one object
// per line (JSONL), a top-level array of objects, or an object whose array property holds
// them ({"results":[...]}) — the three ways exports write records.
import type { GenericFormatId } from '../../../common/import-mapping';
import { readJsonDocumentHead, type JsonDocumentLayout } from '../json-document';
import { parseJsonObjectLine, type JsonObject } from '../json-line';

/** The start of a file as the generic importer samples it (ingest/mapping/file-sample.ts). */
export interface SampleText {
  /** The content's first bytes (decompressed), BOM included. */
  head: Buffer;
  /** The head decoded, BOM removed. */
  text: string;
}

/** Nesting deeper than this is kept as JSON text under the path reached. */
const MAX_DEPTH = 8;

export type RowEntries = [source: string, value: string][];

function scalarText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** The record's leaves in document order as [dot path, text]; the first of a repeated path wins. */
export function flattenRecord(record: JsonObject): RowEntries {
  const out: RowEntries = [];
  const seen = new Set<string>();
  const walk = (o: JsonObject, prefix: string, depth: number): void => {
    for (const key of Object.keys(o)) {
      const v = o[key];
      const path = prefix ? `${prefix}.${key}` : key;
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && depth < MAX_DEPTH && Object.keys(v).length > 0) {
        walk(v as JsonObject, path, depth + 1);
      } else if (!seen.has(path)) {
        seen.add(path);
        out.push([path, scalarText(v)]);
      }
    }
  };
  walk(record, '', 0);
  return out;
}

export interface JsonSampleRecord {
  /** Line number (JSONL) or record number (document). */
  number: number;
  entries: RowEntries;
}

export interface JsonLayout {
  format: Extract<GenericFormatId, 'generic-json' | 'generic-jsonl'>;
  arrayKey?: string;
  records: JsonSampleRecord[];
}

/** The scanner layout a generic-json mapping reads with. */
export function documentLayout(arrayKey: string | undefined): JsonDocumentLayout {
  return arrayKey ? { arrayKeys: [arrayKey] } : { singleObject: true };
}

const COLON = /\s*:/y;
const OBJECT_START = /\s*\{/y;

function unescapeKey(raw: string): string | undefined {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return undefined;
  }
}

/**
 * The first property of the top-level object whose value is an array of objects, found by a
 * string-aware walk of the head (the document may be far larger than the head).
 */
function findRecordArrayKey(text: string): string | undefined {
  let depth = 0;
  let lastKey: string | undefined;
  let i = text.indexOf('{');
  if (i < 0) return undefined;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i + 1;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      COLON.lastIndex = i + 1;
      if (depth === 1 && COLON.test(text)) lastKey = unescapeKey(text.slice(start, i));
    } else if (c === '{' || c === '[') {
      OBJECT_START.lastIndex = i + 1;
      if (depth === 1 && c === '[' && lastKey !== undefined && OBJECT_START.test(text)) return lastKey;
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
    } else if (c === ',' && depth === 1) {
      lastKey = undefined;
    }
  }
  return undefined;
}

function jsonlRecords(lines: readonly string[], max: number): JsonSampleRecord[] {
  const out: JsonSampleRecord[] = [];
  for (let i = 0; i < lines.length && out.length < max; i++) {
    const o = parseJsonObjectLine(lines[i]!);
    if (o !== null && typeof o !== 'string') out.push({ number: i + 1, entries: flattenRecord(o) });
  }
  return out;
}

export function documentRecords(sample: SampleText, arrayKey: string | undefined, max: number): JsonSampleRecord[] {
  const found = readJsonDocumentHead(sample.head, documentLayout(arrayKey), max);
  return found.records.map((r, i) => ({ number: i + 1, entries: flattenRecord(r) }));
}

/**
 * JSONL, or a document (array / wrapper / single object); null when the text is not JSON.
 * A minified document is one line that is also a valid JSONL record: it is read as a
 * document when it wraps an array of objects and no second object line follows (or when
 * the examiner asked for generic-json).
 */
export function detectJsonLayout(sample: SampleText, lines: readonly string[], max = 200, prefer?: GenericFormatId): JsonLayout | null {
  const start = sample.text.trimStart()[0];
  if (start !== '{' && start !== '[') return null;
  const objectLines = lines
    .filter((l) => l.trim() !== '')
    .slice(0, 2)
    .map((l) => parseJsonObjectLine(l))
    .filter((o) => o !== null && typeof o !== 'string');
  const arrayKey = start === '{' ? findRecordArrayKey(sample.text) : undefined;
  const lineRecords = start === '{' && objectLines.length > 0;
  const asLines = lineRecords && prefer !== 'generic-json' && (prefer === 'generic-jsonl' || objectLines.length > 1 || arrayKey === undefined);
  if (asLines) return { format: 'generic-jsonl', records: jsonlRecords(lines, max) };
  const records = documentRecords(sample, arrayKey, max);
  if (records.length === 0) return null;
  return { format: 'generic-json', ...(arrayKey ? { arrayKey } : {}), records };
}

/** Column names in order of first appearance across the records. */
export function jsonSources(records: readonly JsonSampleRecord[]): string[] {
  const seen = new Set<string>();
  for (const r of records) for (const [k] of r.entries) seen.add(k);
  return [...seen];
}
