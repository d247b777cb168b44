// The engine's SQL functions over the compact `extra` (extra-encoder.ts says how it is
// stored), with the dictionary each connection caches. installExtraFunctions is written to
// hold everything it uses (no module-level names), so that a worker that cannot import the
// engine's modules (the assistant's snapshot, assist/run-bounded.ts) installs the same code
// from its source text (EXTRA_FUNCTIONS_SOURCE).
// - tl_extra(evidence_id, extra_shape, extra_values): the JSON text, byte for byte as stored
//   before migration 015.
// - tl_extra_value(evidence_id, extra_shape, extra_values, key): one key's value as JSON text
//   (NULL when the row has no such key), without rebuilding the object.
// - tl_extra_of(id): the JSON text of event `id` (a lookup per call: for rare conditions).
import type { Database, Statement } from 'sql.js';

/** The same rebuild in JavaScript, for engine code that reads the stored columns itself. */
export interface ExtraDecoder {
  /** The JSON text of a row's extra (extra_values itself when extra_shape is null). */
  text(evidenceId: number, shape: number | null, values: string | null): string | null;
}

export function installExtraFunctions(db: Database, tempViewSql: string): ExtraDecoder {
  interface Shape {
    keyTexts: string[];
    coded: boolean[];
    slot: Map<string, number>;
  }
  interface Dictionary {
    shapes: Map<number, Shape>;
    values: (string | undefined)[];
  }
  const cache = new Map<number, Dictionary>();

  function load(evidenceId: number): Dictionary {
    const d: Dictionary = { shapes: new Map(), values: [] };
    for (const r of db.exec('SELECT n, keys, coded FROM main.extra_shape WHERE evidence_id = ?', [evidenceId])[0]?.values ?? []) {
      const keys = JSON.parse(String(r[1])) as string[];
      const slot = new Map<string, number>();
      keys.forEach((k, i) => {
        if (!slot.has(k)) slot.set(k, i);
      });
      // The keys hold no escapes (the encoder refuses them): this is the text they came from.
      d.shapes.set(Number(r[0]), { keyTexts: keys.map((k) => `${JSON.stringify(k)}:`), coded: (JSON.parse(String(r[2])) as number[]).map((c) => c === 1), slot });
    }
    for (const r of db.exec('SELECT n, value FROM main.extra_value WHERE evidence_id = ?', [evidenceId])[0]?.values ?? []) d.values[Number(r[0])] = String(r[1]);
    cache.set(evidenceId, d);
    return d;
  }

  function shapeOf(evidenceId: number, n: number): { d: Dictionary; shape: Shape } {
    let d = cache.get(evidenceId) ?? load(evidenceId);
    let shape = d.shapes.get(n);
    if (!shape) {
      // Stored since the cache was read (the triggers below drop it on writes; a guard).
      d = load(evidenceId);
      shape = d.shapes.get(n);
      if (!shape) throw new Error(`extra: shape ${n} of evidence ${evidenceId} is missing from the case`);
    }
    return { d, shape };
  }

  /**
   * Walks the values array: calls visit(i, text) with each element's JSON text (dictionary
   * ids resolved) until visit returns true. A packed array holds no spaces: strings, `[id]`,
   * integers (ids where the key is coded).
   */
  function walk(shape: Shape, values: (string | undefined)[], packed: string, visit: (i: number, text: string) => boolean): void {
    const len = packed.length;
    let p = 1;
    for (let i = 0; i < shape.keyTexts.length; i++) {
      if (p >= len) throw new Error('extra: values shorter than their shape');
      const start = p;
      const c = packed.charCodeAt(p);
      let text: string | undefined;
      if (c === 0x22) {
        p++;
        while (p < len) {
          const d = packed.charCodeAt(p);
          if (d === 0x22) break;
          p += d === 0x5c ? 2 : 1;
        }
        p++;
        text = packed.slice(start, p);
      } else if (c === 0x5b) {
        const end = packed.indexOf(']', p);
        text = values[Number(packed.slice(p + 1, end))];
        p = end + 1;
      } else {
        while (p < len) {
          const d = packed.charCodeAt(p);
          if (d === 0x2c || d === 0x5d) break;
          p++;
        }
        text = shape.coded[i] ? values[Number(packed.slice(start, p))] : packed.slice(start, p);
      }
      if (text === undefined) throw new Error('extra: a value is missing from the dictionary');
      if (visit(i, text)) return;
      p++; // the comma
    }
  }

  function rebuild(evidenceId: unknown, n: unknown, packed: unknown): string | null {
    if (n === null || packed === null || packed === undefined) return (packed as string | null | undefined) ?? null;
    const { d, shape } = shapeOf(Number(evidenceId), Number(n));
    let out = '{';
    walk(shape, d.values, String(packed), (i, text) => {
      out += i === 0 ? shape.keyTexts[0]! : `,${shape.keyTexts[i]!}`;
      out += text;
      return false;
    });
    return `${out}}`;
  }
  db.create_function('tl_extra', rebuild);
  db.create_function('tl_extra_value', (evidenceId: unknown, n: unknown, packed: unknown, key: unknown) => {
    if (n === null || packed === null || key === null) return null;
    const { d, shape } = shapeOf(Number(evidenceId), Number(n));
    const target = shape.slot.get(String(key));
    if (target === undefined) return null;
    let found: string | null = null;
    walk(shape, d.values, String(packed), (i, text) => {
      if (i !== target) return false;
      found = text;
      return true;
    });
    return found;
  });
  // By event id alone: for conditions that run over event_row and over the `events` view
  // alike (the search language, store/query/), where only `id` names the row in both.
  let byId: Statement | null = null;
  db.create_function('tl_extra_of', (id: unknown) => {
    if (id === null) return null;
    byId ??= db.prepare('SELECT evidence_id, extra_shape, extra_values FROM main.event_row WHERE id = ?');
    try {
      byId.bind([Number(id)]);
      if (!byId.step()) return null;
      const [evidenceId, n, packed] = byId.get();
      return rebuild(evidenceId, n, packed);
    } finally {
      byId.reset();
    }
  });
  db.create_function('tl_extra_forget', (evidenceId: unknown) => {
    cache.delete(Number(evidenceId));
    return null;
  });
  // Dictionaries change only when an evidence file is stored or removed (or such a change is
  // rolled back, which removes the rows that used them): temp triggers, of this connection
  // only and never in the file, drop that file's cached dictionary then.
  db.exec(`
CREATE TEMP TRIGGER IF NOT EXISTS tl_extra_shape_ai AFTER INSERT ON main.extra_shape BEGIN SELECT tl_extra_forget(new.evidence_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS tl_extra_value_ai AFTER INSERT ON main.extra_value BEGIN SELECT tl_extra_forget(new.evidence_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS tl_extra_evidence_ad AFTER DELETE ON main.evidence BEGIN SELECT tl_extra_forget(old.id); END;
DROP VIEW IF EXISTS temp.events;
${tempViewSql};
`);
  return { text: (evidenceId, shape, values) => rebuild(evidenceId, shape, values) };
}
