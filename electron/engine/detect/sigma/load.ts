// Reading rule files: every *.yml / *.yaml under the given files and folders, each document of
// a multi-document file a rule. A file or rule that cannot be read or run becomes a
// RuleProblem naming it; nothing is skipped without a word.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type * as Yaml from 'yaml';
import { lazyRequire } from '../../lazy-require';
import type { RuleProblem } from '../../../common/detect';
import { EVENT_CATEGORIES } from '../../../common/schema';
import { compileRule, type CompiledRule } from './compile';
import type { SigmaMapping } from './mapping';
import { RuleCompileError } from './modifiers';

// Loaded when rules are, not when every command starts (see lazy-require.ts).
const yaml = lazyRequire<typeof Yaml>('yaml');

/** Rule files are small; anything this large is not one (and would only slow the load). */
const MAX_RULE_FILE_BYTES = 2 << 20;
const MAX_DEPTH = 16;

export interface LoadedRules {
  rules: CompiledRule[];
  problems: RuleProblem[];
}

function isRuleFile(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** The rule files under a path (a file is taken as it is, whatever its extension). */
function ruleFiles(p: string, problems: RuleProblem[]): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (err) {
      problems.push(coded({ file: dir, rule: null }, `cannot read the folder (${errCode(err)})`, 'rules.folderUnreadable', { why: errCode(err) }));
      return;
    }
    for (const name of names) {
      const full = path.join(dir, name);
      let st;
      try {
        st = statSync(full);
      } catch {
        continue; // a dangling link: nothing to read
      }
      if (st.isDirectory()) {
        if (depth < MAX_DEPTH) walk(full, depth + 1);
      } else if (st.isFile() && isRuleFile(name)) {
        out.push(full);
      }
    }
  };
  let st;
  try {
    st = statSync(p);
  } catch (err) {
    problems.push(coded({ file: p, rule: null }, `cannot read (${errCode(err)})`, 'rules.unreadable', { why: errCode(err) }));
    return out;
  }
  if (st.isDirectory()) walk(p, 0);
  else out.push(p);
  return out;
}

function ruleName(doc: unknown): string | null {
  if (typeof doc !== 'object' || doc === null) return null;
  const o = doc as Record<string, unknown>;
  const id = typeof o.id === 'string' ? o.id : null;
  const title = typeof o.title === 'string' ? o.title : null;
  return id && title ? `${title} (${id})` : (title ?? id);
}

/** Compiles every rule of one file, adding problems for what cannot run. */
function loadRuleFile(file: string, mapping: SigmaMapping, out: LoadedRules): void {
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_RULE_FILE_BYTES) {
      out.problems.push(coded({ file, rule: null }, `${size} bytes: too large for a rule file (limit ${MAX_RULE_FILE_BYTES})`, 'rules.tooLarge', { size, limit: MAX_RULE_FILE_BYTES }));
      return;
    }
    text = readFileSync(file, 'utf8');
  } catch (err) {
    out.problems.push(coded({ file, rule: null }, `cannot read (${errCode(err)})`, 'rules.unreadable', { why: errCode(err) }));
    return;
  }
  if (text.includes('\u0000')) {
    out.problems.push(coded({ file, rule: null }, 'not a YAML text file (binary content)', 'rules.binary', {}));
    return;
  }
  const docs = yaml().parseAllDocuments(text, { uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [docs];
  let index = 0;
  for (const doc of list) {
    index++;
    if (doc.errors.length > 0) {
      const e = doc.errors[0]!;
      const line = e.linePos?.[0]?.line;
      out.problems.push(
        line
          ? coded({ file, rule: null }, `invalid YAML at line ${line}: ${firstLine(e.message)}`, 'rules.yamlAt', { line, why: firstLine(e.message) })
          : coded({ file, rule: null }, `invalid YAML: ${firstLine(e.message)}`, 'rules.yaml', { why: firstLine(e.message) }),
      );
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      out.problems.push(coded({ file, rule: null }, `invalid YAML: ${firstLine((err as Error).message)}`, 'rules.yaml', { why: firstLine((err as Error).message) }));
      continue;
    }
    if (value === null || value === undefined) continue; // an empty document (a trailing ---)
    if (typeof value !== 'object' || Array.isArray(value)) {
      out.problems.push(coded({ file, rule: null }, `document ${index} is not a rule (a map with title, logsource and detection)`, 'rules.notRule', { index }));
      continue;
    }
    try {
      out.rules.push(compileRule(value as Record<string, unknown>, file, mapping, EVENT_CATEGORIES));
    } catch (err) {
      if (!(err instanceof RuleCompileError)) throw err;
      out.problems.push(coded({ file, rule: ruleName(value) }, `not run: ${err.message}`, 'rules.notRun', { why: err.message }));
    }
  }
}

/** Loads rules from files and folders, in order; a later rule with an id already loaded is reported. */
export function loadRules(paths: readonly string[], mapping: SigmaMapping): LoadedRules {
  const out: LoadedRules = { rules: [], problems: [] };
  for (const p of paths) for (const file of ruleFiles(p, out.problems)) loadRuleFile(file, mapping, out);
  const seen = new Map<string, string>();
  out.rules = out.rules.filter((r) => {
    const first = seen.get(r.id);
    if (first === undefined) {
      seen.set(r.id, r.file);
      return true;
    }
    out.problems.push(coded({ file: r.file, rule: `${r.title} (${r.id})` }, `not run: the id is already used by a rule in ${first}`, 'rules.duplicateId', { file: first }));
    return false;
  });
  return out;
}

/** A problem with its English message and the same as a code (coded-text.ts) for the UI. */
function coded(where: Pick<RuleProblem, 'file' | 'rule'>, message: string, code: string, params: Record<string, string | number>): RuleProblem {
  return { ...where, message, message_code: { code, params } };
}

function errCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? 'error';
}

/** A YAML parser's message is several lines (a caret under the text); the first says what. */
function firstLine(text: string): string {
  return text.split('\n')[0]!;
}
