// The chosen language, shared by every component. First start follows the system language;
// a switch is remembered in localStorage (the renderer's only storage; nothing leaves it).
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LANGUAGES, translate, type Lang } from './strings';

const STORAGE_KEY = 'tracelight.lang';

function initialLanguage(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Lang;
  } catch {
    // Storage can be disabled; the system language is the answer then.
  }
  const system = globalThis.navigator?.language ?? 'en';
  return system.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

interface LanguageState {
  lang: Lang;
  setLang(lang: Lang): void;
}

const LanguageContext = createContext<LanguageState>({ lang: 'en', setLang: () => undefined });

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLanguage);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered, but switched for this session.
    }
    document.documentElement.lang = next;
  }, []);
  // The page's lang attribute picks Japanese glyph shapes and the CJK line height (base.css).
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LanguageContext value={value}>{children}</LanguageContext>;
}

export function useLang(): LanguageState {
  return use(LanguageContext);
}

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** `t(key, vars)` in the current language. */
export function useT(): Translate {
  const { lang } = useLang();
  return useCallback((key, vars) => translate(lang, key, vars), [lang]);
}

/** Numbers and dates in the chosen locale. */
export function useLocaleFormat() {
  const { lang } = useLang();
  return useMemo(() => {
    const locale = lang === 'ja' ? 'ja-JP' : 'en-US';
    const number = new Intl.NumberFormat(locale);
    return {
      locale,
      number: (n: number) => (Number.isFinite(n) ? number.format(n) : '—'),
      /** A date-time for reading (file dates, creation times); unparseable text is shown as is. */
      dateTime: (iso: string, timeZone?: string) => {
        const date = new Date(iso);
        if (Number.isNaN(date.getTime())) return iso;
        return date.toLocaleString(locale, { timeZone, dateStyle: 'medium', timeStyle: 'medium' });
      },
    };
  }, [lang]);
}
