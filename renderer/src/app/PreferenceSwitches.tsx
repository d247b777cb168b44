import { LANGUAGES, useLang, useT, type Lang } from '../i18n';
import { useTheme } from '../lib/theme';
import './strings';

// Each language's name in itself, so a reader of either finds their own.
const LANGUAGE_NAMES: Record<Lang, string> = { en: 'EN', ja: '日本語' };

/** The language and theme switches, in the case header and on the start screen. */
export function PreferenceSwitches() {
  const t = useT();
  const { lang, setLang } = useLang();
  const [theme, setTheme] = useTheme();
  return (
    <span className="preference-switches">
      <span className="segmented" role="group" aria-label={t('app.language')}>
        {LANGUAGES.map((code) => (
          <button
            key={code}
            type="button"
            className="small"
            aria-pressed={lang === code}
            lang={code}
            onClick={() => setLang(code)}
            data-testid={`lang-${code}`}
          >
            {LANGUAGE_NAMES[code]}
          </button>
        ))}
      </span>
      <button
        type="button"
        className="small"
        aria-label={t('app.theme')}
        title={t('app.theme')}
        onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
        data-testid="theme-switch"
        data-theme-now={theme}
      >
        {theme === 'dark' ? t('app.theme.light') : t('app.theme.dark')}
      </button>
    </span>
  );
}
