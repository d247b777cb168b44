import { describe, expect, it } from 'vitest';
import type { QueryNode } from '../../../electron/engine/store/query/ast';
import { parseQuery, QueryError } from '../../../electron/engine/store/query';
import { splitClauses } from '../../../electron/engine/store/query';

/** The tree as a compact string: (and a b), (or a b), (not a), field:value. */
function show(node: QueryNode | null): string {
  if (!node) return '';
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(${node.kind} ${node.children.map(show).join(' ')})`;
    case 'not':
      return `(not ${show(node.child)})`;
    case 'term': {
      const v = node.value;
      const text =
        v.type === 'word' ? v.parts.map((p) => ('lit' in p ? p.lit : `<${p.wild}>`)).join('')
        : v.type === 'phrase' ? `"${v.text}"`
        : v.type === 'cmp' ? `${v.op}${v.value}`
        : `${v.lowInclusive ? '[' : '{'}${v.low ?? '*'}..${v.high ?? '*'}${v.highInclusive ? ']' : '}'}`;
      return node.field ? `${node.field}:${text}` : text;
    }
  }
}

function errorOf(query: string): QueryError {
  try {
    parseQuery(query);
  } catch (err) {
    if (err instanceof QueryError) return err;
    throw err;
  }
  throw new Error(`"${query}" parsed`);
}

describe('query parser', () => {
  it('reads field terms, bare words and implicit AND', () => {
    expect(show(parseQuery('host:WS-TKY-014'))).toBe('host:WS-TKY-014');
    expect(show(parseQuery('rundll32 WS-TKY-014'))).toBe('(and rundll32 WS-TKY-014)');
    expect(show(parseQuery('process_name:rundll32.exe dst_port:8080'))).toBe('(and process_name:rundll32.exe dst_port:8080)');
  });

  it('binds AND tighter than OR, NOT tighter than AND, parentheses tightest', () => {
    expect(show(parseQuery('a OR b c'))).toBe('(or a (and b c))');
    expect(show(parseQuery('a b OR c'))).toBe('(or (and a b) c)');
    expect(show(parseQuery('a AND b OR c AND d'))).toBe('(or (and a b) (and c d))');
    expect(show(parseQuery('NOT a b'))).toBe('(and (not a) b)');
    expect(show(parseQuery('(a OR b) c'))).toBe('(and (or a b) c)');
    expect(show(parseQuery('NOT (a OR b)'))).toBe('(not (or a b))');
  });

  it('reads -term as NOT, but a hyphen inside a word as text', () => {
    expect(show(parseQuery('-host:a b'))).toBe('(and (not host:a) b)');
    expect(show(parseQuery('WS-TKY-014 -x'))).toBe('(and WS-TKY-014 (not x))');
  });

  it('keeps lower-case and/or as words (operators are upper case)', () => {
    expect(show(parseQuery('salt and pepper'))).toBe('(and salt and pepper)');
  });

  it('reads phrases, wildcards, ranges and comparisons', () => {
    expect(show(parseQuery('"Invoke-WebRequest -Uri"'))).toBe('"Invoke-WebRequest -Uri"');
    expect(show(parseQuery('process_name:rund*.e?e'))).toBe('process_name:rund<*>.e<?>e');
    expect(show(parseQuery('dst_port:[1024 TO *]'))).toBe('dst_port:[1024..*]');
    expect(show(parseQuery('time:[2026-10-05T00:10 TO 00:20}'))).toBe('time:[2026-10-05T00:10..00:20}');
    expect(show(parseQuery('dst_port:>=1024'))).toBe('dst_port:>=1024');
    expect(show(parseQuery('host:(a OR b)'))).toBe('(or host:a host:b)');
  });

  it('escapes specials with a backslash and keeps Windows paths as typed', () => {
    // A backslash before * makes it a literal star; a path ending in \ before a wildcard doubles it.
    expect(show(parseQuery('file_path:C:\\Windows\\Temp\\\\*'))).toBe('file_path:C:\\Windows\\Temp\\<*>');
    expect(show(parseQuery('file_path:C:\\Temp\\*'))).toBe('file_path:C:\\Temp*');
    expect(show(parseQuery('a\\*b'))).toBe('a*b');
    expect(show(parseQuery('"say \\"hi\\""'))).toBe('"say "hi""');
    expect(show(parseQuery('C:\\Users'))).toBe('C:\\Users');
    expect(show(parseQuery('http://evil.example/x'))).toBe('http://evil.example/x');
  });

  it('reads Japanese words and phrases, and the ideographic space as a separator', () => {
    expect(show(parseQuery('請求書　host:経理-PC'))).toBe('(and 請求書 host:経理-PC)');
    expect(show(parseQuery('"不審な 通信"'))).toBe('"不審な 通信"');
  });

  it('reports mistakes with their column, never a trace', () => {
    expect(errorOf('(a OR b').column).toBe(1);
    expect(errorOf('a OR b)').column).toBe(7);
    expect(errorOf('a OR').reason).toMatch(/ends too early/);
    expect(errorOf('hots:WS1').reason).toMatch(/unknown field "hots"/);
    expect(errorOf('x "open').column).toBe(3);
    expect(errorOf('dst_port:[1 TO').reason).toMatch(/ends too early/);
    expect(errorOf('AND a').column).toBe(1);
    expect(errorOf('a ()').reason).toMatch(/empty parentheses/);
    expect(errorOf('host: a').reason).toMatch(/needs a value/);
    expect(errorOf('('.repeat(100) + 'a' + ')'.repeat(100)).reason).toMatch(/nested/);
  });

  it('splits the top-level AND into chips, each with its text and negation', () => {
    expect(splitClauses('host:WS1 (rundll32 OR regsvr32) -user:bob')).toEqual({
      ok: true,
      clauses: [
        { text: 'host:WS1', start: 0, end: 8, negated: false },
        { text: '(rundll32 OR regsvr32)', start: 9, end: 31, negated: false },
        { text: 'user:bob', start: 32, end: 41, negated: true },
      ],
    });
    expect(splitClauses('dst_port:abc')).toMatchObject({ ok: false, column: 1, message: 'dst_port takes a whole number, not "abc"', code: 'notNumber', vars: { field: 'dst_port', text: 'abc' } });
    expect(splitClauses('(a')).toMatchObject({ ok: false, column: 1, code: 'missingParen' });
  });
});
