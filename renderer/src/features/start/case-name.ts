// The type only, from the dictionary module (no React), so Node-side tests can import this file.
import type { Lang } from '../../i18n/strings';

/** The local date as YYYY-MM-DD (the examiner's calendar day, not UTC's). */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A name for a case opened by dropping files: the date in the examiner's language
 * ("2026-12-07 事案" / "Case 2026-12-07"), made unique against the cases that exist ("… (2)").
 */
export function dateCaseName(now: Date, lang: Lang, existing: readonly string[]): string {
  const date = localDate(now);
  const base = lang === 'ja' ? `${date} 事案` : `Case ${date}`;
  const taken = new Set(existing.map((n) => n.normalize('NFC')));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const name = `${base} (${n})`;
    if (!taken.has(name)) return name;
  }
}
