// The JSON text of a flat object (what the ingest wrote for extra before migration 015, and
// what formats that hand over text still write) cut into its members' key texts and value
// texts, each value's text copied as it is (extra-encoder.ts encodes them).

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const CLOSE = 0x7d;

/**
 * Splits a flat JSON object's text into member key texts and value texts (keys, vals); the
 * member count, or 0 when the text is not a flat object without spaces whose keys need no
 * escapes (it is then stored as it is). `hint`: the previous row's key texts (most rows of a
 * file share them), checked in place rather than cut out of the text.
 */
export function splitMembers(t: string, hint: readonly string[] | null, keys: string[], vals: string[]): number {
  const len = t.length;
  if (len < 7 || t.charCodeAt(0) !== 0x7b || t.charCodeAt(1) !== QUOTE) return 0;
  let p = 1;
  let count = 0;
  // Position of the next backslash at or after p (-1: none), kept as p moves.
  let backslash = t.indexOf('\\');
  for (;;) {
    if (t.charCodeAt(p) !== QUOTE) return 0;
    let keyText: string;
    const known = hint !== null && count < hint.length ? hint[count]! : null;
    if (known !== null && t.startsWith(known, p)) {
      keyText = known;
      p += known.length;
    } else {
      let q = p + 1;
      for (;;) {
        if (q >= len) return 0;
        const c = t.charCodeAt(q);
        if (c === QUOTE) break;
        if (c === BACKSLASH) return 0;
        q++;
      }
      if (t.charCodeAt(q + 1) !== 0x3a) return 0;
      keyText = t.slice(p, q + 2);
      p = q + 2;
    }
    const start = p;
    const c = t.charCodeAt(p);
    if (c === QUOTE) {
      // The closing quote by indexOf (native), stepping over escapes only where the next
      // backslash lies before it: most values have none.
      let q = t.indexOf('"', p + 1);
      if (backslash !== -1 && backslash < p) backslash = t.indexOf('\\', p);
      while (q !== -1 && backslash !== -1 && backslash < q) {
        // An escape: skip the escaped character, then look again.
        const after = backslash + 2;
        if (after > q) q = t.indexOf('"', after);
        backslash = t.indexOf('\\', after);
      }
      if (q === -1) return 0;
      p = q + 1;
    } else if (c === 0x7b || c === 0x5b) return 0;
    else {
      while (p < len) {
        const d = t.charCodeAt(p);
        if (d === COMMA || d === CLOSE) break;
        p++;
      }
      if (p === start) return 0;
    }
    keys[count] = keyText;
    vals[count] = t.slice(start, p);
    count++;
    const sep = t.charCodeAt(p);
    if (sep === CLOSE) return p === len - 1 ? count : 0;
    if (sep !== COMMA) return 0;
    p++;
  }
}
