// Texts the engine writes reach a Japanese UI in Japanese: an ingest refusal (its code rendered
// from the dictionary) with the file's own name kept as written; the English UI shows the
// engine's English.
import { expect } from '@playwright/test';
import { test } from './serve-fixture';
import { useLanguage } from './investigate-helpers';
import { createCase, dropFiles } from './workbench-helpers';

const junk = Buffer.from(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));

for (const lang of ['ja', 'en'] as const) {
  test(`an ingest refusal reads in the UI's language (${lang})`, async ({ page, serve }, info) => {
    await useLanguage(page, lang);
    await page.setViewportSize({ width: 1366, height: 768 });
    await createCase(page, serve.url, { name: `拒否 ${lang}`, timezone: 'Asia/Tokyo' });
    await dropFiles(page, [{ name: 'メモリ\u202Edump.bin', data: junk }]);
    const error = page.getByTestId('ingest-error');
    await expect(error).toContainText(lang === 'ja' ? 'バイナリファイルです(テキストのログではありません)' : 'binary file (not a text log)', { timeout: 15_000 });
    await expect(error).not.toContainText(lang === 'ja' ? 'binary' : 'バイナリ');
    // The failure keeps the strip open; the file's name is shown with its bidi control made visible.
    const row = page.getByTestId('ingest-row');
    await expect(row).toBeVisible();
    await expect(row.locator('.ingest-name')).toHaveText('メモリ⟨U+202E⟩dump.bin');
    await expect(page.getByTestId('ingest-summary')).toBeVisible();
    await page.screenshot({ path: info.outputPath(`ingest-refused-${lang}.png`) });
  });
}
