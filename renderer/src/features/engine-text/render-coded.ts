// An engine text (common/coded-text.ts) rendered from the dictionaries in strings.ts; pure, so
// a unit test can check that the English rendering of every code is the engine's own text.
import type { CodedParam, CodedText } from '../../contracts';
// From the dictionary module itself (not the i18n entry, which brings React): this file is pure.
import { translate, type Lang } from '../../i18n/strings';
import './strings';

function known(key: string): boolean {
  return translate('en', key) !== key;
}

/**
 * The text of `c` in `lang`, or null when it (or a nested code) is not in the dictionary: the
 * caller then shows the engine's English. Parameter values are inserted once, as text.
 */
export function renderCoded(lang: Lang, c: CodedText, number: (n: number) => string = String): string | null {
  const params = c.params ?? {};
  if (c.code === 'text') return typeof params.text === 'string' ? params.text : null;
  const parts: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    const text = renderParam(lang, value, number);
    if (text === null) return null;
    parts[name] = text;
  }
  if (c.code === 'list') return Object.values(parts).join(translate(lang, 'engine.list.sep'));
  if (c.code === 'listSemi') return Object.values(parts).join(translate(lang, 'engine.list.semi'));
  const key = `engine.${c.code}`;
  return known(key) ? translate(lang, key, parts) : null;
}

function renderParam(lang: Lang, value: CodedParam, number: (n: number) => string): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? number(value) : String(value);
  return renderCoded(lang, value, number);
}
