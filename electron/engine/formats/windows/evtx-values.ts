// BinXML value types (libyal "Windows XML Event Log (EVTX) format", section Value types;
// [MS-EVEN6] 2.2.18) decoded to the text Event Viewer shows for them.
// Every reader is bounds-checked by its caller: (pos, size) must lie inside the buffer.

export const VT_NULL = 0x00;
export const VT_STRING = 0x01;
const VT_ANSI = 0x02;
const VT_SIZE_T = 0x10;
export const VT_BINXML = 0x21;
export const VT_ARRAY = 0x80;

export class EvtxFormatError extends Error {
  constructor(
    message: string,
    /** Offset of the problem, relative to the chunk start. */
    readonly offset: number,
  ) {
    super(message);
    this.name = 'EvtxFormatError';
  }
}

const HEX: string[] = [];
for (let i = 0; i < 256; i++) HEX.push(i.toString(16).padStart(2, '0').toUpperCase());

function hexUpper(buf: Buffer, pos: number, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += HEX[buf[pos + i]!]!;
  return s;
}

/** Seconds from 1601-01-01 to 1970-01-01. */
const EPOCH_DELTA_S = 11644473600;
let lastSecond = NaN;
let lastPrefix = '';

/** FILETIME (100 ns ticks since 1601-01-01 UTC) -> "2017-12-26T13:10:29.1368792Z". */
export function filetimeToIso(buf: Buffer, pos: number): string {
  // 64-bit ticks / 10^7 without BigInt: long division in 32 + 16 + 16-bit steps.
  const lo = buf.readUInt32LE(pos);
  const hi = buf.readUInt32LE(pos + 4);
  let r = hi % 1e7;
  const q1 = (hi - r) / 1e7;
  let x = r * 65536 + (lo >>> 16);
  r = x % 1e7;
  const q2 = (x - r) / 1e7;
  x = r * 65536 + (lo & 0xffff);
  const frac = x % 1e7;
  const q3 = (x - frac) / 1e7;
  const seconds = q1 * 4294967296 + q2 * 65536 + q3 - EPOCH_DELTA_S;
  if (seconds !== lastSecond) {
    const d = new Date(seconds * 1000);
    if (Number.isNaN(d.getTime())) return `FILETIME(${buf.readBigUInt64LE(pos).toString()})`;
    const iso = d.toISOString(); // ...THH:MM:SS.000Z
    lastPrefix = iso.slice(0, iso.length - 5);
    lastSecond = seconds;
  }
  return `${lastPrefix}.${String(frac).padStart(7, '0')}Z`;
}

const ISO_RE = /^(-?\d{4,6})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?Z$/;

/** UTC epoch milliseconds of an ISO text this module wrote (FILETIME or SYSTEMTIME); NaN otherwise. */
export function isoToMs(iso: string): number {
  // Fast path for "YYYY-MM-DDTHH:MM:SS.fffffffZ".
  if (iso.length === 28 && iso.charCodeAt(19) === 46 && iso.charCodeAt(4) === 45) {
    const ms = Date.parse(`${iso.slice(0, 23)}Z`);
    if (!Number.isNaN(ms)) return ms;
  }
  const m = ISO_RE.exec(iso);
  if (!m) return NaN;
  const ms = m[7] ? Number((m[7] + '00').slice(0, 3)) : 0;
  const t = new Date(0);
  t.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  t.setUTCHours(Number(m[4]), Number(m[5]), Number(m[6]), ms);
  return t.getTime();
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

/** SYSTEMTIME (year, month, weekday, day, hour, minute, second, ms as uint16) -> ISO text. */
function systemtimeToIso(buf: Buffer, pos: number): string {
  const f = (i: number): number => buf.readUInt16LE(pos + i * 2);
  return `${pad(f(0), 4)}-${pad(f(1), 2)}-${pad(f(3), 2)}T${pad(f(4), 2)}:${pad(f(5), 2)}:${pad(f(6), 2)}.${pad(f(7), 3)}Z`;
}

/** GUID as Windows writes it: {5770385F-C22A-43E0-BF4C-06F5698FFBD9}. */
export function guidToString(buf: Buffer, pos: number): string {
  const d1 = buf.readUInt32LE(pos).toString(16).padStart(8, '0');
  const d2 = buf.readUInt16LE(pos + 4).toString(16).padStart(4, '0');
  const d3 = buf.readUInt16LE(pos + 6).toString(16).padStart(4, '0');
  return `{${d1}-${d2}-${d3}-`.toUpperCase() + `${hexUpper(buf, pos + 8, 2)}-${hexUpper(buf, pos + 10, 6)}}`;
}

/** NT security identifier -> "S-1-5-21-...", or null when `size` bytes do not hold one. */
export function sidToString(buf: Buffer, pos: number, size: number): string | null {
  if (size < 8) return null;
  const revision = buf[pos]!;
  const count = buf[pos + 1]!;
  if (8 + count * 4 > size) return null;
  const authHigh = buf.readUInt16BE(pos + 2);
  const authLow = buf.readUInt32BE(pos + 4);
  const authority = authHigh === 0 ? String(authLow) : `0x${hexUpper(buf, pos + 2, 6)}`;
  let s = `S-${revision}-${authority}`;
  for (let i = 0; i < count; i++) s += `-${buf.readUInt32LE(pos + 8 + i * 4)}`;
  return s;
}

/** Width in bytes of the fixed-size types; 0 for variable-size ones. */
export function fixedWidth(type: number): number {
  switch (type) {
    case 0x03:
    case 0x04:
      return 1;
    case 0x05:
    case 0x06:
      return 2;
    case 0x07:
    case 0x08:
    case 0x0b:
    case 0x0d:
    case 0x14:
      return 4;
    case 0x09:
    case 0x0a:
    case 0x0c:
    case 0x11:
    case 0x15:
      return 8;
    case 0x0f:
    case 0x12:
      return 16;
    default:
      return 0;
  }
}

function formatReal(n: number): string {
  if (Number.isNaN(n)) return '-1.#IND';
  if (n === Infinity) return '1.#INF';
  if (n === -Infinity) return '-1.#INF';
  return String(n);
}

/** One fixed-width value (width already checked to fit). */
function fixedValue(buf: Buffer, pos: number, type: number): string {
  switch (type) {
    case 0x03:
      return String(buf.readInt8(pos));
    case 0x04:
      return String(buf[pos]);
    case 0x05:
      return String(buf.readInt16LE(pos));
    case 0x06:
      return String(buf.readUInt16LE(pos));
    case 0x07:
      return String(buf.readInt32LE(pos));
    case 0x08:
      return String(buf.readUInt32LE(pos));
    case 0x09:
      return buf.readBigInt64LE(pos).toString();
    case 0x0a:
      return buf.readBigUInt64LE(pos).toString();
    case 0x0b:
      return formatReal(buf.readFloatLE(pos));
    case 0x0c:
      return formatReal(buf.readDoubleLE(pos));
    case 0x0d:
      return buf.readUInt32LE(pos) !== 0 ? 'true' : 'false';
    case 0x0f:
      return guidToString(buf, pos);
    case 0x11:
      return filetimeToIso(buf, pos);
    case 0x12:
      return systemtimeToIso(buf, pos);
    case 0x14:
      return `0x${buf.readUInt32LE(pos).toString(16)}`;
    case 0x15:
      return `0x${buf.readBigUInt64LE(pos).toString(16)}`;
    default:
      throw new Error(`not a fixed-width type 0x${type.toString(16)}`);
  }
}

/** UTF-16LE text with trailing NULs removed. */
export function utf16(buf: Buffer, pos: number, byteLength: number): string {
  let end = pos + (byteLength & ~1);
  while (end > pos && buf[end - 1] === 0 && buf[end - 2] === 0) end -= 2;
  return buf.toString('utf16le', pos, end);
}

function ansi(buf: Buffer, pos: number, size: number): string {
  let end = pos + size;
  while (end > pos && buf[end - 1] === 0) end--;
  return buf.toString('latin1', pos, end);
}

/** A decoded substitution value: its text, and for arrays the items. */
export interface ScalarValue {
  type: number;
  text: string;
  items?: string[];
}

/**
 * Decodes a value of `size` bytes at `pos` (template instance data), for every type but
 * BinXML (0x21), which the BinXML parser expands itself. `offsetBase` turns buffer
 * positions into chunk offsets for error messages.
 */
export function decodeValue(buf: Buffer, pos: number, size: number, type: number, offsetBase = 0): ScalarValue {
  if (type === VT_NULL) return { type, text: '' };
  if (type === VT_STRING) return { type, text: utf16(buf, pos, size) };
  if (type === VT_ANSI) return { type, text: ansi(buf, pos, size) };
  if (type === 0x0e || type === 0x20 || type === 0x23) return { type, text: hexUpper(buf, pos, size) };
  if (type === 0x13) {
    const sid = sidToString(buf, pos, size);
    return { type, text: sid ?? hexUpper(buf, pos, size) };
  }
  if (type === VT_SIZE_T) {
    if (size === 4) return { type, text: fixedValue(buf, pos, 0x14) };
    if (size === 8) return { type, text: fixedValue(buf, pos, 0x15) };
    throw new EvtxFormatError(`size_t value of ${size} bytes`, offsetBase + pos);
  }
  if (type & VT_ARRAY) return decodeArray(buf, pos, size, type, offsetBase);
  const width = fixedWidth(type);
  if (width === 0) throw new EvtxFormatError(`unknown value type 0x${type.toString(16)}`, offsetBase + pos);
  if (size < width) throw new EvtxFormatError(`value type 0x${type.toString(16)} needs ${width} bytes, has ${size}`, offsetBase + pos);
  return { type, text: fixedValue(buf, pos, type) };
}

function decodeArray(buf: Buffer, pos: number, size: number, type: number, offsetBase: number): ScalarValue {
  const base = type & 0x7f;
  const items: string[] = [];
  if (base === VT_STRING || base === VT_ANSI) {
    // NUL-separated; the last item ends with a NUL too.
    const step = base === VT_STRING ? 2 : 1;
    let start = pos;
    const end = pos + size - (size % step);
    for (let i = pos; i < end; i += step) {
      const nul = step === 2 ? buf[i] === 0 && buf[i + 1] === 0 : buf[i] === 0;
      if (!nul) continue;
      items.push(base === VT_STRING ? buf.toString('utf16le', start, i) : buf.toString('latin1', start, i));
      start = i + step;
    }
    if (start < end) items.push(base === VT_STRING ? buf.toString('utf16le', start, end) : buf.toString('latin1', start, end));
  } else if (base === 0x13) {
    let p = pos;
    while (p + 8 <= pos + size) {
      const n = 8 + buf[p + 1]! * 4;
      const sid = sidToString(buf, p, pos + size - p);
      if (sid === null) throw new EvtxFormatError('truncated SID in array', offsetBase + p);
      items.push(sid);
      p += n;
    }
  } else {
    let width = fixedWidth(base);
    let itemType = base;
    if (base === VT_SIZE_T) {
      // An array of size_t is as wide as the writer's pointers; 8 when the size allows it.
      width = size % 8 === 0 ? 8 : 4;
      itemType = width === 8 ? 0x15 : 0x14;
    }
    if (width === 0) throw new EvtxFormatError(`unknown array value type 0x${type.toString(16)}`, offsetBase + pos);
    for (let p = pos; p + width <= pos + size; p += width) items.push(fixedValue(buf, p, itemType));
  }
  return { type, text: items.join(', '), items };
}

/** Hex dump of bytes for a rejected record: "2a2a0000 b0010000 ..." (at most `max` bytes). */
export function hexDump(buf: Buffer, pos: number, len: number, max = 256): string {
  const n = Math.max(0, Math.min(len, max, buf.length - pos));
  const parts: string[] = [];
  for (let i = 0; i < n; i += 16) {
    const row: string[] = [];
    for (let j = i; j < Math.min(i + 16, n); j++) row.push(HEX[buf[pos + j]!]!.toLowerCase());
    parts.push(`${(i).toString(16).padStart(4, '0')}: ${row.join(' ')}`);
  }
  if (len > n) parts.push(`... (${len} bytes)`);
  return parts.join('\n');
}
