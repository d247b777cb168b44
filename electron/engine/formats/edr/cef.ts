// ArcSight Common Event Format (CEF) as specified by Micro Focus ("Implementing ArcSight CEF"):
//   CEF:Version|Device Vendor|Device Product|Device Version|Signature ID|Name|Severity|Extension
// Header fields escape "|" and "\" with a backslash. The extension is space-separated key=value
// pairs whose values may contain spaces (a value ends where the next " key=" begins); values
// escape "=" and "\" and write newlines as \n or \r.

export interface CefRecord {
  version: string;
  vendor: string;
  product: string;
  deviceVersion: string;
  signatureId: string;
  name: string;
  severity: string;
  /** Extension pairs in order (a key written twice keeps its first value). */
  ext: Record<string, string>;
}

/** Splits the 7 header fields and the extension; null when the text is not CEF. */
export function parseCef(text: string): CefRecord | null {
  const start = text.indexOf('CEF:');
  if (start === -1) return null;
  const fields: string[] = [];
  let cur = '';
  let i = start + 4;
  for (; i < text.length && fields.length < 7; i++) {
    const c = text[i]!;
    if (c === '\\' && (text[i + 1] === '|' || text[i + 1] === '\\')) {
      cur += text[i + 1];
      i++;
    } else if (c === '|') {
      fields.push(cur);
      cur = '';
    } else cur += c;
  }
  if (fields.length < 7) return null;
  if (!/^\d+$/.test(fields[0]!)) return null;
  return {
    version: fields[0]!,
    vendor: fields[1]!,
    product: fields[2]!,
    deviceVersion: fields[3]!,
    signatureId: fields[4]!,
    name: fields[5]!,
    severity: fields[6]!,
    ext: parseCefExtension(text.slice(i)),
  };
}

function unescapeValue(v: string): string {
  if (v.indexOf('\\') === -1) return v;
  return v.replace(/\\([\\=nr])/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}

// A key: letters, digits, "_", "." and "[]"-style suffixes, as CEF dictionary and custom keys use.
const KEY_RE = /(?:^|\s)([A-Za-z_][\w.[\]-]{0,99})=/g;

function parseCefExtension(ext: string): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  const keys: { key: string; at: number; valueStart: number }[] = [];
  KEY_RE.lastIndex = 0;
  for (let m = KEY_RE.exec(ext); m; m = KEY_RE.exec(ext)) {
    const eq = m.index + m[0].length - 1;
    // "\=" inside a value is not a pair.
    if (ext[eq - 1] === '\\') continue;
    keys.push({ key: m[1]!, at: m.index + m[0].length - m[1]!.length - 1, valueStart: eq + 1 });
  }
  for (let k = 0; k < keys.length; k++) {
    const { key, valueStart } = keys[k]!;
    const end = k + 1 < keys.length ? keys[k + 1]!.at : ext.length;
    const raw = ext.slice(valueStart, end).replace(/\s+$/, '');
    if (!(key in out)) out[key] = unescapeValue(raw);
  }
  return out;
}
