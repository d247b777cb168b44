// Sigma's condition language: selection names, `and`, `or`, `not`, parentheses,
// `1 of sel*`, `all of sel*`, `N of them`. Aggregations (`| count() by ...`) and `near`
// belong to correlation, which this engine does not do: they are refused with a message.
import { RuleCompileError } from './modifiers';

export type ConditionNode =
  | { kind: 'ref'; name: string }
  | { kind: 'not'; arg: ConditionNode }
  | { kind: 'and' | 'or'; args: ConditionNode[] }
  | { kind: 'of'; quantity: number | 'all'; names: string[] };

function tokenize(text: string): string[] {
  return text.match(/\(|\)|[^\s()]+/g) ?? [];
}

function wildcardRegex(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
}

/**
 * Parses a condition over the rule's selection names. Unknown names, patterns that name no
 * selection, aggregations and `near` raise RuleCompileError.
 */
export function parseCondition(text: string, selections: readonly string[]): ConditionNode {
  if (text.includes('|')) throw new RuleCompileError(`condition '${text}': aggregations (| count(), ...) are not supported`);
  const tokens = tokenize(text);
  if (tokens.length === 0) throw new RuleCompileError('the condition is empty');
  if (tokens.some((t) => t.toLowerCase() === 'near')) throw new RuleCompileError(`condition '${text}': 'near' is not supported`);
  let pos = 0;
  const peek = (): string | undefined => tokens[pos];
  const lower = (): string | undefined => tokens[pos]?.toLowerCase();

  const expectName = (name: string): string => {
    if (!selections.includes(name)) throw new RuleCompileError(`condition names '${name}', which is not a selection of this rule`);
    return name;
  };

  const parseOr = (): ConditionNode => {
    const args = [parseAnd()];
    while (lower() === 'or') {
      pos++;
      args.push(parseAnd());
    }
    return args.length === 1 ? args[0]! : { kind: 'or', args };
  };
  const parseAnd = (): ConditionNode => {
    const args = [parseNot()];
    while (lower() === 'and') {
      pos++;
      args.push(parseNot());
    }
    return args.length === 1 ? args[0]! : { kind: 'and', args };
  };
  const parseNot = (): ConditionNode => {
    if (lower() === 'not') {
      pos++;
      return { kind: 'not', arg: parseNot() };
    }
    return parsePrimary();
  };
  const parsePrimary = (): ConditionNode => {
    const t = peek();
    if (t === undefined) throw new RuleCompileError(`condition '${text}' ends too early`);
    if (t === '(') {
      pos++;
      const inner = parseOr();
      if (peek() !== ')') throw new RuleCompileError(`condition '${text}': missing ')'`);
      pos++;
      return inner;
    }
    const l = t.toLowerCase();
    if (l === 'near') throw new RuleCompileError(`condition '${text}': 'near' is not supported`);
    if (l === ')' || l === 'and' || l === 'or') throw new RuleCompileError(`condition '${text}': unexpected '${t}'`);
    if (/^(\d+|all|any)$/.test(l) && tokens[pos + 1]?.toLowerCase() === 'of') {
      const target = tokens[pos + 2];
      if (target === undefined) throw new RuleCompileError(`condition '${text}': '${t} of' names nothing`);
      pos += 3;
      const quantity = l === 'all' ? 'all' : l === 'any' ? 1 : Number(l);
      let names: string[];
      if (target.toLowerCase() === 'them') {
        // Identifiers starting with an underscore are left out of "them" (Sigma specification).
        names = selections.filter((s) => !s.startsWith('_'));
      } else {
        const re = wildcardRegex(target);
        names = selections.filter((s) => re.test(s));
        if (names.length === 0) throw new RuleCompileError(`condition '${text}': '${target}' matches no selection`);
      }
      if (quantity !== 'all' && (quantity < 1 || !Number.isInteger(quantity))) throw new RuleCompileError(`condition '${text}': '${t} of' needs a count of 1 or more`);
      return { kind: 'of', quantity, names };
    }
    pos++;
    return { kind: 'ref', name: expectName(t) };
  };

  const node = parseOr();
  if (pos !== tokens.length) throw new RuleCompileError(`condition '${text}': unexpected '${tokens[pos]}'`);
  return node;
}

/** Selection names a condition can make true by matching (not under a `not`), for reasons. */
export function positiveNames(node: ConditionNode, negated = false, out = new Set<string>()): Set<string> {
  switch (node.kind) {
    case 'ref':
      if (!negated) out.add(node.name);
      break;
    case 'not':
      positiveNames(node.arg, !negated, out);
      break;
    case 'of':
      if (!negated) for (const n of node.names) out.add(n);
      break;
    default:
      for (const a of node.args) positiveNames(a, negated, out);
  }
  return out;
}
