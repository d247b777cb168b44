// Runs compiled rules over a case: one query per batch of rules, whose WHERE clause is the
// rules themselves in SQL (see sql.ts), so SQLite scans the events in C and hands over only
// matching rows, with only the columns and extra keys the rules read. A category with many
// rules (process creation, typically) is handed over whole instead: JavaScript tests its
// events faster than SQLite would filter them (JS_CATEGORY_MIN_RULES). Each row is tested by
// the rules in JavaScript (which decide, and say why it matched); hits are grouped per rule
// and host into findings.
import { said, spoken, type Said } from '../said';
import type { Statement } from 'sql.js';
import type { Finding } from '../../../common/detect';
import type { CaseStore } from '../../store/case-store';
import type { CompiledRule } from './compile';
import type { FieldSpec, SigmaMapping } from './mapping';
import { decodeEncodedCommands } from './powershell';
import { joinSql, SqlContext } from './sql';
import { extraDecoder } from '../../store/extra/extra-sql';
import { ACTION, CATEGORY, COMMAND_LINE, FIXED, fieldGetter, EVIDENCE, HOST, ID, refKey, RowView, SRC_IP, text, TIME, USER, type Getter, type Row } from './row-view';

/** Event ids listed per finding; the true count is stated in its reasons. */
const MAX_FINDING_EVENT_IDS = 1000;
/** Matching events whose command lines are searched for encoded PowerShell, per finding. */
const MAX_DECODE_EVENTS = 50;
const MAX_DECODED_REASONS = 5;

interface Hit {
  rule: CompiledRule;
  host: string | null;
  /** The source address, when the events name no host. */
  srcIp: string | null;
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
export function runCompiledRules(store: CaseStore, rules: readonly CompiledRule[], mapping: SigmaMapping, opts: RulePassOptions = {}): Finding[] {
  const pass = new RulePass(store, rules, mapping, opts);
  try {
    return pass.finish();
  } finally {
    pass.free();
  }
}

export interface RulePassOptions {
  /** Rules per category from which the category is tested in JavaScript alone (default JS_CATEGORY_MIN_RULES). */
  jsCategoryMinRules?: number;
}

/**
 * Rules per category from which reading every event of the category into JavaScript costs
 * less than filtering it in SQL. SQLite evaluates each rule's condition on its own on every
 * event of the category (nothing is shared between rules: about 0.5-1.5 µs per rule and event
 * in sql.js, measured on the 1M-event bench case), while JavaScript pays once per event for
 * reading it (about 3-4 µs) and the rules then share its field values (RowView). Measured
 * there: ten process rules, 2.8 s in SQL against 1.1 s in JavaScript; three proxy rules, 0.8 s
 * in SQL against 1.3 s.
 */
export const JS_CATEGORY_MIN_RULES = 6;

/**
 * The tests of the query being stepped now. The SQL functions that call them are registered
 * once per database: registering them again while another detection's statement is open (the
 * incident view's run beside an examiner's, taking turns at their pauses) is refused by sql.js.
 * Stepping is synchronous, so the tests of whichever pass steps are the ones its rows meet.
 */
let stepping: SqlContext['tests'] = [];
const withTests = new WeakSet<object>();

function registerTests(store: CaseStore): void {
  if (withTests.has(store.db)) return;
  const call = (id: unknown, value: unknown): number => (stepping[id as number]!(text(value as Row[number])) ? 1 : 0);
  store.db.create_function('tl_test', call);
  store.db.create_function('tl_ptest', call);
  withTests.add(store.db);
}

/**
 * The rules' queries, stepped in event id order. `until(id)` lets the caller's own pass over
 * the events (scan.ts) lead and the rules follow just behind it, so that both read each page
 * of the case once: SQLite keeps only a few recent pages in memory, and a second pass reads
 * the whole file again.
 */
export class RulePass {
  private readonly hits = new Map<string, Hit>();
  private readonly runs: BatchRun[];

  constructor(
    store: CaseStore,
    rules: readonly CompiledRule[],
    mapping: SigmaMapping,
    opts: RulePassOptions = {},
  ) {
    registerTests(store);
    const ruleIndex = new Map(rules.map((r, i) => [r, i]));
    this.runs = [];
    try {
      for (const batch of batches(rules)) this.runs.push(new BatchRun(store, batch, mapping, ruleIndex, opts.jsCategoryMinRules ?? JS_CATEGORY_MIN_RULES));
    } catch (err) {
      this.free();
      throw err;
    }
  }

  /** Tests the events with ids up to `id`. */
  until(id: number): void {
    for (const run of this.runs) {
      stepping = run.tests;
      run.until(id);
    }
  }

  /** Tests the remaining events; the findings, in time order. */
  finish(): Finding[] {
    this.until(Number.POSITIVE_INFINITY);
    for (const run of this.runs) run.record(this.hits);
    return [...this.hits.values()].map(toFinding).sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  }

  free(): void {
    for (const run of this.runs) run.free();
  }
}

/** The categories evaluated in JavaScript alone (see JS_CATEGORY_MIN_RULES). */
function wholeCategories(byCategory: ReadonlyMap<string, readonly CompiledRule[]>, minRules: number): Set<string> {
  return new Set([...byCategory].filter(([, rules]) => rules.length >= minRules).map(([c]) => c));
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

/** One batch's query and the events its rules matched. */
class BatchRun {
  readonly tests: SqlContext['tests'];
  private readonly byCategory = new Map<string, CompiledRule[]>();
  private readonly view: RowView;
  private stmt: Statement | null;
  /** The row the statement stands on, not yet tested (null before the first step). */
  private row: Row | null = null;
  private readonly matched: { row: Row; rules: CompiledRule[] }[] = [];
  /** Evidence id -> its format id (a rule's log source may cover only some formats). */
  private readonly formatOf = new Map<number, string>();

  constructor(
    store: CaseStore,
    batch: Batch,
    mapping: SigmaMapping,
    private readonly ruleIndex: ReadonlyMap<CompiledRule, number>,
    jsCategoryMinRules: number,
  ) {
    const { rules, q } = batch;
    this.tests = q.tests;
    for (const r of rules) for (const c of r.categories) this.byCategory.set(c, [...(this.byCategory.get(c) ?? []), r]);

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
    // Categories whose rules JavaScript evaluates on every event: their rows come without an
    // SQL filter; the other categories' rows only when a rule's SQL condition holds.
    const jsCategories = wholeCategories(this.byCategory, jsCategoryMinRules);
    const terms: string[] = [];
    if (jsCategories.size > 0) terms.push(`category IN (${[...jsCategories].map((c) => q.param(c)).join(', ')})`);
    rules.forEach((r, i) => {
      if (!r.categories.every((c) => jsCategories.has(c))) terms.push(batch.where[i]!);
    });
    // In id order, which is the table's own order (no sort); the matches are put in time
    // order in record().
    const sql = `SELECT ${select.join(', ')} FROM event_row WHERE ${joinSql(terms, 'OR')} ORDER BY id`;

    const getters: (Getter | undefined)[] = new Array<Getter | undefined>(mapping.slotCount);
    for (const [slot, spec] of specs) getters[slot] = fieldGetter(spec, index);
    this.view = new RowView(mapping.slotCount, getters, extraDecoder(store.db).text);
    if (rules.some((r) => r.formats)) {
      for (const e of store.all<{ id: number; format: string }>('SELECT id, format FROM evidence')) this.formatOf.set(e.id, e.format);
    }
    this.stmt = store.db.prepare(sql);
    this.stmt.bind(q.paramsFor(sql));
  }

  until(id: number): void {
    const stmt = this.stmt;
    if (!stmt) return;
    for (;;) {
      if (this.row === null) {
        if (!stmt.step()) {
          this.free();
          return;
        }
        this.row = stmt.get() as Row;
      }
      if ((this.row[ID] as number) > id) return;
      this.test(this.row);
      this.row = null;
    }
  }

  private test(row: Row): void {
    const list = this.byCategory.get(row[CATEGORY] as string);
    if (!list) return;
    this.view.next(row);
    const action = text(row[ACTION]!);
    // SQLite chose the row (or its whole category); the rules in JavaScript say which matched.
    let hit: CompiledRule[] | null = null;
    for (const rule of list) {
      if (rule.actions && (action === null || !rule.actions.has(action))) continue;
      if (rule.formats && !rule.formats.has(this.formatOf.get(row[EVIDENCE] as number) ?? '')) continue;
      if (rule.match(this.view)) (hit ??= []).push(rule);
    }
    if (hit) this.matched.push({ row, rules: hit });
  }

  /**
   * Groups the matches into hits, in time order as ORDER BY time, id would give them (time is
   * ASCII ISO 8601 text, so JavaScript's string order is SQLite's): the first match of a rule
   * and host names and explains its finding.
   */
  record(hits: Map<string, Hit>): void {
    const at = (r: Row) => r[TIME] as string;
    this.matched.sort((a, b) => (at(a.row) < at(b.row) ? -1 : at(a.row) > at(b.row) ? 1 : (a.row[ID] as number) - (b.row[ID] as number)));
    for (const m of this.matched) {
      this.view.next(m.row);
      for (const rule of m.rules) record(hits, this.ruleIndex.get(rule)!, rule, m.row, this.view);
    }
    this.matched.length = 0;
  }

  free(): void {
    this.stmt?.free();
    this.stmt = null;
  }
}

function record(hits: Map<string, Hit>, ruleNo: number, rule: CompiledRule, row: Row, view: RowView): void {
  const host = text(row[HOST]!);
  // An event without a host belongs to its source address: two clients of a proxy are two actors.
  const srcIp = host === null ? text(row[SRC_IP]!) : null;
  const key = `${ruleNo}\u0001${host ?? ''}\u0001${srcIp ?? ''}`;
  let hit = hits.get(key);
  if (!hit) {
    hit = { rule, host, srcIp, user: null, time: row[TIME] as string, ids: [], count: 0, reasons: rule.explain(view), decoded: new Set(), decodeChecks: 0 };
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
  // A matched-field line ("Image = C:\\x.exe (endswith '\\x.exe')") is Sigma's own notation: kept as text.
  const lines: Said[] = h.reasons.map((text) => said('text', { text }, text));
  for (const d of h.decoded) lines.push(said('sigma.decoded', { command: d }, `Decoded PowerShell -EncodedCommand: ${d}`));
  const where = h.host ?? h.srcIp ?? 'an unnamed host';
  const whereParam = h.host ?? h.srcIp ?? { code: 'sigma.unnamedHost' };
  lines.push(
    h.count > h.ids.length
      ? said('sigma.countListed', { n: h.count, where: whereParam, listed: h.ids.length }, `${h.count} matching events on ${where}; the first ${h.ids.length} are listed`)
      : said(h.count === 1 ? 'sigma.countOne' : 'sigma.count', { n: h.count, where: whereParam }, `${h.count} matching event${h.count === 1 ? '' : 's'} on ${where}`),
  );
  const { reasons, reason_codes } = spoken(lines);
  return {
    id: `${h.rule.id}:${h.host ?? h.srcIp ?? ''}:${h.ids[0]}`,
    rule: h.rule.id,
    title: h.rule.title,
    severity: h.rule.severity,
    attack: h.rule.attack,
    stage: h.rule.stage,
    host: h.host,
    ...(h.srcIp !== null ? { src_ip: h.srcIp } : {}),
    user: h.user,
    time: h.time,
    event_ids: h.ids,
    reasons,
    reason_codes,
  };
}
