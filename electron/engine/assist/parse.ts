// The deterministic reader: tokens -> Plan (intent x dimension x filters x time). It is a
// small grammar, not a list of sentences: any question made of the case's values, field
// nouns, intent words and a time expression, in either language, reads the same way.
import type { Concept, DimField, Intent } from './lexicon';
import type { Filter, FilterField, Plan } from './plan';
import { readTime } from './time-expr';
import { tokenize, type Token } from './tokenize';
import type { VocabEntry, VocabField, Vocabulary } from './vocabulary';

export type ParseOutcome = { ok: true; plan: Plan } | { ok: false; problem: string; unknown: string[] };

// When a value is several things at once, the reading an analyst most likely means.
const FIELD_ORDER: VocabField[] = ['host', 'user', 'process_name', 'parent_process_name', 'domain', 'dst_ip', 'src_ip', 'url', 'file_name', 'hash', 'method', 'action', 'category'];

const has = (t: Token | undefined, kind: Concept['kind']): boolean => t?.kind === 'lex' && t.concepts.some((c) => c.kind === kind);
const concept = <K extends Concept['kind']>(t: Token | undefined, kind: K): Extract<Concept, { kind: K }> | undefined =>
  t?.kind === 'lex' ? (t.concepts.find((c) => c.kind === kind) as Extract<Concept, { kind: K }> | undefined) : undefined;

/** Identifier-looking words the case does not know: a question about them cannot be answered as asked. */
function identifierLike(text: string): boolean {
  return /[\d.\\_@/]/.test(text) && /[a-z]/i.test(text) && text.length >= 3;
}

export function parseQuestion(question: string, vocab: Vocabulary): ParseOutcome {
  const normalized = question.normalize('NFKC');
  const { range, rest } = readTime(normalized, { zone: vocab.zone, first: vocab.first, last: vocab.last });
  const tokens = tokenize(rest, vocab);
  const used = new Set<number>();
  const filters: Filter[] = [];
  // A path typed in part ("cmd.php") is read as part of the case's URLs that contain it; other
  // identifiers the case does not know make the question unanswerable as asked.
  const partial = new Set<number>();
  tokens.forEach((t, i) => {
    if (t.kind === 'unknown' && identifierLike(t.text) && vocab.urls.some((u) => u.toLowerCase().includes(t.text.toLowerCase()))) partial.add(i);
  });
  const unknown = tokens.filter((t, i) => t.kind === 'unknown' && identifierLike(t.text) && !partial.has(i) && !(has(tokens[i - 1], 'contains') || has(tokens[i + 1], 'contains'))).map((t) => t.text);
  if (unknown.length) return { ok: false, problem: `not found in this case: ${unknown.map((u) => `"${u}"`).join(', ')}`, unknown };

  if (tokens.some((t) => has(t, 'detection'))) {
    return { ok: false, problem: 'infection, compromise and patient zero are conclusions of detection, not fields of the events; see the Incident view or the triage summary (tracelight detect)', unknown: [] };
  }
  const isJa = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(normalized);
  const near = (i: number, kind: Concept['kind']): boolean => (isJa ? has(tokens[i + 1], kind) || has(tokens[i - 1], kind) : has(tokens[i - 1], kind) || has(tokens[i - 2], kind) && has(tokens[i - 1], 'event'));
  const negated = (i: number): boolean => (isJa ? has(tokens[i + 1], 'not') || has(tokens[i + 2], 'not') : has(tokens[i - 1], 'not') || has(tokens[i - 2], 'not'));
  const dimAt = (i: number): DimField | null => concept(tokens[i], 'dim')?.field ?? null;

  // Values first: each becomes a filter on the field its neighbours or its kind suggest.
  const add = (fields: FilterField[], value: string | number, neg: boolean): void => {
    const op = neg ? 'ne' : 'eq';
    const same = filters.find((f) => f.op === op && f.fields.join() === fields.join());
    if (same) {
      if (!same.values.includes(value)) same.values.push(value);
    } else filters.push({ fields, op, values: [value] });
  };
  // "containing X" / "Xを含む" with X not a value of the case: X is text to look for.
  const containsWord = new Set<number>();
  tokens.forEach((t, i) => {
    if (!has(t, 'contains')) return;
    const j = isJa ? i - 1 : i + 1;
    const w = tokens[j];
    if (w?.kind === 'unknown' && !partial.has(j)) {
      containsWord.add(j);
      used.add(i);
    }
  });
  tokens.forEach((t, i) => {
    if (containsWord.has(i)) add(['text'], t.text, negated(i));
    else if (t.kind === 'value') {
      // A field noun before a value names its field ("host X", "親プロセスがX"); after it, a
      // process's parent is what is asked ("Xの親プロセス", "X's parent process").
      const after = dimAt(i + 1);
      const crossesParent = after === 'parent_process_name' && t.entries.some((e) => e.field === 'process_name');
      const label = [dimAt(i - 1), crossesParent ? null : after].filter((d): d is DimField => d !== null);
      const pick = chooseEntry(t.entries, label, near(i, 'parent'));
      if (!pick) return;
      for (const j of crossesParent ? [i - 1] : [i - 1, i + 1]) if (dimAt(j) && labels(dimAt(j)!, pick.field)) used.add(j);
      if (pick.field === 'src_ip' || pick.field === 'dst_ip') add(ipFields(i), pick.value, negated(i));
      else if (pick.field === 'file_name') add(['file_name'], pick.value, negated(i));
      else if (pick.field === 'hash') add(['hash'], pick.value, negated(i));
      else add([pick.field as FilterField], pick.value, negated(i));
      if (near(i, 'parent')) usedNear(i, 'parent');
    } else if (t.kind === 'ip') {
      add(ipFields(i), t.ip, negated(i));
      if (t.port !== null) add(['dst_port'], t.port, false);
    } else if (t.kind === 'unknown' && partial.has(i)) add(['url_part'], t.text, negated(i));
    else if (t.kind === 'hash') add(['hash'], t.hash.toLowerCase(), negated(i));
    else if (t.kind === 'url') add(['url'], t.url, negated(i));
    else if (t.kind === 'quoted') {
      add(['text'], t.text, negated(i));
      if (has(tokens[i - 1], 'contains')) used.add(i - 1);
    }
  });

  function usedNear(i: number, kind: Concept['kind']): void {
    for (const j of [i - 2, i - 1, i + 1, i + 2]) if (has(tokens[j], kind)) used.add(j);
  }
  function ipFields(i: number): FilterField[] {
    const src = isJa ? has(tokens[i + 1], 'src') || has(tokens[i - 1], 'src') && !has(tokens[i + 1], 'dst') : has(tokens[i - 1], 'src');
    const dst = isJa ? has(tokens[i + 1], 'dst') || dimAt(i + 1) === 'dst_ip' || dimAt(i - 1) === 'dst_ip' : has(tokens[i - 1], 'dst') || dimAt(i - 1) === 'dst_ip';
    if (src && !dst) return ['src_ip'];
    if (dst && !src) return ['dst_ip'];
    if (dimAt(i - 1) === 'src_ip' || dimAt(i + 1) === 'src_ip') return ['src_ip'];
    return ['src_ip', 'dst_ip'];
  }

  // Numbers: ports, status codes, or the N of "top N" / "first N".
  let limit: number | null = null;
  tokens.forEach((t, i) => {
    if (t.kind !== 'num') return;
    const around = [dimAt(i - 1), dimAt(i + 1), dimAt(i - 2)];
    const nearRank = [i - 2, i - 1, i + 1].some((j) => ['top', 'bottom', 'first', 'last'].includes(concept(tokens[j], 'intent')?.intent ?? ''));
    const statusLike = t.n >= 100 && t.n <= 599;
    if (limit === null && nearRank && t.n > 0 && t.n <= 1000 && !(statusLike && vocab.statuses.has(t.n) && around.includes('http_status'))) {
      // "top 2 status codes", "上位5件", "first 3 events": a count of rows, not a value.
      limit = t.n;
    } else if (around.includes('dst_port') && t.n > 0 && t.n <= 65535) {
      add(['dst_port'], t.n, negated(i));
      for (const j of [i - 2, i - 1, i + 1]) if (dimAt(j) === 'dst_port') used.add(j);
    } else if (statusLike && (around.includes('http_status') || concept(tokens[i + 1], 'status') || concept(tokens[i - 1], 'status'))) {
      add(['http_status'], t.n, negated(i));
      for (const j of [i - 1, i + 1]) if (dimAt(j) === 'http_status' || concept(tokens[j], 'status')) used.add(j);
    } else if (vocab.statuses.has(t.n)) add(['http_status'], t.n, negated(i));
    else if (vocab.ports.has(t.n)) add(['dst_port'], t.n, negated(i));
    else if (limit === null && t.n > 0 && t.n <= 1000) limit = t.n;
  });

  // Field nouns: the first one not labelling a value is what the question is about.
  const intents = new Set<Intent>();
  tokens.forEach((t, i) => {
    const c = concept(t, 'intent');
    if (c && !used.has(i)) intents.add(c.intent);
  });
  let groupDim = null as DimField | null;
  let dim = null as DimField | null;
  let dimCategory: string[] | undefined;
  tokens.forEach((t, i) => {
    const d = concept(t, 'dim');
    if (!d || used.has(i)) return;
    const grouped = isJa
      ? has(tokens[i + 1], 'group') || (has(tokens[i - 1], 'group') && tokens[i - 1]!.text === '各')
      : has(tokens[i - 1], 'group') || (has(tokens[i - 2], 'group') && has(tokens[i - 1], 'event'));
    if (grouped && !groupDim) groupDim = d.field;
    else if (!dim) {
      dim = d.field;
      dimCategory = d.category;
    }
  });
  if (intents.has('who')) dim ??= vocab.hasUsers ? 'user' : 'src_ip';
  // "Which IPs hit /admin.php" in a web server's log: it names clients only.
  if (!vocab.hasDstIp) {
    if (dim === 'dst_ip') dim = 'src_ip';
    if (groupDim === 'dst_ip') groupDim = 'src_ip';
  }

  // Categories, actions and outcomes.
  const cats = new Set<string>();
  const notCats = new Set<string>();
  tokens.forEach((t, i) => {
    if (used.has(i) || t.kind !== 'lex') return;
    for (const c of t.concepts) {
      // "except firewall" / "ファイアウォール以外": the category is excluded.
      if (c.kind === 'cat') for (const k of c.category) (negated(i) ? notCats : cats).add(k);
      if (c.kind === 'action') {
        const values = vocab.actions.filter((a) => c.pattern.test(a));
        filters.push({ fields: ['action'], op: 'eq', values: values.length ? values : [c.label] });
      }
      if (c.kind === 'status' && !filters.some((f) => f.fields[0] === 'http_status')) filters.push({ fields: ['http_status'], op: 'range', values: [], min: c.min, max: c.max });
    }
  });
  const count = intents.has('count');
  // "how many processes" counts process events; "how many hosts" counts hosts.
  if (count && dim && dimCategory && !groupDim) {
    for (const k of dimCategory) cats.add(k);
    dim = null;
  }
  if (cats.size) {
    const present = [...cats].filter((c) => vocab.categories.includes(c));
    filters.push({ fields: ['category'], op: 'eq', values: present.length ? present : [...cats] });
  }
  if (notCats.size) filters.push({ fields: ['category'], op: 'ne', values: [...notCats] });

  const plan = decide({ intents, dim, groupDim, limit, isJa, tokens });
  if (plan.dim) filters.push({ fields: [plan.dim], op: 'nonnull', values: [] });
  const meaningful = filters.length > 0 || range !== null || plan.intent !== 'rows' || intents.has('list') || tokens.some((t) => has(t, 'event'));
  if (!meaningful) return { ok: false, problem: 'no host, user, address, process, time or question word of this case recognised', unknown: [] };
  return { ok: true, plan: { ...plan, filters, time: range } };
}

function labels(dim: DimField, field: VocabField): boolean {
  if (dim === field) return true;
  if (dim === 'file_path' && field === 'file_name') return true;
  if ((dim === 'dst_ip' || dim === 'src_ip') && (field === 'dst_ip' || field === 'src_ip')) return true;
  if (dim === 'process_name' && field === 'parent_process_name') return true;
  if (dim === 'parent_process_name' && field === 'process_name') return true;
  return false;
}

function chooseEntry(entries: VocabEntry[], label: DimField[], parent: boolean): VocabEntry | null {
  if (parent) {
    const p = entries.find((e) => e.field === 'parent_process_name') ?? entries.find((e) => e.field === 'process_name');
    if (p) return { field: 'parent_process_name', value: p.value };
  }
  for (const l of label) {
    const exact = entries.find((e) => e.field === l);
    if (exact) return exact;
    const hit = entries.find((e) => labels(l, e.field));
    // "parent process X" names X as a parent even where X was only seen as a process.
    if (hit) return l === 'parent_process_name' || l === 'process_name' ? { field: l, value: hit.value } : hit;
  }
  for (const f of FIELD_ORDER) {
    const hit = entries.find((e) => e.field === f);
    if (hit) return hit;
  }
  return entries[0] ?? null;
}

function decide(x: { intents: Set<Intent>; dim: DimField | null; groupDim: DimField | null; limit: number | null; isJa: boolean; tokens: Token[] }): Pick<Plan, 'intent' | 'dim' | 'limit'> {
  const { intents, groupDim, limit } = x;
  const dim = x.dim ?? groupDim;
  if (intents.has('top') || intents.has('bottom')) {
    const intent = intents.has('bottom') ? 'bottom' : 'top';
    if (dim) return { intent, dim, limit: limit ?? defaultTop(x.tokens, x.isJa) };
  }
  if ((intents.has('first') || intents.has('last')) && groupDim && !limit) {
    // "the first event of each host": first and last time per host.
    return { intent: 'when', dim: groupDim, limit: null };
  }
  if (intents.has('first') || intents.has('last')) {
    const intent = intents.has('last') && !intents.has('first') ? 'last' : 'first';
    return { intent, dim: intents.has('which') || intents.has('who') || groupDim ? dim : x.dim && !intents.has('when') ? x.dim : null, limit: limit ?? 1 };
  }
  if (intents.has('count')) {
    if (groupDim) return { intent: 'group', dim: groupDim, limit: null };
    if (x.dim) return { intent: 'count_distinct', dim: x.dim, limit: null };
    return { intent: 'count', dim: null, limit: null };
  }
  if (intents.has('when')) return { intent: 'when', dim: groupDim, limit: null };
  if (groupDim) return { intent: 'group', dim: groupDim, limit: null };
  if (dim && (intents.has('which') || intents.has('who') || intents.has('distinct') || intents.has('list'))) return { intent: 'distinct', dim, limit: null };
  if (dim && !x.tokens.some((t) => has(t, 'event'))) return { intent: 'distinct', dim, limit: null };
  return { intent: 'rows', dim: null, limit: null };
}

/** "which host has the most events" means one; "top domains" / "上位" means a list. */
function defaultTop(tokens: Token[], isJa: boolean): number {
  const top = tokens.find((t) => t.kind === 'lex' && t.concepts.some((c) => c.kind === 'intent' && c.intent === 'top'));
  const word = top?.text.toLowerCase() ?? '';
  if (isJa) return /上位|トップ|順|ランキング/.test(word) ? 10 : 1;
  if (/^top$/.test(word)) return 10;
  const noun = tokens.find((t) => has(t, 'dim'));
  return noun && /s$/i.test(noun.text) && !/^(address|status|process)$/i.test(noun.text) ? 10 : 1;
}
