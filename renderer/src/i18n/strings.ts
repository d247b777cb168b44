// The UI's words, one dictionary per language. Each feature owns its strings in a file of its
// own (features/<area>/strings.ts) and registers them here, so two features never edit the same
// dictionary and a missing translation is a type error, not a blank label.
export const LANGUAGES = ['en', 'ja'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** One feature's strings: every key present in both languages (checked by the type). */
export type Dictionary<K extends string = string> = { en: Record<K, string>; ja: Record<K, string> };

const registry: Record<Lang, Map<string, string>> = { en: new Map(), ja: new Map() };

/** Adds a feature's strings. A key registered twice with different English text is a bug. */
export function registerStrings<K extends string>(dict: Dictionary<K>): void {
  for (const lang of LANGUAGES) {
    for (const [key, text] of Object.entries(dict[lang]) as [string, string][]) {
      const existing = registry[lang].get(key);
      if (existing !== undefined && existing !== text) throw new Error(`i18n: "${key}" registered twice (${lang})`);
      registry[lang].set(key, text);
    }
  }
}

/**
 * The text of `key` in `lang`, with `{name}` placeholders filled from `vars`. An unknown key
 * shows as itself so a missing string is visible in a screenshot rather than an empty space.
 */
export function translate(lang: Lang, key: string, vars?: Record<string, string | number>): string {
  const text = registry[lang].get(key) ?? registry.en.get(key) ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Every key known in `lang` (tests check both languages have the same set). */
export function registeredKeys(lang: Lang): string[] {
  return [...registry[lang].keys()];
}
