// One Sigma field condition (`Field|mod1|mod2: value or [values]`) compiled to a test on the
// field's value. Modifiers follow the Sigma specification (v2, "Modifiers"); those not listed
// in SUPPORTED are refused with a message, so the rule is reported instead of run wrongly.
import { cidrTest } from './cidr';
import { hasWildcard, parseSigmaString, piecesMatcher, plainText, type SigmaPiece, type StringMatcher } from './sigma-string';
import { cidrLike, regexGlob } from './prefilter';
import { globPattern, guardedSql, joinSql, likePattern, likeSafe, type SqlContext } from './sql';

/** A test on a field value (null: the event has no such field). */
export type ValueTest = (raw: string | null, lower: string | null) => boolean;

export interface FieldCondition {
  test: ValueTest;
  /** What it looks for: e.g. `Image|endswith: '\cmd.exe', '\pwsh.exe'`. */
  describe: string;
  /** Which of its values a matching field value met, for reasons: e.g. `endswith '\cmd.exe'`. */
  which(raw: string, lower: string): string;
  /** The same test as an SQLite expression over expr (1 or 0, never NULL). */
  sql(expr: string, q: SqlContext, lower?: string): string;
  /**
   * Text a matching value always contains, one of these (one per value); null when the
   * condition can match without any (null values, regular expressions, numbers...).
   */
  literals: string[] | null;
  /** When every value is a plain whole-value comparison: the values, lower-case; else null. */
  equalsValues?: string[] | null;
}

/** A string matcher and, when SQL can say it exactly, its SQL form (else it runs in JS). */
interface SqlMatcher extends StringMatcher {
  sql: ((expr: string, q: SqlContext) => string) | null;
  /** For a JavaScript-only matcher: an SQL condition every matching value also meets. */
  pre?: ((expr: string, q: SqlContext) => string) | null;
  /** The longest literal text of the pattern (null for regex, CIDR, or a bare wildcard). */
  literal?: string | null;
  /** For a whole-value comparison SQL can do with lower(): the lower-case value. */
  equals?: string | null;
  /** For a plain prefix or suffix comparison SQL can do with lower() and substr(). */
  affix?: { end: 'prefix' | 'suffix'; text: string } | null;
}

/** The JavaScript test as an SQL call, for what SQL cannot say exactly. */
function viaJs(test: ValueTest): (expr: string, q: SqlContext) => string {
  return (expr, q) => q.jsTest(expr, (raw) => test(raw, raw === null ? null : raw.toLowerCase()));
}

const TRANSFORMS = new Set(['wide', 'utf16le', 'utf16be', 'utf16', 'base64', 'base64offset', 'windash']);
const MATCHES = new Set(['contains', 'startswith', 'endswith', 're', 'cidr', 'lt', 'lte', 'gt', 'gte', 'exists']);
const FLAGS = new Set(['all', 'cased', 'i', 'ignorecase', 'm', 'multiline', 's', 'dotall']);
const REFUSED: Record<string, string> = {
  fieldref: 'compares two fields of one event',
  expand: 'needs placeholder values from a pipeline configuration',
};

/** Values of one condition tested in SQL (LIKE/GLOB) before the condition moves to JavaScript. */
const MAX_SQL_VALUES = 3;

export class RuleCompileError extends Error {
  override name = 'RuleCompileError';
}

/** Field value as bytes before base64: UTF-8 unless an encoding modifier came first. */
function encode(text: string, encoding: string | null): Buffer {
  switch (encoding) {
    case 'wide':
    case 'utf16le':
      return Buffer.from(text, 'utf16le');
    case 'utf16be':
      return Buffer.from(text, 'utf16le').swap16();
    case 'utf16':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    default:
      return Buffer.from(text, 'utf8');
  }
}

/**
 * The three base64 forms a byte string takes at offsets 0, 1 and 2 inside a longer encoded
 * text, without the characters that depend on the unknown neighbours (as pySigma's
 * base64offset: start offsets 0/2/3, end offsets by (length + offset) mod 3).
 */
function base64Offsets(bytes: Buffer): string[] {
  const start = [0, 2, 3];
  const end = [0, -3, -2];
  const out: string[] = [];
  for (let i = 0; i < 3; i++) {
    const enc = Buffer.concat([Buffer.alloc(i, 0x20), bytes]).toString('base64');
    const cut = end[(bytes.length + i) % 3]!;
    out.push(enc.slice(start[i], cut === 0 ? undefined : cut));
  }
  return out;
}

/** windash: a leading '-' or '/' of a command-line switch may be any of Windows' dashes. */
const DASHES = ['-', '/', '\u2013', '\u2014', '\u2015'];
const MAX_WINDASH_FORMS = 625;

function windashForms(pieces: SigmaPiece[]): SigmaPiece[][] {
  let forms: SigmaPiece[][] = [[]];
  for (const p of pieces) {
    if (!('text' in p)) {
      forms = forms.map((f) => [...f, p]);
      continue;
    }
    // Split the text at each switch dash; every split point multiplies the forms by 5.
    const parts = p.text.split(/\B[-/]\b/);
    let texts = [parts[0]!];
    for (let k = 1; k < parts.length; k++) {
      texts = texts.flatMap((t) => DASHES.map((d) => t + d + parts[k]!));
      if (texts.length * forms.length > MAX_WINDASH_FORMS) throw new RuleCompileError('windash: too many switch characters in one value');
    }
    forms = forms.flatMap((f) => texts.map((t) => [...f, { text: t }]));
  }
  return forms;
}

function valueText(v: unknown, field: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new RuleCompileError(`${field}: a value is a ${Array.isArray(v) ? 'list inside a list' : typeof v}, not a string or number`);
}

function regexFor(source: string, flagMods: Set<string>, field: string): { re: RegExp; glob: string | null } {
  let src = source;
  let flags = '';
  // PCRE's leading inline flags, which JavaScript spells as RegExp flags.
  const inline = /^\(\?([ims]+)\)/.exec(src);
  if (inline) {
    flags += inline[1]!;
    src = src.slice(inline[0].length);
  }
  if (flagMods.has('i') || flagMods.has('ignorecase')) flags += 'i';
  if (flagMods.has('m') || flagMods.has('multiline')) flags += 'm';
  if (flagMods.has('s') || flagMods.has('dotall')) flags += 's';
  try {
    const f = [...new Set(flags)].join('');
    return { re: new RegExp(src, f), glob: regexGlob(src, f) };
  } catch (err) {
    throw new RuleCompileError(`${field}|re: not a regular expression JavaScript understands (${(err as Error).message})`);
  }
}

function numberCompare(op: string, want: number): (n: number) => boolean {
  switch (op) {
    case 'lt':
      return (n) => n < want;
    case 'lte':
      return (n) => n <= want;
    case 'gt':
      return (n) => n > want;
    default:
      return (n) => n >= want;
  }
}

/** Compiles `field|modifiers: values`. Throws RuleCompileError for what it cannot run. */
export function compileFieldCondition(field: string, modifiers: readonly string[], value: unknown): FieldCondition {
  for (const m of modifiers) {
    if (REFUSED[m]) throw new RuleCompileError(`modifier '${m}' (${REFUSED[m]}) is not supported`);
    if (!TRANSFORMS.has(m) && !MATCHES.has(m) && !FLAGS.has(m)) throw new RuleCompileError(`unknown modifier '${m}' on ${field}`);
  }
  const matches = modifiers.filter((m) => MATCHES.has(m));
  if (matches.length > 1) throw new RuleCompileError(`${field}: modifiers ${matches.join(' and ')} cannot be combined`);
  const match = matches[0] ?? null;
  const mods = new Set(modifiers);
  const all = mods.has('all');
  const values = Array.isArray(value) ? (value as unknown[]) : [value];
  if (values.length === 0) throw new RuleCompileError(`${field}: an empty list of values`);
  const label = `${field}${modifiers.length ? `|${modifiers.join('|')}` : ''}`;

  if (match === 'exists') {
    if (values.length !== 1 || typeof values[0] !== 'boolean') throw new RuleCompileError(`${label}: exists takes true or false`);
    const want = values[0];
    return {
      test: (raw) => (raw !== null) === want,
      describe: `${label}: ${want}`,
      which: () => `exists: ${want}`,
      sql: (expr) => `(${expr} IS ${want ? 'NOT ' : ''}NULL)`,
      literals: null,
    };
  }
  if (match === 'lt' || match === 'lte' || match === 'gt' || match === 'gte') {
    const tests = values.map((v) => {
      const n = typeof v === 'number' ? v : Number(valueText(v, field));
      if (!Number.isFinite(n)) throw new RuleCompileError(`${label}: '${String(v)}' is not a number`);
      return numberCompare(match, n);
    });
    const test: ValueTest = (raw) => {
      if (raw === null || raw.trim() === '') return false;
      const n = Number(raw);
      if (!Number.isFinite(n)) return false;
      return all ? tests.every((t) => t(n)) : tests.some((t) => t(n));
    };
    const describe = `${label}: ${values.join(', ')}`;
    const js = viaJs(test);
    // Integer and real columns compare in SQL exactly as Number() does in JS; text goes to JS.
    const op = { lt: '<', lte: '<=', gt: '>', gte: '>=' }[match];
    const sql =
      values.length === 1
        ? (expr: string, q: SqlContext): string =>
            `(CASE WHEN typeof(${expr}) IN ('integer', 'real') THEN (${expr} ${op} ${q.param(Number(values[0]))}) WHEN ${expr} IS NULL THEN 0 ELSE ${guardedSql(js(expr, q))} END)`
        : js;
    return { test, describe, which: () => describe, sql, literals: null };
  }

  const matchers: SqlMatcher[] = [];
  let nullAllowed = false;
  for (const v of values) {
    if (v === null) {
      if (match || modifiers.some((m) => TRANSFORMS.has(m))) throw new RuleCompileError(`${label}: null cannot take modifiers`);
      nullAllowed = true;
      continue;
    }
    const text = valueText(v, field);
    if (match === 're') {
      const { re, glob } = regexFor(text, mods, field);
      const test = (raw: string): boolean => re.test(raw);
      matchers.push({ test, describe: `re '${text}'`, sql: null, pre: glob === null ? null : (expr, q) => `(${expr} GLOB ${q.param(glob)}) IS 1` });
      continue;
    }
    if (match === 'cidr') {
      const inNet = cidrTest(text);
      if (!inNet) throw new RuleCompileError(`${label}: '${text}' is not a network (a.b.c.d/n or x::/n)`);
      const like = cidrLike(text);
      matchers.push({ test: (raw) => inNet(raw), describe: `cidr ${text}`, sql: null, pre: like === null ? null : (expr, q) => `(${expr} LIKE ${q.param(like)}) IS 1` });
      continue;
    }
    matchers.push(...stringMatchers(text, modifiers, match, mods.has('cased'), label));
  }
  const describe = `${label}: ${values.map((v) => (v === null ? 'null' : `'${String(v)}'`)).join(all ? ' and ' : ', ')}`;
  const which = (raw: string, lower: string): string => {
    const hit = matchers.filter((m) => m.test(raw, lower)).map((m) => m.describe);
    return hit.length > 0 ? hit.slice(0, 3).join(all ? ' and ' : ', ') : describe;
  };
  // SQL: a NULL (absent) field makes LIKE NULL; each comparison is written `(...) IS 1` so that
  // it is 1 or 0 as in JS, and the AND/OR/NOT around it stay plain: SQLite then stops early
  // (an IFNULL or CASE around them would make it evaluate every branch, JavaScript calls too).
  // The matchers SQL cannot say run as one JavaScript call per event, not one per value.
  // A long list of values costs SQLite one LIKE scan per value; one JavaScript call testing
  // them all is cheaper past a handful.
  // Plain values compared whole become one `IN (...)` (SQLite looks them up, whatever their
  // number); only when not all must match.
  const inList = all ? [] : matchers.filter((m) => m.equals);
  // Likewise prefixes and suffixes: `substr(lower(v), -n) IN (...)` per length n.
  const affixed = all ? [] : matchers.filter((m) => !m.equals && m.affix);
  const rest = matchers.filter((m) => !inList.includes(m) && !affixed.includes(m));
  const manyValues = rest.length > MAX_SQL_VALUES;
  const inSql = manyValues ? [] : rest.filter((m) => m.sql !== null);
  const inJs = manyValues ? rest : rest.filter((m) => m.sql === null);
  const matcherSql = (expr: string, q: SqlContext, lower = `lower(CAST(${expr} AS TEXT))`): string[] => {
    const terms = inSql.map((m) => m.sql!(expr, q));
    if (inList.length > 0) terms.push(`(${lower} IN (${inList.map((m) => q.param(m.equals!)).join(', ')})) IS 1`);
    const groups = new Map<string, string[]>();
    for (const m of affixed) {
      const { end, text } = m.affix!;
      const n = [...text].length;
      const key = end === 'suffix' ? `-${n}` : `1, ${n}`;
      groups.set(key, [...(groups.get(key) ?? []), text]);
    }
    for (const [key, texts] of groups) terms.push(`(substr(${lower}, ${key}) IN (${texts.map((t) => q.param(t)).join(', ')})) IS 1`);
    if (inJs.length > 0) {
      const js = q.jsTest(expr, (raw) => {
        if (raw === null) return false;
        const lower = raw.toLowerCase();
        return all ? inJs.every((m) => m.test(raw, lower)) : inJs.some((m) => m.test(raw, lower));
      });
      const pres = inJs.map((m) => m.pre);
      terms.push(pres.length <= MAX_SQL_VALUES && pres.every((p) => p) ? `(${joinSql(pres.map((p) => p!(expr, q)), all ? 'AND' : 'OR')} AND ${guardedSql(js)})` : js);
    }
    return terms;
  };
  if (all) {
    if (nullAllowed) throw new RuleCompileError(`${label}: null inside an |all list`);
    return {
      test: (raw, lower) => raw !== null && matchers.every((m) => m.test(raw, lower!)),
      describe,
      which,
      sql: (expr, q, lower) => joinSql(matcherSql(expr, q, lower), 'AND'),
      literals: null,
    };
  }
  // Sigma reads an empty value as "empty or absent"; the engine never stores empty strings.
  const emptyMeansAbsent = values.includes('');
  const literals = nullAllowed || emptyMeansAbsent || matchers.some((m) => !m.literal) ? null : matchers.map((m) => m.literal!);
  const equalsValues = literals && matchers.every((m) => m.equals) ? matchers.map((m) => m.equals!) : null;
  return {
    literals,
    equalsValues,
    sql: (expr, q, lower) => {
      const terms = matcherSql(expr, q, lower);
      if (nullAllowed || emptyMeansAbsent) terms.unshift(`${expr} IS NULL`);
      return joinSql(terms, 'OR');
    },
    test: (raw, lower) => {
      if (raw === null) return nullAllowed || emptyMeansAbsent;
      for (const m of matchers) if (m.test(raw, lower!)) return true;
      return false;
    },
    describe,
    which,
  };
}

/** The matchers of one string value, after transforms (windash, base64...) and the match kind. */
function stringMatchers(text: string, modifiers: readonly string[], match: string | null, cased: boolean, label: string): SqlMatcher[] {
  let forms: { pieces: SigmaPiece[]; cased: boolean }[] = [{ pieces: parseSigmaString(text), cased }];
  let encoding: string | null = null;
  for (const m of modifiers) {
    if (!TRANSFORMS.has(m)) continue;
    if (m === 'windash') {
      forms = forms.flatMap((f) => windashForms(f.pieces).map((pieces) => ({ pieces, cased: f.cased })));
    } else if (m === 'base64' || m === 'base64offset') {
      forms = forms.flatMap((f) => {
        if (hasWildcard(f.pieces)) throw new RuleCompileError(`${label}: wildcards cannot be base64-encoded`);
        const bytes = encode(plainText(f.pieces), encoding);
        const texts = m === 'base64' ? [bytes.toString('base64')] : base64Offsets(bytes);
        // Base64 is case-sensitive text: a case-insensitive match would find other bytes.
        return texts.filter((t) => t !== '').map((t) => ({ pieces: [{ text: t }] as SigmaPiece[], cased: true }));
      });
      encoding = null;
    } else {
      encoding = m;
    }
  }
  if (encoding !== null) throw new RuleCompileError(`${label}: '${encoding}' must be followed by base64 or base64offset`);
  const kind = match ?? 'equals';
  return forms.map((f) => {
    const star: SigmaPiece = { wildcard: '*' };
    const pieces = match === 'contains' ? [star, ...f.pieces, star] : match === 'startswith' ? [...f.pieces, star] : match === 'endswith' ? [star, ...f.pieces] : f.pieces;
    const m = piecesMatcher(pieces, f.cased, kind);
    const test = m.test;
    let sql: SqlMatcher['sql'] = null;
    if (f.cased) sql = (expr, q) => `(${expr} GLOB ${q.param(globPattern(pieces))}) IS 1`;
    else if (likeSafe(pieces)) sql = (expr, q) => `(${expr} LIKE ${q.param(likePattern(pieces))} ESCAPE '\\') IS 1`;
    const texts = f.pieces.filter((p): p is { text: string } => 'text' in p).map((p) => p.text);
    const literal = texts.length === 0 ? null : texts.reduce((a, b) => (b.length > a.length ? b : a));
    // lower() folds ASCII only, so only values without other cased letters compare exactly.
    const plain = !f.cased && !hasWildcard(f.pieces) && f.pieces.length === 1 && likeSafe(f.pieces) ? plainText(f.pieces).toLowerCase() : null;
    const equals = kind === 'equals' ? plain : null;
    const affix = plain && (kind === 'endswith' || kind === 'startswith') ? { end: kind === 'endswith' ? ('suffix' as const) : ('prefix' as const), text: plain } : null;
    return { test, describe: `${kind} '${plainText(f.pieces)}'`, sql, literal, equals, affix };
  });
}
