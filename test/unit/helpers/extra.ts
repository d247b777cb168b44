// An independent reading of extra's compact form (store/extra/extra-encoder.ts) for tests:
// the shapes and values a batch or a case holds, and a row's JSON text rebuilt from them with
// JSON.parse / JSON.stringify rather than the engine's own scanner.
import type { ExtraDictionaryDelta } from '../../../electron/engine/store/extra/extra-encoder';

export class ExtraReference {
  private readonly shapes = new Map<number, { keys: string[]; coded: number[] }>();
  private readonly values = new Map<number, string>();

  /** Takes the new entries a batch carried (or rows read from extra_shape / extra_value). */
  add(delta: ExtraDictionaryDelta): this {
    for (const s of delta.shapes) this.shapes.set(s.n, { keys: JSON.parse(s.keys) as string[], coded: JSON.parse(s.coded) as number[] });
    for (const v of delta.values) this.values.set(v.n, v.value);
    return this;
  }

  /** The JSON text of a row's extra from its stored cells. */
  text(shape: number | null, values: string | null): string | null {
    if (values === null) return null;
    if (shape === null) return values;
    const s = this.shapes.get(shape);
    if (!s) throw new Error(`no shape ${shape}`);
    const elements = JSON.parse(values) as unknown[];
    if (elements.length !== s.keys.length) throw new Error('values and keys differ in number');
    const members = s.keys.map((k, i) => {
      const e = elements[i];
      const ref = s.coded[i] === 1 ? (e as number) : Array.isArray(e) ? (e[0] as number) : null;
      const text = ref === null ? JSON.stringify(e) : this.values.get(ref);
      if (text === undefined) throw new Error(`no value ${ref}`);
      return `${JSON.stringify(k)}:${text}`;
    });
    return `{${members.join(',')}}`;
  }
}

import type { Database } from 'sql.js';
import { ExtraEncoder } from '../../../electron/engine/store/extra/extra-encoder';

const encoders = new WeakMap<Database, Map<number, ExtraEncoder>>();

/**
 * extra's JSON text as the ingest stores it (store/extra/): the row's [extra_shape,
 * extra_values], with the file's new shapes and dictionary values written to the case.
 */
export function storedExtra(db: Database, evidenceId: number, text: string | null): [number | null, string | null] {
  if (text === null) return [null, null];
  let files = encoders.get(db);
  if (!files) encoders.set(db, (files = new Map()));
  let encoder = files.get(evidenceId);
  if (!encoder) files.set(evidenceId, (encoder = new ExtraEncoder()));
  const e = encoder.encode(text);
  const d = encoder.take();
  for (const s of d.shapes) db.run('INSERT INTO extra_shape (evidence_id, n, keys, coded) VALUES (?, ?, ?, ?)', [evidenceId, s.n, s.keys, s.coded]);
  for (const v of d.values) db.run('INSERT INTO extra_value (evidence_id, n, value) VALUES (?, ?, ?)', [evidenceId, v.n, v.value]);
  return [e.shape, e.values];
}
