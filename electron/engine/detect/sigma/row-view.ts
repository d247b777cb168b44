// One result row of the detection query seen as Sigma fields (EventView): each field built
// from its mapping candidates on first use, extra parsed at most once per row. Values read
// here must equal what the SQL side (field-sql.ts) computed, or SQL and JS would disagree on
// a match: empty is absent, numbers are their decimal text, JSON true/false are 1/0 (as
// SQLite's json_extract returns them), nested JSON is its minified text.
import type { FieldSpec, SourceRef } from './mapping';
import { normalizeValue } from './normalize';
import type { EventView } from './view';

export type Row = (string | number | Uint8Array | null)[];
export type Getter = (view: RowView) => string | null;

// Fixed leading columns of the query.
// extra as stored (store/extra/): its values and shape, rebuilt only when a rule reads a key.
export const FIXED = ['id', 'time', 'host', 'user', 'action', 'category', 'process_command_line', 'extra_values', 'src_ip', 'evidence_id', 'extra_shape'];
export const ID = 0;
export const TIME = 1;
export const HOST = 2;
export const USER = 3;
export const ACTION = 4;
export const CATEGORY = 5;
export const COMMAND_LINE = 6;
export const EXTRA = 7;
/** The actor when no host is named (proxy, firewall and web server logs). */
export const SRC_IP = 8;
export const EVIDENCE = 9;
export const EXTRA_SHAPE = 10;

export function refKey(r: SourceRef): string {
  return `${r.kind}:${r.name}`;
}

export function text(v: Row[number] | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number') return String(v);
  return null; // a blob is never a field value
}

function jsonText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  return JSON.stringify(v);
}

type Part = string | { col: number } | { key: string };

/** The getter of one field: its first usable candidate, normalized. */
export function fieldGetter(spec: FieldSpec, index: ReadonlyMap<string, number>): Getter {
  const candidates = spec.candidates.map((c) => ({
    parts: c.parts.map((p): Part => (typeof p === 'string' ? p : p.kind === 'column' ? { col: index.get(refKey(p))! } : { key: p.name })),
    actions: c.actions,
    notActions: c.notActions,
  }));
  const norm = spec.normalize;
  const first = candidates[0]!;
  if (candidates.length === 1 && first.parts.length === 1 && !first.actions && !first.notActions && !norm) {
    const p = first.parts[0]!;
    if (typeof p !== 'string' && 'col' in p) return (v) => text(v.row[p.col]);
  }
  return (v) => {
    const action = text(v.row[ACTION]);
    for (const c of candidates) {
      if (c.actions && (action === null || !c.actions.has(action))) continue;
      if (c.notActions && action !== null && c.notActions.has(action)) continue;
      let out = '';
      let ok = true;
      for (const p of c.parts) {
        const value = typeof p === 'string' ? p : 'col' in p ? text(v.row[p.col]) : jsonText(v.extra()?.[p.key]);
        if (value === null) {
          ok = false;
          break;
        }
        out += value;
      }
      if (ok) return norm ? normalizeValue(norm, out) : out;
    }
    return null;
  };
}

export class RowView implements EventView {
  readonly raw: (string | null)[];
  readonly lower: (string | null)[];
  private readonly stamp: Int32Array;
  private serial = 0;
  private extraSerial = -1;
  private extraObj: Record<string, unknown> | null = null;
  row: Row = [];

  constructor(
    slots: number,
    private readonly getters: (Getter | undefined)[],
    /** The case's rebuild of extra's JSON text (store/extra/extra-sql.ts extraDecoder). */
    private readonly extraText: (evidenceId: number, shape: number | null, values: string | null) => string | null,
  ) {
    this.raw = new Array<string | null>(slots).fill(null);
    this.lower = new Array<string | null>(slots).fill(null);
    this.stamp = new Int32Array(slots).fill(-1);
  }

  next(row: Row): void {
    this.row = row;
    this.serial++;
  }

  load(slot: number): void {
    if (this.stamp[slot] === this.serial) return;
    this.stamp[slot] = this.serial;
    const v = this.getters[slot]!(this);
    this.raw[slot] = v;
    this.lower[slot] = v === null ? null : v.toLowerCase();
  }

  /** The row's extra object (null when absent or not a JSON object). */
  extra(): Record<string, unknown> | null {
    if (this.extraSerial !== this.serial) {
      this.extraSerial = this.serial;
      this.extraObj = null;
      const stored = this.row[EXTRA];
      const shape = this.row[EXTRA_SHAPE];
      const t = typeof stored === 'string' ? this.extraText(Number(this.row[EVIDENCE]), typeof shape === 'number' ? shape : null, stored) : null;
      if (typeof t === 'string' && t.charCodeAt(0) === 123) {
        try {
          const o: unknown = JSON.parse(t);
          if (typeof o === 'object' && o !== null && !Array.isArray(o)) this.extraObj = o as Record<string, unknown>;
        } catch {
          this.extraObj = null;
        }
      }
    }
    return this.extraObj;
  }

  action(): string | null {
    return text(this.row[ACTION]);
  }
}
