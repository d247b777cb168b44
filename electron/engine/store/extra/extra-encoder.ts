// The compact form of an event's `extra` (migration 015). Stored per row: the shape (the key
// list, one row of extra_shape per evidence file and key list) and a JSON array of the values;
// values of keys that repeat across events (a device id, a process's hash, an interface name)
// are ids into extra_value (per evidence file) instead of their text. Today's JSON text is
// rebuilt exactly from them (extra-decoder.ts in the engine; the `events` view in plain SQL).
//
// The encoder reads the JSON text the ingest has always written (JSON.stringify's output for
// a flat object) and copies each value's text as it is (extra-split.ts), so the rebuilt text
// is the same bytes whatever the format wrote; or it takes an object's values (encodeObject)
// or a format's members (encodeMembers: Defender rows) and writes each value's text as
// JSON.stringify does, without the whole text being written and read again. What it cannot
// encode (nested values, keys needing escapes, whitespace) is stored as the JSON text itself,
// with no shape.
//
// Elements of the values array, by the shape's per-key flag:
// - coded key: an integer, the id of the value's JSON text in extra_value;
// - literal key: the value's own JSON text when plain SQL gives the same text back (a string
//   without \u escapes, an integer of at most 15 digits), else `[id]`, an id into extra_value.
// A coded key whose values turn out to vary so much that its dictionary entries cost more
// than the ids save (weighed after a trial of uses; see extra-rules.ts) becomes literal: a new shape with
// that flag cleared, for later rows.

import type { ExtraMembers } from '../../formats/extra-members';
import { ESCAPED, pastTrialCostsMore, sqlSafe, valueText, type KeyStats } from './extra-rules';
import { splitMembers } from './extra-split';

/** One shape as stored in extra_shape: its keys' JSON texts and which are coded. */
export interface ShapeRow {
  n: number;
  /** JSON array of the keys, e.g. ["DeviceId","Protocol"]. */
  keys: string;
  /** JSON array of 0/1 per key, e.g. [1,0]. */
  coded: string;
}

/** A dictionary entry as stored in extra_value. */
export interface ValueRow {
  n: number;
  /** The value's JSON text, as the source row's extra held it. */
  value: string;
}

/** New shapes and values since the last take(), to store before the rows that use them. */
export interface ExtraDictionaryDelta {
  shapes: ShapeRow[];
  values: ValueRow[];
}

export interface EncodedExtra {
  /** The shape's id (per evidence file), or null: `values` is then the JSON text itself. */
  shape: number | null;
  values: string;
}

/** Dictionary entries per file held in memory; past it no new coded value is added. */
const MAX_VALUES = 200_000;
/** Shapes per file (free-form key=value logs): past it new key lists are stored as text. */
const MAX_SHAPES = 4096;

/** Keys whose figures are kept per file (free-form key=value logs have more; those count per shape). */
const MAX_KEY_STATS = 4096;

interface Shape {
  n: number;
  /** `"Key":` per key, as the text holds it. */
  keyTexts: string[];
  coded: boolean[];
  /** Per key: its figures in this file (shared by every shape holding the key). */
  stats: KeyStats[];
}

/**
 * TRACELIGHT_EXTRA_ENCODING=0 stores extra as its JSON text, as before migration 015 (the
 * tests' reference for the round trip, and the bench's "before"); the case reads the same.
 */
const PLAIN = typeof process !== 'undefined' && process.env?.TRACELIGHT_EXTRA_ENCODING === '0';

export class ExtraEncoder {
  private readonly byKeys = new Map<string, Shape>();
  private last: Shape | null = null;
  private shapeCount: number;
  private readonly values = new Map<string, number>();
  /** Per key text: its figures in this file (see KeyStats). */
  private readonly keyStats = new Map<string, KeyStats>();
  /** Ids up to this are taken (a file whose conversion was interrupted: store/extra/convert.ts). */
  private readonly valueBase: number;
  private pending: ExtraDictionaryDelta = { shapes: [], values: [] };
  /** Scratch per row: each member's key text and value text. */
  private readonly keys: string[] = [];
  private readonly vals: string[] = [];
  /** `"key":` per key seen by encodeObject. */
  private readonly keyTexts = new Map<string, string>();
  /** Per position: the last coded value's text and its id (a memo of `values`). */
  private readonly lastText: string[] = [];
  private readonly lastId: number[] = [];
  /** Scratch per row (encodeMembers, encodeObject): a string value (its text is JSON.stringify's), else undefined. */
  private readonly raws: (string | undefined)[] = [];
  /** Ids of coded strings needing no escapes, by the string (a second index of `values`), and its memo. */
  private readonly rawIds = new Map<string, number>();
  private readonly lastRaw: string[] = [];
  private readonly lastRawId: number[] = [];

  constructor(taken: { shapes: number; values: number } = { shapes: 0, values: 0 }) {
    this.shapeCount = taken.shapes;
    this.valueBase = taken.values;
  }

  /** New shapes and values since the last call (they must be stored with the rows). */
  take(): ExtraDictionaryDelta {
    const d = this.pending;
    this.pending = { shapes: [], values: [] };
    return d;
  }

  encode(text: string): EncodedExtra {
    if (PLAIN) return { shape: null, values: text };
    const count = splitMembers(text, this.last?.keyTexts ?? null, this.keys, this.vals);
    if (count <= 0) return { shape: null, values: text };
    return this.members(count) ?? { shape: null, values: text };
  }

  /**
   * A flat object as JSON.stringify would write it (with an `action_original` member first
   * when given), encoded from its values without writing that text and reading it again;
   * null when it must go the way of the text (a nested value, a key needing escapes, no
   * member, or encoding switched off).
   */
  encodeObject(o: Record<string, unknown>, actionOriginal?: string): EncodedExtra | null {
    if (PLAIN) return null;
    const raws = this.raws;
    let count = this.openRow(actionOriginal);
    // Object.keys' order is JSON.stringify's (both list own keys the same way).
    for (const k of Object.keys(o)) {
      const v = o[k];
      let t: string | undefined;
      // A string goes as it is, as encodeMembers hands it (its text is written or looked up
      // only where needed: a user agent repeated on every line is found without quoting it).
      if (typeof v === 'string') t = undefined;
      else if (typeof v === 'number') t = Number.isFinite(v) ? String(v) : 'null';
      else if (typeof v === 'boolean') t = v ? 'true' : 'false';
      else if (v === null) t = 'null';
      else if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      else return this.clearRaws(count);
      let kt = this.keyTexts.get(k);
      if (kt === undefined) {
        if (ESCAPED.test(k)) return this.clearRaws(count);
        kt = `"${k}":`;
        // Free-form keys (key=value logs) must not grow this without bound.
        if (this.keyTexts.size < 4096) this.keyTexts.set(k, kt);
      }
      this.keys[count] = kt;
      if (t === undefined) raws[count++] = v as string;
      else {
        raws[count] = undefined;
        this.vals[count++] = t;
      }
    }
    return this.closeRow(count);
  }

  /**
   * Members as a format handed them over (formats/extra-members.ts), with an
   * `action_original` member first when given: encoded as encode() would encode their JSON
   * text (extraMembersJson), without that text; null when it must go the way of the text
   * (a nested value, no member, too many shapes, or encoding switched off).
   */
  encodeMembers(m: ExtraMembers, actionOriginal?: string): EncodedExtra | null {
    if (PLAIN) return null;
    const { keys, values } = m;
    const raws = this.raws;
    let count = this.openRow(actionOriginal);
    for (let i = 0; i < keys.length; i++) {
      const v = values[i]!;
      this.keys[count] = keys[i]!;
      if (typeof v === 'string') {
        // Its text (`"v"` for most) is written or looked up only where needed.
        raws[count++] = v;
        continue;
      }
      const c = v.json.charCodeAt(0);
      if (c === 0x7b || c === 0x5b) return this.clearRaws(count);
      this.vals[count] = v.json;
      raws[count++] = undefined;
    }
    return this.closeRow(count);
  }

  /** A row of encodeObject/encodeMembers begins: its `action_original` member, if any; the count so far. */
  private openRow(actionOriginal: string | undefined): number {
    if (actionOriginal === undefined) return 0;
    this.keys[0] = '"action_original":';
    this.vals[0] = valueText(actionOriginal);
    this.raws[0] = undefined;
    return 1;
  }

  /** Encodes the row's `count` members, then leaves no raw value behind for the next row. */
  private closeRow(count: number): EncodedExtra | null {
    if (count === 0) return null;
    const encoded = this.members(count);
    this.clearRaws(count);
    return encoded;
  }

  /** No raw values left for encode(), which fills only this.vals. */
  private clearRaws(count: number): null {
    for (let i = 0; i < count; i++) this.raws[i] = undefined;
    return null;
  }

  /**
   * A string needing no escapes, not found among the coded values: its id (added to the
   * dictionary), or -1 when it is written as its own text `"raw"` (a literal key, or one that
   * becomes literal now: this.last is then the new shape). No backslash, no \u escape: plain
   * SQL writes such a text back the same (sqlSafe).
   */
  private plain(shape: Shape, i: number, raw: string): number {
    shape.stats[i]!.chars += raw.length + 2;
    if (!shape.coded[i]) return -1;
    const text = `"${raw}"`;
    let id = this.values.get(text);
    if (id === undefined) {
      ++shape.stats[i]!.added;
      if (this.stopsPaying(shape.stats[i]!)) {
        this.demote(shape, i);
        return -1;
      }
      id = this.add(text);
    }
    // Keyed by the text's inside, not by raw: raw may be a slice of its whole record, which
    // the map would keep alive.
    this.rawIds.set(text.slice(1, -1), id);
    this.lastRaw[i] = raw;
    this.lastRawId[i] = id;
    return id;
  }

  /**
   * A coded key has just met a value new to the dictionary: true when it should be written in
   * the rows from now on (the dictionary is full, the key was found not to pay in another
   * shape, or, past the trial, its entries cost more than its ids save).
   */
  private stopsPaying(key: KeyStats): boolean {
    if (!key.literal && (this.values.size >= MAX_VALUES || pastTrialCostsMore(key))) key.literal = true;
    return key.literal;
  }

  private statsOf(keyText: string): KeyStats {
    let key = this.keyStats.get(keyText);
    if (key === undefined) {
      key = { added: 0, uses: 0, chars: 0, literal: false };
      if (this.keyStats.size < MAX_KEY_STATS) this.keyStats.set(keyText, key);
    }
    return key;
  }

  /** Encodes the members in this.keys / this.vals; null when the file has too many shapes. */
  private members(count: number): EncodedExtra | null {
    let shape = this.shapeFor(count);
    if (shape === null) return null;
    let out = '[';
    for (let i = 0; i < count; i++) {
      const raw = this.raws[i];
      if (i > 0) out += ',';
      shape.stats[i]!.uses++;
      if (raw !== undefined) {
        // A string (encodeMembers). One coded before is known to need no escapes: its text
        // is `"raw"`, and it is found without testing its characters.
        if (shape.coded[i]) {
          const id = this.lastRaw[i] === raw ? this.lastRawId[i] : this.rawIds.get(raw);
          if (id !== undefined) {
            shape.stats[i]!.chars += raw.length + 2;
            this.lastRaw[i] = raw;
            this.lastRawId[i] = id;
            out += id;
            continue;
          }
        }
        if (ESCAPED.test(raw)) this.vals[i] = JSON.stringify(raw);
        else {
          const id = this.plain(shape, i, raw);
          if (id >= 0) out += id;
          else {
            // The shape in use is this.last (shapeFor and demote keep it so).
            shape = this.last!;
            out += `"${raw}"`;
          }
          continue;
        }
      }
      const v = this.vals[i]!;
      shape.stats[i]!.chars += v.length;
      if (shape.coded[i]) {
        // Most coded values equal the previous row's at the same place (a protocol, a
        // company name): compared without hashing them for the map.
        let id = this.lastText[i] === v ? this.lastId[i] : this.values.get(v);
        if (id === undefined) {
          ++shape.stats[i]!.added;
          if (this.stopsPaying(shape.stats[i]!)) {
            shape = this.demote(shape, i);
          } else id = this.add(v);
        }
        if (id !== undefined) {
          this.lastText[i] = v;
          this.lastId[i] = id;
          out += id;
          continue;
        }
      }
      if (sqlSafe(v)) out += v;
      else {
        // A value plain SQL would write back differently (a float, true, an \u escape).
        if (this.values.size >= MAX_VALUES && !this.values.has(v)) return null;
        out += `[${this.values.get(v) ?? this.add(v)}]`;
      }
    }
    return { shape: shape.n, values: `${out}]` };
  }

  private shapeFor(count: number): Shape | null {
    const keys = this.keys;
    const last = this.last;
    if (last !== null && last.keyTexts.length === count) {
      let same = true;
      for (let i = 0; i < count; i++) {
        if (last.keyTexts[i] !== keys[i]) {
          same = false;
          break;
        }
      }
      if (same) return last;
    }
    let signature = keys[0]!;
    for (let i = 1; i < count; i++) signature += keys[i]!;
    let shape = this.byKeys.get(signature);
    if (shape === undefined) {
      if (this.shapeCount >= MAX_SHAPES) return null;
      // A key found not to pay under other key lists is written in the rows from the start.
      const keyTexts = keys.slice(0, count);
      const stats = keyTexts.map((k) => this.statsOf(k));
      shape = this.newShape(keyTexts, stats, stats.map((k) => !k.literal));
      this.byKeys.set(signature, shape);
    }
    this.last = shape;
    return shape;
  }

  /** The same keys with key i literal from now on. */
  private demote(shape: Shape, i: number): Shape {
    const coded = shape.coded.slice();
    coded[i] = false;
    const next = this.newShape(shape.keyTexts, shape.stats, coded);
    this.byKeys.set(shape.keyTexts.join(''), next);
    if (this.last === shape) this.last = next;
    return next;
  }

  private newShape(keyTexts: string[], stats: KeyStats[], coded: boolean[]): Shape {
    const n = ++this.shapeCount;
    const shape: Shape = { n, keyTexts, coded, stats };
    // `"Key":` -> "Key": the key texts hold no escapes (splitMembers refuses those).
    this.pending.shapes.push({ n, keys: `[${keyTexts.map((k) => k.slice(0, -1)).join(',')}]`, coded: `[${coded.map((c) => (c ? 1 : 0)).join(',')}]` });
    return shape;
  }

  private add(value: string): number {
    const n = this.valueBase + this.values.size + 1;
    this.values.set(value, n);
    this.pending.values.push({ n, value });
    return n;
  }
}
