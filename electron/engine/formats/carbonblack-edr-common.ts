// Helpers shared by the two Carbon Black EDR (Cb Response) message families:
// time fields, raw number text, and the bounded copy of leftover keys into extra.
import { int32ToIpv4, isIpv4 } from './net';
import { setField, toInt } from './fields';
import { parseEpochSeconds, parseIsoInstant } from '../time/zone';

export type Obj = Record<string, unknown>;

export interface CbTime {
  ts: number;
  timeRaw: string;
  /** The field the time came from (left out of extra: timeRaw already holds it). */
  key: string;
}

/** Bound on keys copied into extra per event. */
export const MAX_EXTRA_KEYS = 256;
/** Bound on array elements copied into extra (highlights lists can be long). */
const MAX_ARRAY_ITEMS = 50;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function has(o: Obj, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69;
}

/**
 * The literal text of a top-level number as the line wrote it ("1468945624.950"
 * rather than String(1468945624.95)), so that timeRaw is what the source said.
 * Falls back to String(value) when the text cannot be found unambiguously.
 */
function numberText(line: string, key: string, value: number): string {
  const needle = `"${key}"`;
  let from = 0;
  for (;;) {
    const at = line.indexOf(needle, from);
    if (at === -1) return String(value);
    from = at + needle.length;
    if (at > 0 && line.charCodeAt(at - 1) === 92) continue; // inside a string: \"key\"
    let i = from;
    while (line.charCodeAt(i) === 32) i++;
    if (line.charCodeAt(i) !== 58 /* : */) continue;
    i++;
    while (line.charCodeAt(i) === 32) i++;
    let j = i;
    while (j < line.length && isNumberChar(line.charCodeAt(j))) j++;
    const text = line.slice(i, j);
    if (text.length > 0 && Number(text) === value) return text;
  }
}

/** An epoch-seconds field (number or numeric string, fraction allowed) as UTC. */
function epochField(o: Obj, key: string, line: string): CbTime | null {
  const v = o[key];
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v <= 0) return null;
    const raw = numberText(line, key, v);
    const exact = parseEpochSeconds(raw);
    return { ts: Number.isNaN(exact) ? Math.round(v * 1000) : exact, timeRaw: raw, key };
  }
  if (typeof v === 'string') {
    const ms = parseEpochSeconds(v.trim());
    return Number.isNaN(ms) ? null : { ts: ms, timeRaw: v, key };
  }
  return null;
}

/** An ISO-8601 field that states its zone (created_time, start) as an instant. */
function isoField(o: Obj, key: string): CbTime | null {
  const v = o[key];
  if (typeof v !== 'string') return null;
  const t = parseIsoInstant(v);
  return t ? { ts: t.ms, timeRaw: v, key } : null;
}

/** The first of these fields that holds a usable time. */
export function firstTime(o: Obj, line: string, keys: readonly string[]): CbTime | null {
  for (const key of keys) {
    const t = epochField(o, key, line) ?? isoField(o, key);
    if (t) return t;
  }
  return null;
}

/**
 * comms_ip / interface_ip arrive as dotted quads, as empty strings, or as signed
 * 32-bit integers (-1407246848 is 172.31.30.0); the integer is kept beside the
 * converted address so nothing the source said is lost.
 */
function putAddress(extra: Obj, key: string, v: unknown): void {
  if (typeof v === 'string' && (v === '' || isIpv4(v))) {
    if (v !== '') setField(extra, key, v);
    return;
  }
  const n = toInt(v);
  const ip = n === undefined ? undefined : int32ToIpv4(n);
  if (ip !== undefined) {
    setField(extra, key, ip);
    setField(extra, `${key}_raw`, v);
  } else {
    setField(extra, key, v);
  }
}

function bounded(v: unknown): unknown {
  return Array.isArray(v) && v.length > MAX_ARRAY_ITEMS ? v.slice(0, MAX_ARRAY_ITEMS) : v;
}

/** A JSON-in-a-string field (ioc_attr, ioc_value) decoded when it is JSON, else kept as text. */
function decodeJsonString(v: string): unknown {
  const c = v.charCodeAt(0);
  if (c !== 123 && c !== 91) return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

const JSON_STRING_KEYS = new Set(['ioc_attr', 'ioc_value']);

/**
 * Copy keys not mapped to a normalized column into extra: skips empty strings and
 * nulls, decodes known JSON-in-string fields, converts integer IPs, and stops at
 * MAX_EXTRA_KEYS (recording how many were dropped).
 */
export function copyExtra(extra: Obj, o: Obj, skip: ReadonlySet<string>): void {
  let kept = Object.keys(extra).length;
  let dropped = typeof extra.dropped_keys === 'number' ? extra.dropped_keys : 0;
  for (const key of Object.keys(o)) {
    if (skip.has(key)) continue;
    const v = o[key];
    if (v === null || v === undefined || v === '') continue;
    if (kept >= MAX_EXTRA_KEYS) {
      dropped++;
      continue;
    }
    if (key === 'comms_ip' || key === 'interface_ip') putAddress(extra, key, v);
    else if (typeof v === 'string' && JSON_STRING_KEYS.has(key)) setField(extra, key, decodeJsonString(v));
    else setField(extra, key, bounded(v));
    kept++;
  }
  if (dropped > 0) extra.dropped_keys = dropped;
}

/** A non-empty string value (numbers as their text). */
export function text(o: Obj, key: string): string | undefined {
  const v = o[key];
  if (typeof v === 'string') return v.length > 0 ? v : undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** An MD5 that is not Cb's all-zero "unknown" placeholder. */
export function realHash(v: string | undefined): string | undefined {
  if (v === undefined || /^0+$/.test(v)) return undefined;
  return v;
}
