// Texts the engine writes reach a Japanese UI in Japanese: an ingest refusal (its code rendered
// from the dictionary) with the file's own name kept as written; the English UI shows the
// engine's English.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import yazl from 'yazl';
import { SAMPLES, test } from './serve-fixture';
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

test('a zip with a skipped entry: the note on its row reads in Japanese, the names as written', async ({ page, serve }, info) => {
  await useLanguage(page, 'ja');
  await createCase(page, serve.url, { name: 'ZIP 日本語', timezone: 'Asia/Tokyo' });
  const zip = new yazl.ZipFile();
  zip.addBuffer(readFileSync(path.join(SAMPLES, 'squid_native/logscale_squid_access.log')), 'proxy/access.log');
  zip.addBuffer(Buffer.from([0, 1, 2, 0, 0, 7]), '画像.bin');
  zip.addBuffer(Buffer.alloc(0), 'empty.log');
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  await dropFiles(page, [{ name: 'export.zip', data: Buffer.concat(chunks) }]);
  const note = page.getByTestId('ingest-error');
  await expect(note).toContainText('3 件中 1 件のエントリーを取り込み', { timeout: 30_000 });
  await expect(note).toContainText('画像.bin: スキップ(バイナリファイルです(テキストのログではありません))');
  await expect(note).toContainText('empty.log: スキップ(空)');
  // The note keeps the strip open (it does not rest like a clean finish).
  await page.waitForTimeout(9000);
  await expect(note).toBeVisible();
  await page.screenshot({ path: info.outputPath('zip-note-ja.png') });
});
