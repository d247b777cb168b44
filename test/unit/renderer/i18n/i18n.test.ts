import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { registeredKeys, translate } from '../../../../renderer/src/i18n/strings';
import { hardcodedLiterals, literalsInSource } from './hardcoded-text';

const RENDERER = 'renderer/src';

/** Every strings.ts in the renderer, loaded so its registerStrings call runs. */
async function loadAllDictionaries(): Promise<string[]> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === 'strings.ts' && !path.includes('/i18n/')) files.push(path);
    }
  };
  walk(RENDERER);
  for (const file of files) await import(/* @vite-ignore */ pathToFileURL(resolve(file)).href);
  return files;
}

describe('dictionaries', () => {
  test('every key exists in both languages, with text', async () => {
    const files = await loadAllDictionaries();
    expect(files.length).toBeGreaterThan(8);
    const en = registeredKeys('en');
    const ja = registeredKeys('ja');
    expect(en.length).toBeGreaterThan(300);
    expect([...en].sort()).toEqual([...ja].sort());
    for (const key of en) {
      expect(translate('en', key).trim(), key).not.toBe('');
      expect(translate('ja', key).trim(), key).not.toBe('');
    }
  });

  test('the same placeholders in both languages', async () => {
    await loadAllDictionaries();
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of registeredKeys('en')) {
      expect(names(translate('ja', key)), key).toEqual(names(translate('en', key)));
    }
  });

  test('Japanese text is Japanese, not a copy of the English', async () => {
    await loadAllDictionaries();
    const copied = registeredKeys('en').filter((key) => {
      const en = translate('en', key);
      return en === translate('ja', key) && /[a-z]{4,}/.test(en);
    });
    // Only names that stay as they are (the product, the language's own name).
    expect(copied.sort()).toEqual(['app.brand', 'common.english', 'export.format.timesketch']);
  });

  test('every key used with t() in a component is registered', async () => {
    await loadAllDictionaries();
    const known = new Set(registeredKeys('en'));
    const { readFileSync } = await import('node:fs');
    const missing: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name)) {
          for (const m of readFileSync(path, 'utf8').matchAll(/\bt\('([\w.-]+)'/g)) if (!known.has(m[1]!)) missing.push(`${path}: ${m[1]}`);
        }
      }
    };
    walk(RENDERER);
    expect(missing).toEqual([]);
  });
});

describe('no hard-coded English in components', () => {
  test('the scanner finds text children, read attributes and conditional strings', () => {
    const found = literalsInSource(`
      const a = <p title="Close the dialog">Saved {busy ? 'Saving…' : t('x')} {'·'}</p>;
      const b = <input placeholder={\`case zone \${zone}\`} aria-label={t('y')} data-testid="not-read" />;
      const c = <code>SHA-256</code>;
    `).map((l) => l.text);
    expect(found).toEqual(['Close the dialog', 'Saved', 'Saving…', '`case zone ${zone}`']);
  });

  test('no .tsx under renderer/src renders an English label', () => {
    const found = hardcodedLiterals(RENDERER).map((l) => `${l.file}:${l.line}: ${l.text}`);
    expect(found).toEqual([]);
  });
});
