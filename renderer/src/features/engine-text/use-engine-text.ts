// Renders an engine text (common/coded-text.ts) in the UI's language. English shows the
// engine's own wording; another language renders the code from its dictionary, and falls back
// to the English whenever a code (or a nested one) is unknown, so nothing is ever blank or
// half-translated. Parameters are values from the evidence: they are inserted as text (React
// renders strings, never markup) and never re-read as placeholders.
import { useCallback } from 'react';
import type { CodedParam, CodedText } from '../../contracts';
import { translate, useLang, useLocaleFormat, type Lang } from '../../i18n';
import './strings';

type Render = (coded: CodedText | undefined | null, english: string) => string;

function known(key: string): boolean {
  return translate('en', key) !== key;
}

function render(lang: Lang, c: CodedText, number: (n: number) => string): string | null {
  const params = c.params ?? {};
  if (c.code === 'text') return typeof params.text === 'string' ? params.text : null;
  const parts: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    const text = param(lang, value, number);
    if (text === null) return null;
    parts[name] = text;
  }
  if (c.code === 'list') return Object.values(parts).join(translate(lang, 'engine.list.sep'));
  const key = `engine.${c.code}`;
  return known(key) ? translate(lang, key, parts) : null;
}

function param(lang: Lang, value: CodedParam, number: (n: number) => string): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? number(value) : String(value);
  return render(lang, value, number);
}

/** `say(coded, english)`: the text to show for an engine text in the current language. */
export function useEngineText(): Render {
  const { lang } = useLang();
  const { number } = useLocaleFormat();
  return useCallback<Render>((coded, english) => (lang === 'en' || !coded ? english : (render(lang, coded, number) ?? english)), [lang, number]);
}
