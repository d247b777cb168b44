// One JSON document per line (JSONL / NDJSON), parsed without silently corrupting
// integers above 2^53: JSON.parse would turn Carbon Black's parent_id
// 2211398595607011599 into 2211398595607011600. Such literals are kept as their
// exact decimal text (a string) instead.
import type { ParseOutcome, RecordParser } from './types';

export type JsonLineResult = { ok: true; value: unknown } | { ok: false; error: string };

function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69;
}

/** Rewrites integer literals beyond Number.MAX_SAFE_INTEGER (outside strings) as strings. */
function quoteUnsafeIntegers(text: string): string {
  let out = '';
  let last = 0;
  let inString = false;
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) {
      inString = true;
      continue;
    }
    if ((c >= 48 && c <= 57) || c === 45) {
      let j = i + 1;
      while (j < len && isNumberChar(text.charCodeAt(j))) j++;
      const token = text.slice(i, j);
      const digits = token.charCodeAt(0) === 45 ? token.length - 1 : token.length;
      if (digits >= 16 && /^-?\d+$/.test(token) && !Number.isSafeInteger(Number(token))) {
        out += text.slice(last, i) + '"' + token + '"';
        last = j;
      }
      i = j - 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

/** True when the parsed value holds a number beyond 2^53 anywhere (one walk, no string scan). */
function hasUnsafeNumber(v: unknown, depth = 0): boolean {
  if (typeof v === 'number') return Math.abs(v) > Number.MAX_SAFE_INTEGER;
  if (typeof v !== 'object' || v === null || depth > 64) return false;
  if (Array.isArray(v)) {
    for (const x of v) if (hasUnsafeNumber(x, depth + 1)) return true;
    return false;
  }
  for (const k in v) if (hasUnsafeNumber((v as Record<string, unknown>)[k], depth + 1)) return true;
  return false;
}

export function parseJsonLine(line: string): JsonLineResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    // V8 quotes the text around the error, line breaks included: a reject reason is one line.
    return { ok: false, error: (err as Error).message.replace(/\r/g, '\\r').replace(/\n/g, '\\n') };
  }
  // Rare: parse again with the too-large integer literals kept as their text.
  if (hasUnsafeNumber(value)) value = JSON.parse(quoteUnsafeIntegers(line));
  return { ok: true, value };
}

export type JsonObject = Record<string, unknown>;

/**
 * One JSONL line as an object: the object, null for a blank line, or the reason it is
 * not one (bad JSON, or an array or scalar where a record object belongs).
 */
export function parseJsonObjectLine(line: string): JsonObject | string | null {
  const t = line.trim();
  if (t === '') return null;
  const parsed = parseJsonLine(t);
  if (!parsed.ok) return `invalid JSON: ${parsed.error}`;
  const v = parsed.value;
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as JsonObject)
    : `not a JSON object (${Array.isArray(v) ? 'array' : typeof v})`;
}

/** A JSONL parser: blank lines skipped, non-objects rejected with the reason, objects mapped. */
export function jsonObjectLineParser(map: (o: JsonObject) => ParseOutcome): RecordParser {
  return {
    parseLine(line: string): ParseOutcome {
      const o = parseJsonObjectLine(line);
      if (o === null) return { kind: 'skip' };
      if (typeof o === 'string') return { kind: 'reject', reason: o };
      return map(o);
    },
  };
}
