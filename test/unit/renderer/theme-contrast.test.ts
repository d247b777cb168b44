import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CATEGORY_ORDER, categoryColour, OKABE_ITO } from '../../../renderer/src/lib/category-colours';

// WCAG 2.x relative luminance and contrast ratio.
function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const n = parseInt(m[1]!, 16);
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The variables of one theme block of theme.css. */
function themeVariables(theme: 'light' | 'dark'): Record<string, string> {
  const css = readFileSync('renderer/src/styles/theme.css', 'utf8');
  const selector = theme === 'light' ? /:root,\s*:root\[data-theme="light"\]\s*\{([^}]*)\}/ : /:root\[data-theme="dark"\]\s*\{([^}]*)\}/;
  const block = selector.exec(css)?.[1];
  if (!block) throw new Error(`no ${theme} block in theme.css`);
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

// Text colour -> the backgrounds it is drawn on somewhere in the UI.
const PAIRS: Record<string, string[]> = {
  text: ['bg', 'panel', 'panel-alt', 'hover', 'accent-soft', 'accent-focus', 'code-bg', 'warn-soft', 'ok-soft', 'danger-soft',
    'stage-lure', 'stage-execution', 'stage-download', 'stage-persistence', 'stage-c2', 'stage-spam', 'sev-high', 'sev-medium', 'sev-low'],
  muted: ['bg', 'panel', 'panel-alt', 'hover', 'accent-soft'],
  accent: ['bg', 'panel', 'panel-alt'],
  'on-accent': ['accent', 'accent-strong'],
  'on-danger': ['danger'],
  danger: ['panel', 'panel-alt', 'danger-soft'],
  warn: ['panel', 'warn-soft'],
  ok: ['panel', 'ok-soft'],
  'resolved-text': ['panel', 'accent-soft'],
  'header-text': ['header-bg', 'header-hover'],
  'header-muted': ['header-bg'],
};

describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
  const vars = themeVariables(theme);
  const pairs = Object.entries(PAIRS).flatMap(([fg, bgs]) => bgs.map((bg) => [fg, bg] as const));

  test.each(pairs)('--%s on --%s is at least 4.5:1', (fg, bg) => {
    expect(vars[fg], `--${fg}`).toBeDefined();
    expect(vars[bg], `--${bg}`).toBeDefined();
    expect(contrast(vars[fg]!, vars[bg]!)).toBeGreaterThanOrEqual(4.5);
  });

});

describe('category palette', () => {
  test('one distinct colour per category, chromatic ones from Okabe-Ito', () => {
    const colours = CATEGORY_ORDER.map((c) => categoryColour(c));
    expect(new Set(colours).size).toBe(CATEGORY_ORDER.length);
    const okabe = new Set<string>(Object.values(OKABE_ITO));
    const chromatic = CATEGORY_ORDER.filter((c) => !['auth', 'other'].includes(c));
    for (const c of chromatic) expect(okabe.has(categoryColour(c)), c).toBe(true);
  });

  test('unknown categories are drawn as other', () => {
    expect(categoryColour('something-new')).toBe(categoryColour('other'));
    expect(categoryColour(null, 'dark')).toBe(categoryColour('other', 'dark'));
  });
});
