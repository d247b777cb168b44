// JSON text of an event's `extra` object, exactly as JSON.stringify writes it, without
// JSON.stringify's generic walk for the common case: a flat object of strings, numbers and
// booleans. Profiling the ingest worker on a 1M-line combined log put ~40% of the per-event
// flattening time in JSON.stringify(extra) (protocol, referrer, user agent); a string that
// needs no escaping is written between quotes as it is, and each key's `"key":` text is kept.
// Anything else (nested values, integer-like keys, whose order JSON.stringify changes) goes
// to JSON.stringify whole, so the text is always the same as before.

/** What JSON.stringify escapes in a string: quote, backslash, controls, lone surrogates. */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;
/** Keys JSON.stringify would move to the front (array indexes, in numeric order). */
const INDEX_LIKE = /^(?:0|[1-9]\d*)$/;

const keyTexts = new Map<string, string>();
const MAX_KEYS = 4096;

function keyText(key: string): string | null {
  let t = keyTexts.get(key);
  if (t !== undefined) return t;
  if (INDEX_LIKE.test(key)) return null;
  t = `${JSON.stringify(key)}:`;
  // A format with free-form keys (key=value logs) must not grow this without bound.
  if (keyTexts.size < MAX_KEYS) keyTexts.set(key, t);
  return t;
}

export function flatJson(o: Record<string, unknown>): string {
  const keys = Object.keys(o);
  let text = '{';
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const v = o[k];
    let value: string;
    if (typeof v === 'string') value = ESCAPED.test(v) ? JSON.stringify(v) : `"${v}"`;
    else if (typeof v === 'number') value = Number.isFinite(v) ? String(v) : 'null';
    else if (typeof v === 'boolean') value = v ? 'true' : 'false';
    else if (v === null) value = 'null';
    else if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    else return JSON.stringify(o);
    const kt = keyText(k);
    if (kt === null) return JSON.stringify(o);
    text += first ? kt : `,${kt}`;
    text += value;
    first = false;
  }
  return `${text}}`;
}
