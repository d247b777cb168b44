// Renders an engine text (common/coded-text.ts) in the UI's language. English shows the
// engine's own wording; another language renders the code from its dictionary and falls back
// to the English whenever a code (or a nested one) is unknown, so nothing is blank or
// half-translated. Parameters are values from the evidence, inserted as text (React renders
// strings, never markup).
import { useCallback } from 'react';
import type { CodedText } from '../../contracts';
import { useLang, useLocaleFormat } from '../../i18n';
import { renderCoded } from './render-coded';

type Say = (coded: CodedText | undefined | null, english: string) => string;

/** `say(coded, english)`: the text to show for an engine text in the current language. */
export function useEngineText(): Say {
  const { lang } = useLang();
  const { number } = useLocaleFormat();
  return useCallback<Say>((coded, english) => (lang === 'en' || !coded ? english : (renderCoded(lang, coded, number) ?? english)), [lang, number]);
}
