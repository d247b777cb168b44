// Exports from the browser (serve mode): drop a proxy log, tag an event with a Japanese note, then
// export the report, the workbook and the timeline CSV in Japanese from the Export dialog and
// download them through the /exports/ route, as an investigator would. The files are checked
// with the tools a reader has: pdftotext for the report, a spreadsheet reader for the workbook,
// plain text for the CSV.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, type Download, type Page } from '@playwright/test';
import { SAMPLES, test } from './serve-fixture';
import { createCase, dropFiles } from './workbench-helpers';

const SQUID = path.join(SAMPLES, 'squid_native/logscale_squid_access.log');
const NOTE = '請求書マクロ経由の不審な通信。上長へ報告済み';

// Ingest, a detection run and three exports in a browser; on a loaded CI machine that takes a while.
test.describe.configure({ timeout: 180_000 });

/** Clicks a download link in the dialog and saves what the browser received. */
async function download(page: Page, kind: string, dir: string): Promise<{ file: string; name: string }> {
  const link = page.getByTestId(`export-download-${kind}`);
  await expect(link).toHaveAttribute('href', /^\/exports\//);
  const [dl]: [Download, void] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const file = path.join(dir, dl.suggestedFilename());
  await dl.saveAs(file);
  return { file, name: dl.suggestedFilename() };
}

test('export PDF, XLSX and CSV in Japanese from the dialog; the downloads carry the note, the hashes and the rows', async ({ page, serve }, info) => {
  await createCase(page, serve.url, { name: '報告書 2026', examiner: '田中 一郎' });
  await expect(page.getByTestId('open-export')).toBeVisible();
  await dropFiles(page, [SQUID]);
  await expect(page.getByTestId('evidence-row')).toHaveCount(1, { timeout: 30_000 });

  const row = page.getByTestId('timeline').getByTestId('timeline-row').filter({ hasText: '2023-08-08T17:15:39.857Z' });
  await row.click();
  const detail = page.getByTestId('event-detail');
  await detail.getByTestId('tag-label').selectOption('IOC');
  await detail.getByTestId('note-text').fill(NOTE);
  await detail.getByTestId('bookmark-save').click();
  await expect(detail.getByTestId('bookmark-saved')).toHaveText('Saved');

  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  // PDF and XLSX are on by default; add the CSV.
  await expect(dialog.getByTestId('export-pdf')).toBeChecked();
  await expect(dialog.getByTestId('export-xlsx')).toBeChecked();
  await dialog.getByTestId('export-csv').check();
  await dialog.getByTestId('export-language').selectOption('ja');
  await dialog.getByTestId('export-run').click();
  await expect(dialog.getByTestId('export-file')).toHaveCount(3, { timeout: 120_000 });
  await page.screenshot({ path: info.outputPath('export-dialog.png'), fullPage: true });
  // The dialog sits inside the dark header; its buttons must not take the header's light text.
  expect(await page.getByTestId('export-run').evaluate((b) => getComputedStyle(b).color)).not.toBe(await page.locator('.app-header').evaluate((h) => getComputedStyle(h).color));

  const dir = info.outputPath('downloads');
  const pdf = await download(page, 'pdf', dir);
  const xlsx = await download(page, 'xlsx', dir);
  const csv = await download(page, 'csv', dir);
  expect(pdf.name).toMatch(/\.pdf$/);

  // The dialog's SHA-256 is the hash of the very bytes downloaded.
  for (const f of [pdf, xlsx, csv]) {
    const sha256 = createHash('sha256').update(readFileSync(f.file)).digest('hex');
    await expect(dialog.getByTestId('export-file').filter({ hasText: f.name })).toContainText(sha256);
  }

  // The report's text, as any reader extracts it: the note, the evidence hash, Japanese headings.
  const text = execFileSync('pdftotext', ['-layout', pdf.file, '-'], { encoding: 'utf8' });
  const evidenceSha256 = createHash('sha256').update(readFileSync(SQUID)).digest('hex');
  // Long hashes may wrap in a table cell; compare without whitespace.
  const compact = text.replace(/\s+/g, '');
  expect(compact).toContain(NOTE);
  expect(compact).toContain(evidenceSha256);
  expect(text).toContain('田中 一郎');
  expect(text).toMatch(/保管記録/);

  // The workbook opens in a spreadsheet reader, in Japanese, with the note on the tagged sheet.
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsx.file);
  expect(book.worksheets.map((w) => w.name)).toEqual(['概要', 'タイムライン', 'タグ付き証拠', '検知結果', 'IOC 一致', '証拠', '保管記録']);
  const tagged = book.getWorksheet('タグ付き証拠')!;
  expect(JSON.stringify(tagged.getRow(2).values)).toContain(NOTE);
  const timeline = book.getWorksheet('タイムライン')!;
  expect(timeline.getCell('B2').value).toEqual(new Date('2023-08-08T17:15:39.857Z'));

  // The CSV: UTF-8 with a BOM, the header, then the events in time order.
  const lines = readFileSync(csv.file, 'utf8').split('\r\n');
  expect(lines[0]!.startsWith('\uFEFFid,time,time_raw,time_zone,time_original,host')).toBe(true);
  expect(lines[1]).toMatch(/^\d+,2023-08-08T17:15:39\.857Z,1691514939\.857,UTC,/);
  expect(lines[1]).toContain('172.16.1.21');
  expect(lines[1]).toContain('http://clientconfig.akamai.steamstatic.com/appinfo/443030/sha/743a4cabc856d443ec7aa581c1434e504577.txt.gz');
  expect(lines[1]).toContain(',IOC,'); // the tag just added
  expect(lines[2]).toMatch(/^\d+,2023-08-08T18:47:14\.652Z,/);
  expect(lines[2]).toContain('http://phantasm.spryfox.com/t?');
  const dataLines = lines.filter((l) => l !== '').length - 1;
  expect(dataLines).toBe(readFileSync(SQUID, 'utf8').split('\n').filter((l) => l.trim() !== '').length);

  // Each export is in the custody log under the examiner.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByTestId('tab-custody').click();
  const exports = page.getByTestId('custody-entry').filter({ has: page.locator('[data-testid="custody-action"]', { hasText: 'export.created' }) });
  await expect(exports).toHaveCount(3);
  await expect(exports.first().getByTestId('custody-examiner')).toHaveText('田中 一郎');
});
