// The query bar in the browser, in Japanese: field terms, OR, bare words (Japanese too), chips
// switched off / inverted / edited, filter in/out from a cell, parse errors with their column,
// history, saved searches kept in the case, and the grid's row count for screen readers.
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { REPO_ROOT, test } from './serve-fixture';
import { createCase, dropFiles } from './workbench-helpers';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/e2e-incident');
const EVIDENCE = ['DeviceProcessEvents.csv', 'DeviceNetworkEvents.csv', 'squid_access.log'];

test.describe.configure({ timeout: 120_000 });

async function japanese(page: Page): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('tracelight.lang', 'ja'));
}

async function search(page: Page, text: string): Promise<void> {
  await page.getByTestId('query-input').fill(text);
  await page.getByTestId('query-input').press('Enter');
}

async function expectCount(page: Page, n: number): Promise<void> {
  await expect(page.getByTestId('timeline-count')).toHaveAttribute('data-count', String(n));
  // Screen readers (and this test) learn the result's size from the grid, header row included.
  await expect(page.getByTestId('timeline')).toHaveAttribute('aria-rowcount', String(n + 1));
}

test('search in Japanese: field terms, OR, chips, cell filter, errors, history, saved searches', async ({ page, serve }, info) => {
  await japanese(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await createCase(page, serve.url, { name: '請求書マルウェア 検索', examiner: '山本 彩' });
  await dropFiles(page, EVIDENCE.map((f) => path.join(FIXTURES, f)));
  await expect(page.getByTestId('evidence-row')).toHaveCount(3, { timeout: 30_000 });
  await expectCount(page, 27);
  await expect(page.getByTestId('query-input')).toHaveAttribute('placeholder', /検索/);

  // A field term, case-insensitive: one chip, 20 of 27 events.
  await search(page, 'host:WKS-FIN-01.corp.example');
  await expect(page.getByTestId('query-chip')).toHaveCount(1);
  await expectCount(page, 20);

  // OR inside parentheses ANDed with it; then the same words as a bare-word pair.
  await search(page, '(rundll32 OR regsvr32)');
  await expect(page.getByTestId('query-chip')).toHaveCount(2);
  await expectCount(page, 14);
  const rows = page.getByTestId('timeline').getByTestId('timeline-row');
  await expect(rows.first()).toContainText('wks-fin-01');

  // Invert the second chip: the host's events that do not mention either.
  const second = page.getByTestId('query-chip').nth(1);
  await second.getByTestId('query-chip-invert').click();
  await expect(second).toHaveAttribute('data-negated', 'true');
  await expectCount(page, 6);
  // Switch it off: only the host term is left in force.
  await second.getByTestId('query-chip-toggle').click();
  await expectCount(page, 20);
  await page.screenshot({ path: info.outputPath('search-chips-1366.png') });

  // Edit it into a Japanese bare word (found inside the Word command line).
  await second.getByTestId('query-chip-toggle').click();
  await second.getByTestId('query-chip-text').click();
  await page.getByTestId('query-chip-edit').fill('請求書');
  await page.getByTestId('query-chip-edit').press('Enter');
  await expect(page.getByTestId('query-chip').nth(1)).toContainText('請求書');
  // Still inverted: the host's events without 請求書.
  await expectCount(page, 18);
  await page.getByTestId('query-chip').nth(1).getByTestId('query-chip-invert').click();
  await expectCount(page, 2);

  // A mistake: the reason in Japanese, with the column marked.
  await search(page, 'dst_port:[1 TO');
  const error = page.getByTestId('query-error');
  await expect(error).toContainText('15 文字目: 検索式が途中で終わっています');
  await expect(page.getByTestId('query-input')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('query-chip')).toHaveCount(2);
  await page.screenshot({ path: info.outputPath('search-error-1366.png') });
  await page.getByTestId('query-input').fill('');

  // History: every change was a step; back through them to the host term alone, forward again.
  await page.getByTestId('search-back').click();
  await expectCount(page, 18);
  for (let i = 0; i < 5; i++) await page.getByTestId('search-back').click();
  await expect(page.getByTestId('query-chip')).toHaveCount(1);
  await expectCount(page, 20);
  await page.getByTestId('search-forward').click();
  await expect(page.getByTestId('query-chip')).toHaveCount(2);

  // Filter out from a cell's menu: right-click a process name of rundll32.exe.
  await page.getByTestId('query-clear').click();
  await search(page, 'host:WKS-FIN-01.corp.example');
  await expectCount(page, 20);
  const cell = rows.filter({ hasText: '203.0.113.10' }).first().locator('.tl-col-process_name');
  await cell.click({ button: 'right' });
  await expect(page.getByTestId('cell-menu')).toContainText('rundll32.exe');
  await page.getByTestId('cell-filter-out').click();
  await expect(page.getByTestId('query-chip').nth(1)).toHaveAttribute('data-negated', 'true');
  await expect(page.getByTestId('query-chip').nth(1)).toContainText('process_name:"rundll32.exe"');
  await expectCount(page, 7);
  // And in again from the menu of a destination: the NOT chip gives way.
  await search(page, '-dst_port:3128');
  await expectCount(page, 6);

  // Save the search in the case; it survives a reload (it is a custody entry).
  await page.getByTestId('save-search').click();
  await page.getByTestId('save-search-name').fill('感染端末の rundll32 以外');
  await page.getByTestId('save-search-confirm').click();
  await expect(page.getByTestId('saved-search')).toHaveCount(1);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: info.outputPath('search-saved-1920.png') });
  await page.reload();
  await expect(page.getByTestId('saved-search')).toHaveCount(1);
  await expectCount(page, 27);
  await page.getByRole('button', { name: '保存した検索「感染端末の rundll32 以外」を実行' }).click();
  await expect(page.getByTestId('query-chip')).toHaveCount(3);
  await expectCount(page, 6);
  await page.getByTestId('tab-custody').click();
  await expect(page.getByText('search.saved').first()).toBeVisible();
});

test('jump to a time and to the last row; sort by a column', async ({ page, serve }, info) => {
  await japanese(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await createCase(page, serve.url, { name: '時刻ジャンプ' });
  await dropFiles(page, EVIDENCE.map((f) => path.join(FIXTURES, f)));
  await expect(page.getByTestId('evidence-row')).toHaveCount(3, { timeout: 30_000 });
  await expectCount(page, 27);
  const grid = page.getByTestId('timeline');
  const rows = grid.getByTestId('timeline-row');
  await expect(rows.first()).toContainText('2026-11-02T01:04');

  // Sort by host, then descending: the keyset follows (host, id).
  await page.getByTestId('sort-host').click();
  await expect(rows.first().locator('.tl-col-host')).toHaveText('adm-ws-03.corp.example');
  await page.getByTestId('sort-host').click();
  await expect(rows.first().locator('.tl-col-host')).toHaveText('wks-hr-02.corp.example');
  await page.getByTestId('sort-time').click();
  await expect(rows.first()).toContainText('2026-11-02T01:04');

  // Go to a time: the grid scrolls to the first event at or after it (row 22 of 27, the
  // header being row 1, so aria-rowindex 23) and the first rows leave the view.
  await page.getByTestId('jump-time').fill('2026-11-02T02:10');
  await page.getByTestId('jump-time-go').click();
  const at = grid.locator('[aria-rowindex="23"]');
  await expect(at).toContainText('2026-11-02T02:10:00.000Z');
  await expect(at).toBeInViewport();
  await expect(grid.locator('[aria-rowindex="2"]')).not.toBeInViewport();
  await page.screenshot({ path: info.outputPath('search-jump-time-1366.png') });

  // The last row by keyboard (End): its aria-rowindex is the count plus the header.
  await grid.press('Home');
  await grid.focus();
  await grid.press('End');
  await expect(grid.locator('[aria-rowindex="28"]')).toBeVisible();
  await page.screenshot({ path: info.outputPath('search-last-row-1366.png') });
});
