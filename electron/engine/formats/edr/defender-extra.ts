// extra of a Defender row as the JSON text stored in event_row.extra, written directly: each
// kept cell as `"Key":` (per column, once per file) and JSON.stringify of its value. The text
// is exactly JSON.stringify of the object the mapping used to build (same keys, same order,
// same values), without building that object per row.
import { isUsed, type DefenderCells } from './defender-cells';
import type { ExtraMembers, JsonValue } from '../extra-members';

/** Keys past this many are counted (dropped_keys), not kept: a row of 10,000 columns. */
const MAX_KEPT = 256;

/** Nothing to keep: null, an empty cell, or an empty JSON object/list (AdditionalFields "{}"). */
function isEmptyCell(v: unknown): boolean {
  if (typeof v === 'string') return v.length === 0 || (v.length === 2 && (v === '{}' || v === '[]'));
  if (v === null || v === undefined) return true;
  if (typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.length === 0;
  for (const _ in v) return false;
  return true;
}

/** What JSON.stringify escapes in a string: quote, backslash, controls, lone surrogates. */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * A key's text in extra: `"Key":` after `{` (first member) or `,` (later ones), with the
 * opening quote of a string value, and with the closing quote of the member before when
 * that was a string. The text is then two pieces per member (this and the value): a string
 * of many short pieces costs more to flatten (when it is written out) than to build.
 */
export interface KeyText {
  /** `"Key":`, or null when the key's JSON text has escapes (the row then goes as text). */
  member: string | null;
  first: string;
  firstQuoted: string;
  next: string;
  nextQuoted: string;
  afterQuoted: string;
  afterQuotedQuoted: string;
}

function keyText(key: string): KeyText {
  const k = `${JSON.stringify(key)}:`;
  return { member: k.includes('\\') ? null : k, first: `{${k}`, firstQuoted: `{${k}"`, next: `,${k}`, nextQuoted: `,${k}"`, afterQuoted: `",${k}`, afterQuotedQuoted: `",${k}"` };
}

/**
 * Every non-empty cell that no normalized field took, as a JSON object's text; undefined
 * when there is none (extra stays NULL).
 */
export function extraJson(r: DefenderCells): string | undefined {
  const { keys, keyAt, keyColumn, keyText: texts } = r.layout;
  const values = r.values;
  let text = '';
  let kept = 0;
  // The last member's string value still needs its closing quote.
  let open = false;
  for (let k = 0; k < keys.length; k++) {
    const v = values[keyAt[k]!];
    if (isEmptyCell(v)) continue;
    const c = keyColumn[k]!;
    if (c >= 0 && isUsed(r, c)) continue;
    if (++kept > MAX_KEPT) return cappedExtraJson(r);
    const t = texts[k] ?? (texts[k] = keyText(keys[k]!));
    // Most cells are strings JSON.stringify would only put quotes around.
    if (typeof v === 'string' && !ESCAPED.test(v)) {
      text += kept === 1 ? t.firstQuoted : open ? t.afterQuotedQuoted : t.nextQuoted;
      text += v;
      open = true;
    } else {
      text += kept === 1 ? t.first : open ? t.afterQuoted : t.next;
      text += JSON.stringify(v);
      open = false;
    }
  }
  return kept === 0 ? undefined : `${text}${open ? '"}' : '}'}`;
}

/**
 * The same members as extraJson's text, handed over without writing it: each key's `"Key":`
 * (the layout's string, once per file) and each value, a string as it is or anything else
 * as its JSON text. The text itself (a string) for what the members cannot carry: a
 * row past MAX_KEPT (its dropped_keys member) or a key needing escapes. Undefined when no
 * cell is kept.
 */
export function extraMembers(r: DefenderCells): ExtraMembers | string | undefined {
  const { keys, keyAt, keyColumn, keyText: texts } = r.layout;
  const values = r.values;
  const memberKeys: string[] = [];
  const memberValues: (string | JsonValue)[] = [];
  for (let k = 0; k < keys.length; k++) {
    const v = values[keyAt[k]!];
    if (isEmptyCell(v)) continue;
    const c = keyColumn[k]!;
    if (c >= 0 && isUsed(r, c)) continue;
    const t = texts[k] ?? (texts[k] = keyText(keys[k]!));
    if (t.member === null || memberKeys.length === MAX_KEPT) return extraJson(r);
    memberKeys.push(t.member);
    memberValues.push(typeof v === 'string' ? v : { json: JSON.stringify(v) });
  }
  return memberKeys.length === 0 ? undefined : { keys: memberKeys, values: memberValues };
}

/** A row past MAX_KEPT (rare): the object itself, so that a "dropped_keys" column keeps its place. */
function cappedExtraJson(r: DefenderCells): string {
  const { keys, keyAt, keyColumn } = r.layout;
  // Null-prototype: a "__proto__" column is plain data.
  const extra = Object.create(null) as Record<string, unknown>;
  let kept = 0;
  let dropped = 0;
  for (let k = 0; k < keys.length; k++) {
    const v = r.values[keyAt[k]!];
    const c = keyColumn[k]!;
    if (isEmptyCell(v) || (c >= 0 && isUsed(r, c))) continue;
    if (++kept > MAX_KEPT) dropped++;
    else extra[keys[k]!] = v;
  }
  extra.dropped_keys = dropped;
  return JSON.stringify(extra);
}
