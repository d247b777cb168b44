// Tokens -> AST by recursive descent. Precedence, loosest first: OR, AND (written or implied
// by juxtaposition, as in Lucene and Timesketch), NOT / leading minus, then a term or a
// parenthesized group. `field:(a OR b)` applies the field to every bare term of the group.
import type { QueryNode, Value } from './ast';
import { QueryError } from './errors';
import { fieldSpec } from './fields';
import { tokenize, type Token } from './tokenizer';

/** Deeper nesting than any person types; bounds the recursion a hostile string could cause. */
const MAX_DEPTH = 64;

export function parseQuery(input: string): QueryNode | null {
  const tokens = tokenize(input, (name) => fieldSpec(name) !== undefined);
  if (tokens.length === 0) return null;
  const parser = new Parser(tokens, input.length);
  const node = parser.parseOr(null, 0);
  parser.expectEnd();
  return node;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly length: number,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private next(): Token {
    const t = this.tokens[this.pos++];
    if (!t) throw new QueryError('the query ends too early', this.length, 'endsEarly');
    return t;
  }

  expectEnd(): void {
    const t = this.peek();
    if (t) throw t.type === 'rparen' ? new QueryError('unmatched ")"', t.start, 'unmatchedParen') : new QueryError('unexpected text', t.start, 'unexpected');
  }

  parseOr(field: string | null, depth: number): QueryNode {
    const children = [this.parseAnd(field, depth)];
    while (this.peek()?.type === 'or') {
      this.pos++;
      children.push(this.parseAnd(field, depth));
    }
    return group('or', children);
  }

  private parseAnd(field: string | null, depth: number): QueryNode {
    const children = [this.parseUnary(field, depth)];
    for (;;) {
      const t = this.peek();
      if (!t || t.type === 'or' || t.type === 'rparen') break;
      if (t.type === 'and') this.pos++;
      children.push(this.parseUnary(field, depth));
    }
    return group('and', children);
  }

  private parseUnary(field: string | null, depth: number): QueryNode {
    const t = this.peek();
    if (t && (t.type === 'not' || t.type === 'minus')) {
      this.pos++;
      if (depth > MAX_DEPTH) throw new QueryError('too deeply nested', t.start, 'tooDeep');
      const child = this.parseUnary(field, depth + 1);
      return { kind: 'not', child, start: t.start, end: child.end };
    }
    return this.parsePrimary(field, depth);
  }

  private parsePrimary(field: string | null, depth: number): QueryNode {
    const t = this.next();
    switch (t.type) {
      case 'lparen': {
        if (depth > MAX_DEPTH) throw new QueryError('too deeply nested', t.start, 'tooDeep');
        if (this.peek()?.type === 'rparen') throw new QueryError('empty parentheses', t.start, 'emptyParens');
        const inner = this.parseOr(field, depth + 1);
        const close = this.peek();
        if (close?.type !== 'rparen') throw new QueryError('missing ")" for this "("', t.start, 'missingParen');
        this.pos++;
        return { ...inner, start: t.start, end: close.end };
      }
      case 'field': {
        if (field !== null) throw new QueryError(`a field inside ${field}:( ... )`, t.start, 'fieldInField', { field });
        const v = this.peek();
        if (v?.type === 'lparen') {
          const inner = this.parsePrimary(t.name, depth + 1);
          return { ...inner, start: t.start };
        }
        const value = this.parseValue(t.name);
        return { kind: 'term', field: t.name, value: value.value, start: t.start, end: value.end };
      }
      case 'word':
        return { kind: 'term', field, value: { type: 'word', parts: t.parts }, start: t.start, end: t.end };
      case 'phrase':
        return { kind: 'term', field, value: { type: 'phrase', text: t.text }, start: t.start, end: t.end };
      case 'rparen':
        throw new QueryError('unmatched ")"', t.start, 'unmatchedParen');
      case 'and':
      case 'or':
        throw new QueryError(`${t.type.toUpperCase()} needs a term on both sides`, t.start, 'bothSides', { op: t.type.toUpperCase() });
      default:
        throw new QueryError('unexpected text', t.start, 'unexpected');
    }
  }

  private parseValue(field: string): { value: Value; end: number } {
    const t = this.next();
    if (t.type === 'word') return { value: { type: 'word', parts: t.parts }, end: t.end };
    if (t.type === 'phrase') return { value: { type: 'phrase', text: t.text }, end: t.end };
    if (t.type === 'cmp') {
      const v = this.next();
      if (v.type !== 'word' && v.type !== 'phrase') throw new QueryError(`"${t.op}" needs a value`, v.start, 'cmpNeedsValue', { op: t.op });
      return { value: { type: 'cmp', op: t.op, value: v.type === 'word' ? literal(v) : v.text }, end: v.end };
    }
    if (t.type === 'open') {
      const low = this.bound();
      const to = this.next();
      if (to.type !== 'word' || literal(to) !== 'TO') throw new QueryError('a range is written [low TO high]', to.start, 'rangeTo');
      const high = this.bound();
      const close = this.next();
      if (close.type !== 'close') throw new QueryError('a range ends with "]" or "}"', close.start, 'rangeEnd');
      return { value: { type: 'range', low, high, lowInclusive: t.inclusive, highInclusive: close.inclusive }, end: close.end };
    }
    throw new QueryError(`"${field}:" needs a value`, t.start, 'needsValue', { field });
  }

  private bound(): string | null {
    const t = this.next();
    if (t.type === 'phrase') return t.text;
    if (t.type !== 'word') throw new QueryError('a range bound is missing', t.start, 'rangeBound');
    if (t.parts.length === 1 && 'wild' in t.parts[0]! && t.parts[0].wild === '*') return null;
    return literal(t);
  }
}

/** A word's text where wildcards mean nothing (range bounds, comparison values). */
function literal(t: Extract<Token, { type: 'word' }>): string {
  return t.parts.map((p) => ('lit' in p ? p.lit : p.wild)).join('');
}

function group(kind: 'and' | 'or', children: QueryNode[]): QueryNode {
  if (children.length === 1) return children[0]!;
  return { kind, children, start: children[0]!.start, end: children[children.length - 1]!.end };
}
