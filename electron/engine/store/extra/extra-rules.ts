// Small rules of the compact form of extra (extra-encoder.ts): what a value's JSON text is,
// whether plain SQL writes it back the same, and when a dictionary stops paying.

/** Bytes an extra_value row costs besides its text (record header, key, page slot), and an id's. */
const ENTRY_OVERHEAD = 12;
const ID_BYTES = 5;

/** What JSON.stringify escapes in a string: quote, backslash, controls, lone surrogates. */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
export const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string's JSON text, as JSON.stringify writes it. */
export function valueText(v: string): string {
  return ESCAPED.test(v) ? JSON.stringify(v) : `"${v}"`;
}

/**
 * A key is coded for this many uses before the dictionary's cost is weighed: at first nearly
 * every value is new (a process's creation time, its id), however often each value comes back
 * later, so weighing earlier would judge a repeating key by its start.
 */
const TRIAL_USES = 4096;

/**
 * One key's values in this file, whatever shapes it appears in (a key's values do not depend
 * on which other columns a row left empty): dictionary entries it added, how often it was
 * written, the length of every value written (their mean length), and whether it has been
 * found not to pay (written in the rows from then on, in every shape).
 */
export interface KeyStats {
  added: number;
  uses: number;
  chars: number;
  literal: boolean;
}

/**
 * True when, past the trial, a key's dictionary entries (`added` of them, over `uses` writes of
 * values whose lengths sum to `chars`) weigh more than writing its values in the rows would: a
 * value seen once or twice (a report id, a creation time) is not worth an entry.
 */
export function pastTrialCostsMore({ added, uses, chars }: KeyStats): boolean {
  if (uses <= TRIAL_USES) return false;
  const mean = chars / uses;
  return added * (mean + ENTRY_OVERHEAD) + uses * ID_BYTES > uses * mean;
}

/**
 * True when the value's JSON text is what SQLite's json_each + json_group_object write back
 * for it: a string without \u escapes (SQLite escapes " \ and control characters as
 * JSON.stringify does; \u escapes of lone surrogates it cannot keep), or a short integer.
 */
export function sqlSafe(v: string): boolean {
  const c = v.charCodeAt(0);
  if (c === 0x22) {
    for (let i = v.indexOf('\\'); i !== -1; i = v.indexOf('\\', i + 2)) if (v.charCodeAt(i + 1) === 0x75) return false;
    return true;
  }
  if (v.length > 15) return false;
  let i = c === 0x2d ? 1 : 0;
  if (i === v.length) return false;
  // No leading zero (JSON has none): "0" itself is fine.
  if (v.charCodeAt(i) === 0x30 && v.length > i + 1) return false;
  for (; i < v.length; i++) {
    const d = v.charCodeAt(i);
    if (d < 0x30 || d > 0x39) return false;
  }
  return v !== '-0';
}
