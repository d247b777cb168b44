import { describe, expect, it } from 'vitest';
import { displayValue, revealInvisibles } from '../../../renderer/src/lib/reveal-invisibles';
import { prettyJson } from '../../../renderer/src/lib/pretty-json';

describe('revealInvisibles', () => {
  it('leaves ordinary text, including Japanese, untouched', () => {
    const text = '経理部の端末で請求書.doc を開いた　(全角スペース)';
    expect(revealInvisibles(text)).toBe(text);
  });

  it('makes bidi overrides visible so a filename cannot masquerade', () => {
    expect(revealInvisibles('invoice\u202Efdp.exe')).toBe('invoice⟨U+202E⟩fdp.exe');
    expect(revealInvisibles('a\u2066b\u2069')).toBe('a⟨U+2066⟩b⟨U+2069⟩');
  });

  it('makes zero-width and control characters visible', () => {
    expect(revealInvisibles('pay\u200Bpal')).toBe('pay⟨U+200B⟩pal');
    expect(revealInvisibles('a\u0000b\u001B[31m')).toBe('a⟨U+0000⟩b⟨U+001B⟩[31m');
  });

  it('flattens line breaks in single-line mode and keeps them in multi-line mode', () => {
    expect(revealInvisibles('a\r\nb\tc')).toBe('a ↵ b c');
    expect(revealInvisibles('a\r\nb\n\tc', true)).toBe('a\r\nb\n\tc');
    expect(revealInvisibles('a\rb', true)).toBe('a⟨U+000D⟩b');
  });

  it('displays null as empty and numbers as text', () => {
    expect(displayValue(null)).toBe('');
    expect(displayValue(4444)).toBe('4444');
  });
});

describe('prettyJson', () => {
  it('indents JSON objects', () => {
    expect(prettyJson('{"a":1,"b":["x"]}')).toBe('{\n  "a": 1,\n  "b": [\n    "x"\n  ]\n}');
  });

  it('hides empty values and shows non-JSON as is', () => {
    expect(prettyJson(null)).toBeNull();
    expect(prettyJson('{}')).toBeNull();
    expect(prettyJson('  ')).toBeNull();
    expect(prettyJson('not json')).toBe('not json');
  });

  it('reveals bidi controls that JSON.stringify leaves literal', () => {
    expect(prettyJson('{"f":"x\\u202Ey"}')).toBe('{\n  "f": "x⟨U+202E⟩y"\n}');
  });
});
