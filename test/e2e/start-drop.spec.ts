// Evidence dropped on the start screen opens a new case: logs ingest, indicator lists become
// IOC files (never the column mapper), and the first rows show without another click.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { REPO_ROOT, SAMPLES, test } from './serve-fixture';

const LOGS = [path.join(SAMPLES, 'squid_native/logscale_squid_access.log'), path.join(SAMPLES, 'fortigate_kv/crowdsec_fortinet-vpn-bf.log')];
const IOCS = ['iocs.txt', 'c2_feed.csv', 'stix-bundle.json', 'misp-event.json'].map((n) => path.join(REPO_ROOT, 'test/fixtures/indicators', n));

/**
 * Drops a folder the way Chromium hands one over: one item whose entry is a directory, walked
 * through the File and Directory Entries API. A page script cannot build real directory
 * entries, so the entry objects are stand-ins holding real File objects.
 */
async function dropFolder(page: Page, folder: string, files: { dir: string; path: string }[]): Promise<void> {
  const payload = files.map((f) => ({ dir: f.dir, name: path.basename(f.path), data: readFileSync(f.path).toString('base64') }));
  await page.evaluate(
    ({ folder, items }) => {
      type E = { isFile: boolean; isDirectory: boolean; name: string; file?: unknown; createReader?: unknown };
      const dirEntry = (name: string, children: E[]): E => ({
        isFile: false,
        isDirectory: true,
        name,
        createReader: () => {
          let given = false;
          return { readEntries: (ok: (e: E[]) => void) => ok(given ? [] : ((given = true), children)) };
        },
      });
      const subdirs = new Map<string, E[]>();
      const top: E[] = [];
      for (const item of items) {
        const bytes = Uint8Array.from(atob(item.data), (c) => c.charCodeAt(0));
        const file = new File([bytes], item.name);
        const entry: E = { isFile: true, isDirectory: false, name: item.name, file: (ok: (f: File) => void) => ok(file) };
        if (!item.dir) top.push(entry);
        else {
          if (!subdirs.has(item.dir)) subdirs.set(item.dir, []);
          subdirs.get(item.dir)!.push(entry);
        }
      }
      for (const [name, children] of subdirs) top.push(dirEntry(name, children));
      const root = dirEntry(folder, top);
      (DataTransferItem.prototype as unknown as { webkitGetAsEntry(): E }).webkitGetAsEntry = () => root;
      const dt = new DataTransfer();
      dt.items.add(new File([], folder));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
      }
    },
    { folder, items: payload },
  );
}

const folderFiles = () => [...LOGS.map((p) => ({ dir: 'logs', path: p })), ...IOCS.map((p) => ({ dir: '', path: p }))];

test('a dropped folder of logs and IOC files opens a new case, ingests the logs and keeps the IOC files', async ({ page, serve }, info) => {
  await page.goto(serve.url);
  await expect(page.getByTestId('case-picker')).toBeVisible();
  await page.screenshot({ path: info.outputPath('start-en.png') });
  await dropFolder(page, 'incident-2026-10', folderFiles());

  const dialog = page.getByTestId('start-case-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('start-case-files')).toContainText('6 files');
  await expect(dialog.getByTestId('start-case-name')).toHaveValue(/^Case \d{4}-\d{2}-\d{2}$/);
  await dialog.getByTestId('start-case-zone').fill('Asia/Tokyo');
  await page.screenshot({ path: info.outputPath('start-dialog-en.png') });
  await dialog.getByTestId('start-case-create').click();

  // The case opens and the logs ingest; the first rows show without another click.
  await expect(page.getByTestId('case-name')).toHaveText(/^Case \d{4}-\d{2}-\d{2}$/);
  await expect(page.getByTestId('case-timezone')).toHaveText('Asia/Tokyo');
  await expect(page.getByTestId('timeline-row').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('timeline-count')).toHaveAttribute('data-count', '14', { timeout: 15_000 });
  await expect(page.getByTestId('evidence-row')).toHaveCount(2);

  // The four indicator lists are IOC files, not evidence and not the mapper's business.
  const indicatorRows = page.locator('[data-testid="ingest-row"][data-kind="indicator"]');
  await expect(indicatorRows).toHaveCount(4);
  await expect(indicatorRows.filter({ hasText: 'c2_feed.csv' })).toContainText('2 indicators');
  await expect(page.getByTestId('mapping-dialog')).toHaveCount(0);
  await page.screenshot({ path: info.outputPath('opened-en.png') });

  await page.getByTestId('tab-incident').click();
  await page.locator('.ioc-panel > summary').click();
  await expect(page.getByTestId('ioc-file')).toHaveCount(4);
  for (const name of ['iocs.txt', 'c2_feed.csv', 'stix-bundle.json', 'misp-event.json']) {
    await expect(page.getByTestId('ioc-files')).toContainText(name);
  }
  // The custody log names each kept indicator file.
  await page.getByTestId('tab-custody').click();
  await expect(page.locator('[data-testid="custody-entry"][data-action="ioc.added"]')).toHaveCount(4);
});

test('in Japanese: a folder chosen with the folder button opens "<date> 事案", and a second one gets a unique name', async ({ page, serve }, info) => {
  const dir = info.outputPath('evidence-folder');
  mkdirSync(path.join(dir, 'logs'), { recursive: true });
  for (const f of LOGS) copyFileSync(f, path.join(dir, 'logs', path.basename(f)));
  for (const f of IOCS) copyFileSync(f, path.join(dir, path.basename(f)));

  await page.goto(serve.url);
  await page.getByTestId('lang-ja').click();
  await expect(page.getByTestId('start-open-folder')).toHaveText('フォルダーを開く…');
  await page.screenshot({ path: info.outputPath('start-ja.png') });
  await page.getByTestId('start-folder-input').setInputFiles(dir);
  const dialog = page.getByTestId('start-case-dialog');
  await expect(dialog.getByTestId('start-case-name')).toHaveValue(/^\d{4}-\d{2}-\d{2} 事案$/);
  const first = await dialog.getByTestId('start-case-name').inputValue();
  await dialog.getByTestId('start-case-zone').fill('Asia/Tokyo');
  await page.screenshot({ path: info.outputPath('start-dialog-ja.png') });
  await dialog.getByTestId('start-case-create').click();
  await expect(page.getByTestId('timeline-row').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-testid="ingest-row"][data-kind="indicator"]')).toHaveCount(4);
  await expect(page.getByTestId('tab-timeline')).toHaveText('タイムライン');

  await page.getByTestId('switch-case').click();
  await page.getByTestId('start-folder-input').setInputFiles(dir);
  await expect(page.getByTestId('start-case-name')).toHaveValue(`${first} (2)`);
});
