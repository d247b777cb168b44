// What each non-time column most likely holds, from its name (field-names.ts) and from its
// values (IP addresses, URLs, DOMAIN\user, hashes, port numbers). A name is the stronger
// hint; values confirm it, weaken it, or stand alone when the name says nothing. Each
// target goes to one column at most: the most confident guess wins.
import { EVENT_CATEGORIES } from '../../../common/schema';
import type { ColumnProposal, MappingTarget } from '../../../common/import-mapping';
import type { CodedText } from '../../../common/coded-text';
import { isIpv4, isIpv6 } from '../net';
import { nameMatch, TARGET_NAMES } from './field-names';

export interface SampledColumn {
  source: string;
  /** Non-empty values, trimmed. */
  values: string[];
}

const CLOCKISH = /^\d{1,2}:\d{2}(?::\d{2})?/;
const isIp = (v: string): boolean => isIpv4(v) || (isIpv6(v) && !CLOCKISH.test(v) && /[:]/.test(v) && /[0-9a-f]/i.test(v));
const isUrl = (v: string): boolean => /^(?:https?|ftp|wss?):\/\/[^\s/?#]+/i.test(v);
const isDomain = (v: string): boolean => v.length <= 253 && /^(?=.*[a-z])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\.?$/i.test(v);
const isAccount = (v: string): boolean => /^[^\s\\@]{1,64}\\[^\s\\]{1,104}$/.test(v) || /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/.test(v);
const isInt = (v: string): boolean => /^\d{1,15}$/.test(v);
const isPort = (v: string): boolean => isInt(v) && Number(v) <= 65535;
const isHash = (v: string): boolean => /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64})$/i.test(v);
const isHttpStatus = (v: string): boolean => /^[1-5]\d\d$/.test(v);
const isCategory = (v: string): boolean => (EVENT_CATEGORIES as readonly string[]).includes(v.toLowerCase());

/**
 * What a column's values were recognized as, in the English of the reason and as the code a UI
 * in another language shows (electron/common/engine-texts/errors.ts, engine.mapping.kind.*).
 */
export const VALUE_KINDS = {
  ip: 'IP addresses',
  port: 'port numbers',
  integer: 'integers',
  httpStatus: 'HTTP status codes',
  url: 'URLs',
  domain: 'domain names',
  hash: 'hashes',
  category: 'Tracelight categories',
  account: 'DOMAIN\\user or user@domain',
} as const;
type ValueKind = keyof typeof VALUE_KINDS;

/** The value test a target's column must mostly pass; targets without one take any text. */
const VALUE_CHECK: Partial<Record<MappingTarget, [test: (v: string) => boolean, kind: ValueKind]>> = {
  src_ip: [isIp, 'ip'],
  dst_ip: [isIp, 'ip'],
  src_port: [isPort, 'port'],
  dst_port: [isPort, 'port'],
  process_pid: [isInt, 'integer'],
  bytes_in: [isInt, 'integer'],
  bytes_out: [isInt, 'integer'],
  http_status: [isHttpStatus, 'httpStatus'],
  url: [isUrl, 'url'],
  domain: [isDomain, 'domain'],
  file_hash: [isHash, 'hash'],
  category: [isCategory, 'category'],
};

/** Guesses from values alone, for columns whose name says nothing. */
const VALUE_ONLY: [MappingTarget | 'ip', (v: string) => boolean, number, ValueKind][] = [
  ['url', isUrl, 0.7, 'url'],
  ['ip', isIp, 0.5, 'ip'],
  ['user', isAccount, 0.55, 'account'],
  ['file_hash', isHash, 0.5, 'hash'],
  ['domain', isDomain, 0.45, 'domain'],
];

function rate(values: readonly string[], test: (v: string) => boolean): number {
  if (values.length === 0) return 0;
  let n = 0;
  for (const v of values) if (test(v)) n++;
  return n / values.length;
}

const pct = (r: number): string => `${Math.round(r * 100)}%`;

interface Guess {
  source: string;
  target: MappingTarget | 'ip';
  confidence: number;
  reason: string;
  reason_code: CodedText;
}

/** "values: 97% IP addresses", after "name; " when the name pointed there first. */
function byValues(r: number, kind: ValueKind, named: boolean): Pick<Guess, 'reason' | 'reason_code'> {
  const text = `values: ${pct(r)} ${VALUE_KINDS[kind]}`;
  const params = { pct: pct(r), kind: { code: `mapping.kind.${kind}` } };
  return named
    ? { reason: `name; ${text}`, reason_code: { code: 'mapping.reason.nameValues', params } }
    : { reason: text, reason_code: { code: 'mapping.reason.values', params } };
}

function guessesFor(col: SampledColumn): Guess[] {
  const out: Guess[] = [];
  for (const [target, names] of Object.entries(TARGET_NAMES) as [MappingTarget, readonly string[]][]) {
    const byName = nameMatch(col.source, names);
    if (byName === 0) continue;
    const check = VALUE_CHECK[target];
    if (!check || col.values.length === 0) {
      // The category column is only useful when it holds Tracelight's categories.
      if (target === 'category') continue;
      const exact = byName >= 0.9;
      const reason = exact
        ? { reason: 'name', reason_code: { code: 'mapping.reason.name' } }
        : { reason: 'name (partial)', reason_code: { code: 'mapping.reason.namePartial' } };
      out.push({ source: col.source, target, confidence: byName === 0.6 ? 0.55 : 0.85 * byName, ...reason });
      continue;
    }
    const r = rate(col.values, check[0]);
    if (r < 0.5) continue;
    const confidence = (byName === 0.6 ? 0.5 : 0.7 * byName) + 0.25 * r;
    out.push({ source: col.source, target, confidence, ...byValues(r, check[1], true) });
  }
  for (const [target, test, base, kind] of VALUE_ONLY) {
    const r = rate(col.values, test);
    if (r >= 0.8) out.push({ source: col.source, target, confidence: base * r, ...byValues(r, kind, false) });
  }
  return out;
}

/**
 * One proposal per column, in column order. `timeColumns` are already taken by the
 * timestamp; everything no guess claims stays in extra.
 */
export type TimeColumnProposal = Pick<ColumnProposal, 'target' | 'confidence' | 'reason' | 'reason_code'>;

export function guessColumns(columns: readonly SampledColumn[], timeColumns: ReadonlyMap<string, TimeColumnProposal>): ColumnProposal[] {
  const all = columns.filter((c) => !timeColumns.has(c.source)).flatMap(guessesFor);
  // Most confident first; on a tie the left-most column.
  const order = new Map(columns.map((c, i) => [c.source, i]));
  all.sort((a, b) => b.confidence - a.confidence || order.get(a.source)! - order.get(b.source)!);
  const chosen = new Map<string, Guess & { target: MappingTarget }>();
  const taken = new Set<MappingTarget>();
  for (const g of all) {
    if (chosen.has(g.source)) continue;
    // An address column with no telling name: the first is the source, the next the destination.
    const target: MappingTarget | undefined = g.target === 'ip' ? (['src_ip', 'dst_ip'] as const).find((t) => !taken.has(t)) : g.target;
    if (!target || taken.has(target)) continue;
    taken.add(target);
    chosen.set(g.source, { ...g, target });
  }
  return columns.map((c) => {
    const samples = c.values.slice(0, 5);
    const time = timeColumns.get(c.source);
    if (time) return { source: c.source, ...time, samples };
    const g = chosen.get(c.source);
    if (!g) return { source: c.source, target: 'extra', confidence: 0, reason: 'no guess: kept in extra', reason_code: { code: 'mapping.reason.none' }, samples };
    return { source: c.source, target: g.target, confidence: Math.round(g.confidence * 100) / 100, reason: g.reason, reason_code: g.reason_code, samples };
  });
}
