// Tokenizer for space-separated key=value records (FortiGate and similar devices):
//   [<PRI>][syslog header ]key=value key="quoted value" key="with \"escaped\" quotes"
// One reusable instance per parser: parallel arrays instead of an object per pair,
// because a 1 GB firewall log has tens of millions of pairs.

const TABLE_SIZE = 256;
const TABLE_MASK = TABLE_SIZE - 1;
/** Pairs indexed by the table; at most half full keeps probe chains short. */
const MAX_TABLE_KEYS = TABLE_SIZE / 2;

function isKeyChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || // a-z
    (c >= 65 && c <= 90) || // A-Z
    (c >= 48 && c <= 57) || // 0-9
    c === 95 || // _
    c === 45 || // -
    c === 46 // .
  );
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * Only \" is unescaped. Whether a device also escapes backslashes is not
 * documented, and un-doubling "\\\\server\\share" would alter evidence; the
 * closing-quote scan still treats "\\" as one escaped character.
 */
function unescapeQuotes(s: string): string {
  return s.replaceAll('\\"', '"');
}

export class KvTokenizer {
  keys: string[] = [];
  values: string[] = [];
  quoted: boolean[] = [];
  /** Offsets of each pair's raw text "key=value" (quotes included) in the line. */
  starts: number[] = [];
  ends: number[] = [];
  count = 0;
  /** Text before the first pair (syslog PRI/header), "" when none. */
  header = '';
  /** A quoted value ran to the end of the line without its closing quote (a cut-off record). */
  unterminated = false;
  /** Bare words after the first pair that could not be attached to an unquoted value. */
  stray = 0;
  // key -> index of its first pair, as an open-addressing table of (index + 1) keyed by a
  // hash computed while the key is scanned. A Map here cost half the tokenizer's time
  // (hashing and inserting ~25 fresh strings per line); clearing 256 slots is a memset.
  private readonly table = new Int32Array(TABLE_SIZE);
  private readonly hashes: number[] = [];
  /** Keys of pairs past the table's capacity (hostile or unusual lines only). */
  private readonly overflow = new Map<string, number>();

  tokenize(line: string): void {
    this.count = 0;
    this.table.fill(0);
    if (this.overflow.size > 0) this.overflow.clear();
    this.header = '';
    this.unterminated = false;
    this.stray = 0;
    const len = line.length;
    let pos = 0;
    let headerEnd = 0;
    while (pos < len) {
      while (pos < len && isSpace(line.charCodeAt(pos))) pos++;
      if (pos >= len) break;
      let k = pos;
      // A syslog PRI glued to the first key ("<189>date=...") belongs to the header.
      if (this.count === 0 && line.charCodeAt(pos) === 60 /* < */) {
        const close = line.indexOf('>', pos);
        if (close > pos && close - pos <= 4) {
          k = close + 1;
          headerEnd = k;
          pos = k;
        }
      }
      let h = 0;
      for (; k < len; k++) {
        const c = line.charCodeAt(k);
        if (!isKeyChar(c)) break;
        h = (Math.imul(h, 31) + c) | 0;
      }
      if (k > pos && k < len && line.charCodeAt(k) === 61 /* = */) {
        const start = pos;
        const key = line.slice(pos, k);
        let v = k + 1;
        let value: string;
        let quoted = false;
        if (v < len && line.charCodeAt(v) === 34 /* " */) {
          quoted = true;
          let i = v + 1;
          let escaped = false;
          while (i < len) {
            const c = line.charCodeAt(i);
            if (c === 92 /* \ */ && i + 1 < len) {
              escaped = true;
              i += 2;
              continue;
            }
            if (c === 34) break;
            i++;
          }
          if (i >= len) {
            this.unterminated = true;
            value = line.slice(v + 1);
            pos = len;
          } else {
            value = line.slice(v + 1, i);
            pos = i + 1;
          }
          if (escaped) value = unescapeQuotes(value);
        } else {
          while (v < len && !isSpace(line.charCodeAt(v))) v++;
          value = line.slice(k + 1, v);
          pos = v;
        }
        const n = this.count++;
        this.hashes[n] = h;
        this.insert(key, h, n);
        this.keys[n] = key;
        this.values[n] = value;
        this.quoted[n] = quoted;
        this.starts[n] = start;
        this.ends[n] = pos;
      } else {
        let i = pos;
        while (i < len && !isSpace(line.charCodeAt(i))) i++;
        if (this.count === 0) {
          headerEnd = i;
        } else if (!this.quoted[this.count - 1]) {
          // An unquoted value with spaces ("devtype=Linux PC"): the word continues it.
          const n = this.count - 1;
          const valueStart = this.starts[n]! + this.keys[n]!.length + 1;
          this.values[n] = line.slice(valueStart, i);
          this.ends[n] = i;
        } else {
          this.stray++;
        }
        pos = i;
      }
    }
    if (headerEnd > 0) this.header = line.slice(0, headerEnd).trim();
  }

  private insert(key: string, h: number, n: number): void {
    if (n >= MAX_TABLE_KEYS) {
      if (this.indexOf(key) === -1) this.overflow.set(key, n);
      return;
    }
    for (let slot = h & TABLE_MASK; ; slot = (slot + 1) & TABLE_MASK) {
      const at = this.table[slot]!;
      if (at === 0) {
        this.table[slot] = n + 1;
        return;
      }
      if (this.hashes[at - 1] === h && this.keys[at - 1] === key) return; // keep the first
    }
  }

  /** Index of the first pair with this key, or -1. */
  indexOf(key: string): number {
    let h = 0;
    for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
    for (let slot = h & TABLE_MASK; ; slot = (slot + 1) & TABLE_MASK) {
      const at = this.table[slot]!;
      if (at === 0) break;
      if (this.hashes[at - 1] === h && this.keys[at - 1] === key) return at - 1;
    }
    return this.overflow.size === 0 ? -1 : (this.overflow.get(key) ?? -1);
  }

  /** Value of the first pair with this key. */
  get(key: string): string | undefined {
    const i = this.indexOf(key);
    return i === -1 ? undefined : this.values[i];
  }
}
