// The line parser and sniff policy shared by the W3C-extended formats (IIS, ProxySG ELFF):
// directives update the field list, data lines are mapped by it.
import type { ParsedEvent, ParseOutcome, RecordParser } from '../types';
import { W3cHeader, splitW3c, w3cUtc } from './w3c';
import { planFor, w3cEvent, type W3cPlan, type W3cRole } from './w3c-event';

/** Field list for a data line seen before any #Fields directive, or null if none fits. */
export type DefaultFields = readonly string[] | ((values: readonly string[], count: number) => readonly string[] | null);

/** A line's W3C text once an envelope (e.g. a syslog header) is taken off, and what it said. */
export interface Unwrapped {
  text: string;
  extra: Record<string, unknown>;
}

export interface W3cDialect {
  role: W3cRole;
  /** The product's documented layout(s), for files or streams without a #Fields line. */
  defaultFields: DefaultFields;
  /** Strips an envelope from a line; null when the line has none. */
  unwrap?: (line: string) => Unwrapped | null;
}

/** No characters but spaces and tabs (without copying the line, as trim() would). */
function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function defaultsFor(d: DefaultFields, values: readonly string[], count: number): readonly string[] | null {
  return typeof d === 'function' ? d(values, count) : d;
}

export function createW3cParser(dialect: W3cDialect): RecordParser {
  const header = new W3cHeader();
  // One plan per field list (a file has one or a few); keyed by the array itself.
  const plans = new Map<readonly string[], W3cPlan>();
  const planOf = (fields: readonly string[]): W3cPlan => {
    let p = plans.get(fields);
    if (!p) {
      if (plans.size > 64) plans.clear();
      p = planFor(fields, dialect.role);
      plans.set(fields, p);
    }
    return p;
  };
  const values: string[] = [];
  return {
    parseLine(line: string): ParseOutcome {
      if (isBlank(line)) return { kind: 'skip' };
      const env = dialect.unwrap?.(line) ?? null;
      const text = env ? env.text : line;
      if (header.directive(text)) return { kind: 'skip' };
      const { count, unterminated } = splitW3c(text, values);
      if (unterminated) return { kind: 'reject', reason: 'a quoted field is cut off (no closing quote)' };
      const fields = header.fields ?? defaultsFor(dialect.defaultFields, values, count);
      if (!fields) return { kind: 'reject', reason: 'no #Fields header, and the line fits no documented default layout' };
      const r = w3cEvent(planOf(fields), values, count, header.date?.slice(0, 10));
      if (typeof r === 'string') return { kind: 'reject', reason: header.fields ? r : `${r} (no #Fields header: default layout)` };
      if (env) addExtra(r, env.extra);
      return { kind: 'events', events: [r] };
    },
  };
}

function addExtra(e: ParsedEvent, extra: Record<string, unknown>): void {
  if (Object.keys(extra).length === 0) return;
  e.extra = { ...e.extra, ...extra };
}

function lineTime(fields: readonly string[], values: readonly string[], date: string | undefined): number {
  let d = -1;
  let t = -1;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!.toLowerCase();
    if (f === 'date') d = i;
    else if (f === 'time') t = i;
  }
  if (t === -1) return NaN;
  const dateText = d === -1 ? date?.slice(0, 10) : values[d];
  return dateText === undefined ? NaN : w3cUtc(dateText, values[t] ?? '');
}

/**
 * Sniff policy: `accept` decides from the #Software value and field names whether the
 * product is this one; then the first data line must have at least as many fields as the
 * list in force and a valid date/time, and at least half of the data lines too. A field
 * list changing mid-sample (a new header block) is followed.
 */
export function sniffW3c(
  lines: readonly string[],
  accept: (fields: readonly string[], software: string | undefined) => boolean,
  defaults: DefaultFields | null,
  unwrap?: W3cDialect['unwrap'],
  full = 0.95,
): number {
  const header = new W3cHeader();
  const values: string[] = [];
  let data = 0;
  let misses = 0;
  for (const line of lines) {
    const text = unwrap?.(line)?.text ?? line;
    if (header.directive(text)) continue;
    const { count } = splitW3c(text, values);
    const fields = header.fields ?? (defaults ? defaultsFor(defaults, values, count) : null);
    const ok =
      fields !== null && accept(fields, header.software) && count >= fields.length && !Number.isNaN(lineTime(fields, values, header.date));
    if (!ok && data === 0) return 0;
    data++;
    if (!ok) misses++;
  }
  if (data === 0) {
    // A header block alone (a fresh log with no requests yet) is still recognisable.
    return header.fields && accept(header.fields, header.software) ? full * 0.9 : 0;
  }
  if (misses > data / 2) return 0;
  return misses === 0 ? full : full * (0.6 + (0.4 * (data - misses)) / data);
}
