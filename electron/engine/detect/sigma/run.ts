// Runs compiled rules over a case: one query per batch of rules, whose WHERE clause is the
// rules themselves in SQL (see sql.ts), so SQLite scans the events in C and hands over only
// matching rows, with only the columns and extra keys the rules read. Each row is then tested
// again by the rules in JavaScript (which also say why it matched); hits are grouped per rule
// and host into findings.
import type { Finding } from '../../../common/detect';
import type { CaseStore } from '../../store/case-store';
import type { CompiledRule } from './compile';
import type { FieldSpec, SigmaMapping } from './mapping';
import { decodeEncodedCommands } from './powershell';
import { joinSql, SqlContext } from './sql';
import { ACTION, CATEGORY, COMMAND_LINE, FIXED, fieldGetter, HOST, ID, refKey, RowView, text, TIME, USER, type Getter, type Row } from './row-view';

/** Event ids listed per finding; the true count is stated in its reasons. */
export const MAX_FINDING_EVENT_IDS = 1000;
/** Matching events whose command lines are searched for encoded PowerShell, per finding. */
const MAX_DECODE_EVENTS = 50;
const MAX_DECODED_REASONS = 5;

interface Hit {
  rule: CompiledRule;
  host: string | null;
  user: string | null;
  time: string;
  ids: number[];
  count: number;
  reasons: string[];
  decoded: Set<string>;
  decodeChecks: number;
}

/** Bound on bound parameters per query (SQLite's limit is 32766): large rule sets run in batches. */
const MAX_PARAMS_PER_QUERY = 20000;

/** Runs rules over every event of the case; findings in time order. */
export function runCompiledRules(store: CaseStore, rules: readonly CompiledRule[], mapping: SigmaMapping): Finding[] {
  const hits = new Map<string, Hit>();
  const ruleIndex = new Map(rules.map((r, i) => [r, i]));
  // The registered callback runs the tests of the query being stepped.
  let tests: SqlContext['tests'] = [];
  const call = (id: unknown, value: unknown): number => (tests[id as number]!(text(value as Row[number])) ? 1 : 0);
  store.db.create_function('tl_test', call);
  store.db.create_function('tl_ptest', call);
  for (const batch of batches(rules)) {
    tests = batch.q.tests;
    runBatch(store, batch, mapping, ruleIndex, hits);
  }
  return [...hits.values()].map(toFinding).sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

interface Batch {
  rules: CompiledRule[];
  q: SqlContext;
  where: string[];
}

/** Rules grouped into queries that stay under the parameter limit. */
function batches(rules: readonly CompiledRule[]): Batch[] {
  const out: Batch[] = [];
  let cur: Batch | null = null;
  for (const rule of rules) {
    if (!cur || cur.q.params.length > MAX_PARAMS_PER_QUERY) {
      cur = { rules: [], q: new SqlContext(), where: [] };
      out.push(cur);
    }
    cur.rules.push(rule);
    cur.where.push(rule.sql(cur.q));
  }
  return out;
}

function runBatch(store: CaseStore, batch: Batch, mapping: SigmaMapping, ruleIndex: Map<CompiledRule, number>, hits: Map<string, Hit>): void {
  const { rules, q } = batch;
  const byCategory = new Map<string, CompiledRule[]>();
  for (const r of rules) for (const c of r.categories) byCategory.set(c, [...(byCategory.get(c) ?? []), r]);

  // The projection: each column any rule reads, once, and extra whole (parsed in JavaScript
  // only when a rule asks for one of its keys).
  const select = FIXED.map((c) => `"${c}"`);
  const index = new Map<string, number>(FIXED.map((c, i) => [`column:${c}`, i]));
  const specs = new Map<number, FieldSpec>();
  for (const r of rules) {
    for (const spec of r.fields) {
      specs.set(spec.slot, spec);
      for (const c of spec.candidates) {
        for (const p of c.parts) {
          if (typeof p === 'string' || p.kind !== 'column' || index.has(refKey(p))) continue;
          index.set(refKey(p), select.length);
          select.push(`"${p.name}"`);
        }
      }
    }
  }
  // `+time` keeps SQLite from walking the time index to avoid the sort: that would fetch every
  // row of the table out of order (a page read per row). A table scan in rowid order, then a
  // sort of only the matching rows, is several times faster on a large case.
  const sql = process.env.H9_JS ? `SELECT ${select.join(', ')} FROM event_row WHERE category IN ('process','registry') ORDER BY +time, id` : `SELECT ${select.join(', ')} FROM event_row WHERE ${joinSql(batch.where, 'OR')} ORDER BY +time, id`;
  const t0 = performance.now();

  const getters: (Getter | undefined)[] = new Array<Getter | undefined>(mapping.slotCount);
  for (const [slot, spec] of specs) getters[slot] = fieldGetter(spec, index);
  const view = new RowView(mapping.slotCount, getters);

  const stmt = store.db.prepare(sql);
  try {
    stmt.bind(q.paramsFor(sql));
    while (stmt.step()) {
      const row = stmt.get() as Row;
      const list = byCategory.get(row[CATEGORY] as string);
      if (!list) continue;
      view.next(row);
      const action = text(row[ACTION]!);
      // SQLite chose the row; the same rules in JavaScript say which of them matched.
      for (const rule of list) {
        if (rule.actions && (action === null || !rule.actions.has(action))) continue;
        if (!rule.match(view)) continue;
        record(hits, ruleIndex.get(rule)!, rule, row, view);
      }
    }
  } finally {
    stmt.free();
    if (process.env.H9_T) process.stderr.write(`rules ${(performance.now() - t0).toFixed(0)} ms\n`);
  }
}

function record(hits: Map<string, Hit>, ruleNo: number, rule: CompiledRule, row: Row, view: RowView): void {
  const host = text(row[HOST]!);
  const key = `${ruleNo}\u0001${host ?? ''}`;
  let hit = hits.get(key);
  if (!hit) {
    hit = { rule, host, user: null, time: row[TIME] as string, ids: [], count: 0, reasons: rule.explain(view), decoded: new Set(), decodeChecks: 0 };
    hits.set(key, hit);
  }
  hit.count++;
  if (hit.ids.length < MAX_FINDING_EVENT_IDS) hit.ids.push(row[ID] as number);
  hit.user ??= text(row[USER]!);
  const cmd = text(row[COMMAND_LINE]!);
  if (cmd !== null && hit.decodeChecks < MAX_DECODE_EVENTS && hit.decoded.size < MAX_DECODED_REASONS) {
    hit.decodeChecks++;
    for (const d of decodeEncodedCommands(cmd)) hit.decoded.add(d);
  }
}

function toFinding(h: Hit): Finding {
  const reasons = [...h.reasons];
  for (const d of h.decoded) reasons.push(`Decoded PowerShell -EncodedCommand: ${d}`);
  const where = h.host ?? 'an unnamed host';
  reasons.push(
    h.count > h.ids.length
      ? `${h.count} matching events on ${where}; the first ${h.ids.length} are listed`
      : `${h.count} matching event${h.count === 1 ? '' : 's'} on ${where}`,
  );
  return {
    id: `${h.rule.id}:${h.host ?? ''}:${h.ids[0]}`,
    rule: h.rule.id,
    title: h.rule.title,
    severity: h.rule.severity,
    attack: h.rule.attack,
    stage: h.rule.stage,
    host: h.host,
    user: h.user,
    time: h.time,
    event_ids: h.ids,
    reasons,
  };
}
