// Light or dark, remembered on this machine. The palette is CSS variables keyed on
// <html data-theme>, so switching repaints without re-rendering React.
import { useCallback, useState } from 'react';
import { categoryPalette, type Theme } from './category-colours';

const KEY = 'tracelight.theme';

/** The remembered theme; on first start, the system's preference. */
export function storedTheme(): Theme {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // Storage disabled: fall through to the system preference.
  }
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  root.dataset.theme = theme;
  // Category colours as CSS variables (--cat-process, ...), from the one palette module, so
  // the grid stripe and any stylesheet draw exactly the colours the charts use.
  for (const [category, colour] of Object.entries(categoryPalette(theme))) root.style.setProperty(`--cat-${category}`, colour);
}

/** The current theme and a setter that applies and remembers it. */
export function useTheme(): [Theme, (theme: Theme) => void] {
  const [theme, setState] = useState<Theme>(() => (document.documentElement.dataset.theme as Theme) || storedTheme());
  const set = useCallback((next: Theme) => {
    setState(next);
    applyTheme(next);
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Switched for this session only.
    }
  }, []);
  return [theme, set];
}
