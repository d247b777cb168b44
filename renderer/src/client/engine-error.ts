import type { CodedText } from '../contracts';
import { renderCoded } from '../features/engine-text/render-coded';
import { LANGUAGES, type Lang } from '../i18n/strings';

/** An error the engine reported (name and message as it serialized them), or a lost connection. */
export class EngineError extends Error {
  /** The message as a code (common/coded-text.ts), when the engine gave one. */
  readonly coded: CodedText | undefined;

  constructor(name: string, message: string, coded?: CodedText) {
    super(message);
    this.name = name;
    this.coded = coded;
  }
}

export const DISCONNECTED_MESSAGE = 'disconnected from engine';

/** The UI's language as the language provider set it on the page (i18n/language.tsx). */
function pageLanguage(): Lang {
  const lang = (globalThis as { document?: { documentElement: { lang: string } } }).document?.documentElement.lang ?? 'en';
  return (LANGUAGES as readonly string[]).includes(lang) ? (lang as Lang) : 'en';
}

/**
 * The message to show for anything a call rejected with: in a language other than English,
 * the engine's coded text rendered from the dictionary (engine-text/); otherwise, and for an
 * error without a code or with one the dictionary lacks, the engine's English as it wrote it.
 */
export function errorMessage(error: unknown, lang: Lang = pageLanguage()): string {
  if (error instanceof EngineError && error.coded && lang !== 'en') return renderCoded(lang, error.coded) ?? error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
