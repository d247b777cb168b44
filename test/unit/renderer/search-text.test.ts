import { describe, expect, it } from 'vitest';
import { clauseFor, composeQuery, quoteValue, type Chip } from '../../../renderer/src/features/search/query-text';
import { back, current, EMPTY_HISTORY, forward, push } from '../../../renderer/src/features/search/search-history';

const chip = (id: number, text: string, more: Partial<Chip> = {}): Chip => ({ id, text, enabled: true, negated: false, ...more });

describe('query text the UI writes', () => {
  it('ANDs switched-on chips, NOT around inverted ones, whole chips in parentheses', () => {
    expect(composeQuery([chip(1, 'host:WS1'), chip(2, 'a OR b', { negated: true }), chip(3, 'x', { enabled: false })])).toBe('(host:WS1) NOT (a OR b)');
    expect(composeQuery([])).toBe('');
  });

  it('quotes cell values so the parser takes them literally', () => {
    expect(clauseFor('process_command_line', 'cmd /c "echo *" \\x')).toBe('process_command_line:"cmd /c \\"echo *\\" \\\\x"');
    expect(clauseFor('dst_port', 8080)).toBe('dst_port:8080');
    expect(clauseFor('user', null)).toBe('user:""');
    expect(quoteValue('請求書')).toBe('"請求書"');
  });
});

describe('search history', () => {
  it('steps back and forward; a new step drops the forward ones', () => {
    let h = push(push(EMPTY_HISTORY, [chip(1, 'a')]), [chip(1, 'a'), chip(2, 'b')]);
    h = back(h);
    expect(current(h).map((c) => c.text)).toEqual(['a']);
    h = forward(h);
    expect(current(h)).toHaveLength(2);
    h = push(back(back(h)), [chip(3, 'c')]);
    expect(current(h).map((c) => c.text)).toEqual(['c']);
    expect(forward(h)).toBe(h);
    expect(current(back(back(back(h))))).toEqual([]);
  });
});
