// The Sigma field and log-source mapping (resources/mappings/sigma-windows.yml) as typed data.
// See the YAML file's header for the template syntax; this module only parses and checks it.
import { readFileSync } from 'node:fs';
import type * as Yaml from 'yaml';
import { lazyRequire } from '../../lazy-require';
import { EVENT_CATEGORIES, EVENT_COLUMNS, type EventCategory } from '../../../common/schema';
import { resourcePath } from './resources';

// Loaded when rules are, not when every command starts (see lazy-require.ts).
const yaml = lazyRequire<typeof Yaml>('yaml');

/** A value the engine reads from an event: a column of event_row or a key of its extra JSON. */
export interface SourceRef {
  kind: 'column' | 'extra';
  name: string;
}

/** One way to build a field's value: literal text and references, all of which must be present. */
export interface Candidate {
  parts: (string | SourceRef)[];
  actions: ReadonlySet<string> | null;
  notActions: ReadonlySet<string> | null;
}

export type Normalizer = 'registry' | 'url_extension' | 'url_query' | 'url_stem';
const NORMALIZERS: readonly string[] = ['registry', 'url_extension', 'url_query', 'url_stem'];

export interface FieldSpec {
  /** The Sigma name (or a description for keyword sources). */
  name: string;
  /** Index of this field's cached value in an event view (unique within one mapping). */
  slot: number;
  candidates: Candidate[];
  normalize: Normalizer | null;
}

export interface LogsourceSpec {
  categories: EventCategory[];
  /** The actions that count, or null for every action of those categories. */
  actions: ReadonlySet<string> | null;
  /** Further conditions on the event (a service's channel or provider). */
  where: { field: FieldSpec; value: string }[];
  /** Fields of which at least one must be present (a process-centric log: the acting process). */
  requires?: FieldSpec[];
  /** The source formats (evidence `format` ids) whose events the log source covers; null: any. */
  formats?: ReadonlySet<string> | null;
}

export interface SigmaMapping {
  /** Sigma field name -> spec; also reachable case-insensitively through `field()`. */
  fields: Map<string, FieldSpec>;
  keywords: FieldSpec[];
  category: Map<string, LogsourceSpec>;
  service: Map<string, LogsourceSpec>;
  /** Sigma products (windows, zeek, linux...) -> the source formats they cover. */
  product: Map<string, LogsourceSpec>;
  /** How many slots the specs use. */
  slotCount: number;
  /** The spec of a Sigma field name (exact, else case-insensitive), or undefined when unmapped. */
  field(name: string): FieldSpec | undefined;
}

// source_file and source_format live in the evidence table, not in event_row.
const ROW_COLUMNS = new Set<string>(EVENT_COLUMNS.filter((c) => c !== 'source_file' && c !== 'source_format'));

class MappingError extends Error {
  override name = 'MappingError';
}

/** '{process_path}\{extra.RegistryValueName}' -> parts. */
function parseTemplate(template: string, where: string): (string | SourceRef)[] {
  const parts: (string | SourceRef)[] = [];
  const re = /\{([^{}]+)\}/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(template)) !== null) {
    if (m.index > last) parts.push(template.slice(last, m.index));
    const ref = m[1]!;
    if (ref.startsWith('extra.')) {
      parts.push({ kind: 'extra', name: ref.slice('extra.'.length) });
    } else {
      if (!ROW_COLUMNS.has(ref)) throw new MappingError(`${where}: '${ref}' is not an event column`);
      parts.push({ kind: 'column', name: ref });
    }
    last = re.lastIndex;
  }
  if (last < template.length) parts.push(template.slice(last));
  if (!parts.some((p) => typeof p !== 'string')) throw new MappingError(`${where}: '${template}' references no field`);
  return parts;
}

function stringSet(v: unknown, where: string): ReadonlySet<string> | null {
  if (v === undefined) return null;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new MappingError(`${where}: expected a list of strings`);
  return new Set(v as string[]);
}

function candidate(v: unknown, where: string): Candidate {
  if (typeof v === 'string') return { parts: parseTemplate(v, where), actions: null, notActions: null };
  if (typeof v === 'object' && v !== null && typeof (v as { value?: unknown }).value === 'string') {
    const o = v as { value: string; actions?: unknown; not_actions?: unknown };
    return { parts: parseTemplate(o.value, where), actions: stringSet(o.actions, where), notActions: stringSet(o.not_actions, where) };
  }
  throw new MappingError(`${where}: a candidate is a template string or {value, actions, not_actions}`);
}

function fieldSpec(name: string, v: unknown, slot: number): FieldSpec {
  const where = `field ${name}`;
  if (Array.isArray(v)) return { name, slot, candidates: v.map((c) => candidate(c, where)), normalize: null };
  if (typeof v === 'object' && v !== null && Array.isArray((v as { from?: unknown }).from)) {
    const o = v as { from: unknown[]; normalize?: unknown };
    if (o.normalize !== undefined && !NORMALIZERS.includes(o.normalize as string)) {
      throw new MappingError(`${where}: unknown normalize '${String(o.normalize)}'`);
    }
    return { name, slot, candidates: o.from.map((c) => candidate(c, where)), normalize: (o.normalize as Normalizer | undefined) ?? null };
  }
  throw new MappingError(`${where}: expected a list of candidates or {from, normalize}`);
}

function logsource(name: string, v: unknown, nextSlot: () => number, product = false): LogsourceSpec {
  const o = v as { categories?: unknown; actions?: unknown; where?: unknown; requires?: unknown; formats?: unknown };
  const formats = stringSet(o?.formats, `logsource ${name}`);
  // A product names the formats that come from it; its events may be of any category.
  if (product) return { categories: [], actions: null, where: [], formats };
  const cats = o?.categories;
  if (!Array.isArray(cats) || !cats.every((c) => (EVENT_CATEGORIES as readonly string[]).includes(c))) {
    throw new MappingError(`logsource ${name}: categories must list event categories`);
  }
  const where: LogsourceSpec['where'] = [];
  if (o.where !== undefined) {
    if (typeof o.where !== 'object' || o.where === null) throw new MappingError(`logsource ${name}: where must be a map`);
    for (const [tpl, value] of Object.entries(o.where)) {
      const field = { name: tpl, slot: nextSlot(), candidates: [candidate(tpl, `logsource ${name}`)], normalize: null };
      where.push({ field, value: String(value) });
    }
  }
  let requires: FieldSpec[] | undefined;
  if (o.requires !== undefined) {
    if (!Array.isArray(o.requires)) throw new MappingError(`logsource ${name}: requires must list field templates`);
    requires = o.requires.map((tpl) => ({ name: String(tpl), slot: nextSlot(), candidates: [candidate(tpl, `logsource ${name}`)], normalize: null }));
  }
  return { categories: cats as EventCategory[], actions: stringSet(o.actions, `logsource ${name}`), where, ...(requires ? { requires } : {}), formats };
}

/** Parses a mapping document (the YAML text). Throws on a malformed mapping. */
export function parseMapping(text: string): SigmaMapping {
  const doc = yaml().parse(text) as { fields?: Record<string, unknown>; keywords?: unknown[]; logsources?: { category?: Record<string, unknown>; service?: Record<string, unknown>; product?: Record<string, unknown> } };
  if (!doc || typeof doc.fields !== 'object' || !Array.isArray(doc.keywords) || !doc.logsources) {
    throw new MappingError('a mapping needs fields, keywords and logsources');
  }
  let slots = 0;
  const nextSlot = (): number => slots++;
  const fields = new Map<string, FieldSpec>();
  const folded = new Map<string, FieldSpec>();
  for (const [name, v] of Object.entries(doc.fields)) {
    const spec = fieldSpec(name, v, nextSlot());
    fields.set(name, spec);
    folded.set(name.toLowerCase(), spec);
  }
  const keywords: FieldSpec[] = doc.keywords.map((k, i) => ({
    name: `keyword source ${i + 1}`,
    slot: nextSlot(),
    candidates: [candidate(k, 'keywords')],
    normalize: null,
  }));
  const category = new Map(Object.entries(doc.logsources.category ?? {}).map(([k, v]) => [k, logsource(k, v, nextSlot)] as const));
  const service = new Map(Object.entries(doc.logsources.service ?? {}).map(([k, v]) => [k, logsource(k, v, nextSlot)] as const));
  const product = new Map(Object.entries(doc.logsources.product ?? {}).map(([k, v]) => [k, logsource(k, v, nextSlot, true)] as const));
  return {
    fields,
    keywords,
    category,
    service,
    product,
    slotCount: slots,
    field: (name) => fields.get(name) ?? folded.get(name.toLowerCase()),
  };
}

let shipped: SigmaMapping | undefined;

/** The shipped Windows mapping, read once. */
export function sigmaWindowsMapping(): SigmaMapping {
  shipped ??= parseMapping(readFileSync(resourcePath('mappings', 'sigma-windows.yml'), 'utf8'));
  return shipped;
}
