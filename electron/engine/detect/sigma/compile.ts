// One Sigma rule (a parsed YAML document) -> a compiled rule: its log source as event
// categories, and its detection as closures over an EventView. Anything this engine cannot
// run exactly raises RuleCompileError, which the loader reports as a RuleProblem.
import type { Severity, Stage } from '../../../common/detect';
import type { EventCategory } from '../../../common/schema';
import { parseCondition, positiveNames, type ConditionNode } from './condition';
import { fieldConditionSql, fieldExpr } from './field-sql';
import type { FieldSpec, LogsourceSpec, SigmaMapping } from './mapping';
import { compileFieldCondition, RuleCompileError, type FieldCondition } from './modifiers';
import { joinSql, likePattern, likeSafe, type SqlContext } from './sql';
import { attackIds, SEVERITIES, STAGES, stageFromTags } from './tags';
import type { EventView } from './view';

export interface CompiledRule {
  id: string;
  title: string;
  /** The file it came from. */
  file: string;
  severity: Severity;
  stage: Stage;
  attack: string[];
  description: string | null;
  falsepositives: string[];
  categories: EventCategory[];
  /** Actions that count within those categories (null: all). */
  actions: ReadonlySet<string> | null;
  /** Source formats (evidence format ids) the log source covers (null: any). */
  formats: ReadonlySet<string> | null;
  /** Every field the rule reads (for the query's projection). */
  fields: FieldSpec[];
  match(view: EventView): boolean;
  /** The whole rule (log source and detection) as an SQLite condition on event_row. */
  sql(q: SqlContext): string;
  /** Why one matching event matched: "ParentImage = C:\...\WINWORD.EXE", ... */
  explain(view: EventView): string[];
  /** The Sigma condition text, for the methodology appendix. */
  condition: string;
}

type Test = (view: EventView) => boolean;
type Sql = (q: SqlContext) => string;

interface Selection {
  test: Test;
  sql: Sql;
  /** The selection as a list of conditions that must all hold (a map's fields), for ordering. */
  conjuncts: (q: SqlContext) => string[];
  /** Field conditions for explain(): which fields, and what each looked for. */
  parts: { spec: FieldSpec; cond: FieldCondition }[];
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

function fieldTest(spec: FieldSpec, cond: FieldCondition): Test {
  const slot = spec.slot;
  return (view) => {
    view.load(slot);
    return cond.test(view.raw[slot], view.lower[slot]);
  };
}

class SelectionCompiler {
  readonly used = new Set<FieldSpec>();
  constructor(private readonly mapping: SigmaMapping) {}

  field(name: string): FieldSpec {
    const spec = this.mapping.field(name);
    if (!spec) throw new RuleCompileError(`field '${name}' has no mapping onto Tracelight's events`);
    this.used.add(spec);
    return spec;
  }

  /** A keyword (a value without a field): found in any keyword source. */
  keyword(modifiers: string[], value: unknown): Selection {
    const values = Array.isArray(value) ? value : [value];
    const all = modifiers.includes('all');
    const mods = modifiers.filter((m) => m !== 'all');
    const hasMatch = mods.some((m) => ['contains', 'startswith', 'endswith', 're'].includes(m));
    const specs = this.mapping.keywords;
    for (const s of specs) this.used.add(s);
    const conds = values.map((v) => compileFieldCondition('keyword', hasMatch ? mods : [...mods, 'contains'], v));
    const tests = conds.map((cond) => {
      const perSource = specs.map((s) => fieldTest(s, cond));
      return (view: EventView): boolean => perSource.some((t) => t(view));
    });
    const sql: Sql = (q) => joinSql(conds.map((cond) => joinSql(specs.map((s) => fieldConditionSql(s, cond, q)), 'OR')), all ? 'AND' : 'OR');
    return { test: all ? (view) => tests.every((t) => t(view)) : (view) => tests.some((t) => t(view)), sql, conjuncts: (q) => [sql(q)], parts: [] };
  }

  map(o: Obj): Selection {
    const entries = Object.entries(o);
    if (entries.length === 0) throw new RuleCompileError('a selection is an empty map');
    const parts: Selection['parts'] = [];
    const tests: Test[] = [];
    const sqls: Sql[] = [];
    for (const [key, value] of entries) {
      const [name, ...modifiers] = key.split('|');
      if (!name) {
        const kw = this.keyword(modifiers, value);
        tests.push(kw.test);
        sqls.push(kw.sql);
        continue;
      }
      const spec = this.field(name.trim());
      const cond = compileFieldCondition(name.trim(), modifiers.map((m) => m.trim()), value);
      parts.push({ spec, cond });
      tests.push(fieldTest(spec, cond));
      sqls.push((q) => fieldConditionSql(spec, cond, q));
    }
    return {
      test: tests.length === 1 ? tests[0]! : (view) => tests.every((t) => t(view)),
      sql: (q) => joinSql(sqls.map((f) => f(q)), 'AND'),
      conjuncts: (q) => sqls.map((f) => f(q)),
      parts,
    };
  }

  selection(name: string, value: unknown): Selection {
    if (isObj(value)) return this.map(value);
    if (Array.isArray(value)) {
      if (value.length === 0) throw new RuleCompileError(`selection '${name}' is an empty list`);
      const subs = value.map((v) => (isObj(v) ? this.map(v) : this.keyword([], v)));
      const sql: Sql = (q) => joinSql(subs.map((s) => s.sql(q)), 'OR');
      return { test: (view) => subs.some((s) => s.test(view)), sql, conjuncts: (q) => [sql(q)], parts: subs.flatMap((s) => s.parts) };
    }
    if (typeof value === 'string' || typeof value === 'number') return this.keyword([], value);
    throw new RuleCompileError(`selection '${name}' is neither a map, a list nor a keyword`);
  }
}

function conditionTest(node: ConditionNode, sel: Map<string, Selection>): Test {
  switch (node.kind) {
    case 'ref': {
      const t = sel.get(node.name)!.test;
      return t;
    }
    case 'not': {
      const inner = conditionTest(node.arg, sel);
      return (view) => !inner(view);
    }
    case 'and': {
      const args = node.args.map((a) => conditionTest(a, sel));
      return (view) => args.every((t) => t(view));
    }
    case 'or': {
      const args = node.args.map((a) => conditionTest(a, sel));
      return (view) => args.some((t) => t(view));
    }
    case 'of': {
      const args = node.names.map((n) => sel.get(n)!.test);
      if (node.quantity === 'all') return (view) => args.every((t) => t(view));
      const need = node.quantity;
      return (view) => {
        let hits = 0;
        for (const t of args) if (t(view) && ++hits >= need) return true;
        return false;
      };
    }
  }
}

/**
 * The condition as terms that must all hold: nested ANDs, `all of`, map selections and
 * negated ORs (De Morgan) are flattened, so that joinSql can put the cheap and selective
 * terms of the whole rule first.
 */
function conditionTerms(node: ConditionNode, sel: Map<string, Selection>, q: SqlContext): string[] {
  switch (node.kind) {
    case 'ref':
      return sel.get(node.name)!.conjuncts(q);
    case 'and':
      return node.args.flatMap((a) => conditionTerms(a, sel, q));
    case 'of':
      return node.quantity === 'all' ? node.names.flatMap((n) => sel.get(n)!.conjuncts(q)) : [conditionSql(node, sel, q)];
    case 'not': {
      const arg = node.arg;
      if (arg.kind === 'or') return arg.args.map((a) => `(NOT ${conditionSql(a, sel, q)})`);
      if (arg.kind === 'of' && arg.quantity === 1) return arg.names.map((n) => `(NOT ${sel.get(n)!.sql(q)})`);
      return [conditionSql(node, sel, q)];
    }
    default:
      return [conditionSql(node, sel, q)];
  }
}

function conditionSql(node: ConditionNode, sel: Map<string, Selection>, q: SqlContext): string {
  switch (node.kind) {
    case 'ref':
      return sel.get(node.name)!.sql(q);
    case 'not':
      return `(NOT ${conditionSql(node.arg, sel, q)})`;
    case 'and':
    case 'or':
      return joinSql(node.args.map((a) => conditionSql(a, sel, q)), node.kind === 'and' ? 'AND' : 'OR');
    case 'of': {
      const args = node.names.map((n) => sel.get(n)!.sql(q));
      if (node.quantity === 'all') return joinSql(args, 'AND');
      if (node.quantity === 1) return joinSql(args, 'OR');
      // Each selection is 1 or 0 (field tests never yield NULL), so they can be counted.
      return `((${args.join(' + ')}) >= ${node.quantity})`;
    }
  }
}

function intersect(a: ReadonlySet<string> | null | undefined, b: ReadonlySet<string> | null | undefined): ReadonlySet<string> | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return new Set([...a].filter((x) => b.has(x)));
}

function logsourceOf(rule: Obj, mapping: SigmaMapping): LogsourceSpec {
  const ls = rule.logsource;
  if (!isObj(ls)) throw new RuleCompileError('no logsource');
  const category = str(ls.category);
  const service = str(ls.service);
  const product = str(ls.product);
  // A product the mapping does not list (or none) does not narrow the formats: the rule's
  // category and field values tie it to its events.
  const prod = product ? mapping.product.get(product.toLowerCase()) : undefined;
  if (!category && !service) {
    // A product alone (windows) says nothing about categories: every category of its formats.
    if (product) return { categories: [], actions: null, where: [], formats: prod?.formats ?? null };
    throw new RuleCompileError('logsource names no category, service or product');
  }
  const cat = category ? mapping.category.get(category.toLowerCase()) : undefined;
  if (category && !cat) throw new RuleCompileError(`logsource category '${category}' has no mapping onto Tracelight's event categories`);
  const svc = service ? mapping.service.get(service.toLowerCase()) : undefined;
  if (service && !svc) throw new RuleCompileError(`logsource service '${service}' has no mapping onto Tracelight's events`);
  const formats = intersect(intersect(cat?.formats, svc?.formats), prod?.formats);
  if (cat && svc) {
    const categories = cat.categories.filter((c) => svc.categories.includes(c));
    return { categories, actions: cat.actions, where: svc.where, requires: cat.requires, formats };
  }
  return { ...(cat ?? svc)!, formats };
}

function stringList(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Compiles one rule document from `file`. Throws RuleCompileError for what cannot be run. */
export function compileRule(rule: Obj, file: string, mapping: SigmaMapping, allCategories: readonly EventCategory[]): CompiledRule {
  if (rule.correlation !== undefined) throw new RuleCompileError('correlation rules are not supported');
  if (rule.action !== undefined) throw new RuleCompileError(`rule collections (action: ${String(rule.action)}) are not supported; write one rule per document`);
  if (rule.filter !== undefined && rule.detection === undefined) throw new RuleCompileError('filter rules (Sigma meta filters) are not supported');
  const title = str(rule.title);
  if (!title) throw new RuleCompileError('no title');
  const detection = rule.detection;
  if (!isObj(detection)) throw new RuleCompileError('no detection');
  if (detection.timeframe !== undefined) throw new RuleCompileError('timeframe (a correlation window) is not supported');

  const level = (str(rule.level) ?? 'medium').toLowerCase() as Severity;
  if (!SEVERITIES.includes(level)) throw new RuleCompileError(`level '${String(rule.level)}' is not one of ${SEVERITIES.join(', ')}`);
  const tags = stringList(rule.tags);
  let stage = stageFromTags(tags);
  const ext = rule.tracelight;
  if (ext !== undefined) {
    if (!isObj(ext)) throw new RuleCompileError('tracelight: must be a map');
    if (ext.stage !== undefined) {
      if (!STAGES.includes(ext.stage as Stage)) throw new RuleCompileError(`tracelight.stage '${String(ext.stage)}' is not one of ${STAGES.join(', ')}`);
      stage = ext.stage as Stage;
    }
  }

  const source = logsourceOf(rule, mapping);
  const compiler = new SelectionCompiler(mapping);
  const selections = new Map<string, Selection>();
  for (const [name, value] of Object.entries(detection)) {
    if (name === 'condition') continue;
    try {
      selections.set(name, compiler.selection(name, value));
    } catch (err) {
      if (err instanceof RuleCompileError) throw new RuleCompileError(`selection '${name}': ${err.message}`);
      throw err;
    }
  }
  const condValue = detection.condition;
  const condTexts = typeof condValue === 'string' ? [condValue] : stringList(condValue);
  if (condTexts.length === 0) throw new RuleCompileError('no condition');
  const names = [...selections.keys()];
  const nodes = condTexts.map((c) => parseCondition(c, names));
  const node: ConditionNode = nodes.length === 1 ? nodes[0]! : { kind: 'or', args: nodes };
  const detect = conditionTest(node, selections);

  const where = source.where.map((w) => ({ slot: w.field.slot, value: w.value.toLowerCase() }));
  for (const w of source.where) compiler.used.add(w.field);
  // A process-centric log source (Sysmon network connections): the event must name its process.
  const requires = (source.requires ?? []).map((f) => f.slot);
  for (const f of source.requires ?? []) compiler.used.add(f);
  const inSource: Test = (view) => where.every((w) => (view.load(w.slot), view.lower[w.slot] === w.value)) && (requires.length === 0 || requires.some((slot) => (view.load(slot), view.raw[slot] !== null)));
  const match: Test = where.length === 0 && requires.length === 0 ? detect : (view) => inSource(view) && detect(view);

  const sql = (q: SqlContext): string => {
    const terms = [`category IN (${categories.map((c) => q.param(c)).join(', ')})`];
    if (source.actions) terms.push(`action IN (${[...source.actions].map((a) => q.param(a)).join(', ')})`);
    for (const w of source.where) {
      const expr = fieldExpr(w.field, q);
      const pieces = [{ text: w.value }];
      const want = w.value.toLowerCase();
      terms.push(likeSafe(pieces) ? `(${expr} LIKE ${q.param(likePattern(pieces))} ESCAPE '\\') IS 1` : q.jsTest(expr, (raw) => raw !== null && raw.toLowerCase() === want));
    }
    if (source.requires?.length) terms.push(`(${source.requires.map((f) => `${fieldExpr(f, q)} IS NOT NULL`).join(' OR ')})`);
    terms.push(...conditionTerms(node, selections, q));
    return joinSql(terms, 'AND');
  };

  const shown = [...positiveNames(node)].filter((n) => selections.has(n));
  const explain = (view: EventView): string[] => {
    // One line per field value, naming every test it met: "CommandLine = ... (contains ' -e', ...)".
    const lines = new Map<string, { field: string; raw: string; why: string[] }>();
    for (const name of shown) {
      const s = selections.get(name)!;
      if (!s.test(view)) continue;
      for (const { spec, cond } of s.parts) {
        view.load(spec.slot);
        const raw = view.raw[spec.slot];
        const lower = view.lower[spec.slot];
        if (raw === null || lower === null || !cond.test(raw, lower)) continue;
        const key = `${spec.name}\u0000${raw}`;
        const line = lines.get(key) ?? { field: spec.name, raw, why: [] };
        const why = clip(cond.which(raw, lower), 80);
        if (!line.why.includes(why)) line.why.push(why);
        lines.set(key, line);
      }
    }
    return [...lines.values()].map((l) => `${l.field} = ${clip(l.raw, 300)} (${l.why.join('; ')})`);
  };

  const id = str(rule.id) ?? `${file}#${title}`;
  const categories = source.categories.length > 0 ? source.categories : [...allCategories];
  return {
    id,
    title,
    file,
    severity: level,
    stage,
    attack: attackIds(tags),
    description: str(rule.description),
    falsepositives: stringList(rule.falsepositives),
    categories,
    actions: source.actions,
    formats: source.formats ?? null,
    fields: [...compiler.used],
    match,
    sql,
    explain,
    condition: condTexts.join(' or '),
  };
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
