// Chain of custody in the browser: tag an event with a Japanese note, then find it in the
// bookmarks and in the custody log under the examiner who wrote it.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect } from '@playwright/test';
import { REPO_ROOT, SAMPLES, startServe, test } from './serve-fixture';
import { createCase, dropFiles } from './workbench-helpers';

const SQUID = path.join(SAMPLES, 'squid_native/logscale_squid_access.log');
const NOTE = '請求書マクロ経由の不審な通信。上長へ報告済み';

// Each test ingests through the CLI and a browser; on a loaded CI machine that takes a while.
test.describe.configure({ timeout: 120_000 });

test('tag an event with a Japanese note; it shows in the bookmarks and in the custody log', async ({ page, serve }, info) => {
  await createCase(page, serve.url, { name: '証拠保全 2026', examiner: '田中 一郎' });
  // Acquisition details and the registry live in the Evidence view.
  await page.getByTestId('tab-evidence').click();
  await page.getByTestId('acquisition-form').locator('summary').click();
  await page.getByTestId('acquisition-provided_by').fill('情報システム部 佐藤');
  await page.getByTestId('acquisition-source_host').fill('proxy01');
  await dropFiles(page, [SQUID]);
  await expect(page.getByTestId('evidence-row')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId('evidence-exhibit')).toHaveText('EX-001');
  await expect(page.getByTestId('evidence-row')).toContainText('情報システム部 佐藤');

  // The registry stays editable, with history.
  await page.getByTestId('evidence-edit').click();
  const dialog = page.getByTestId('evidence-edit-dialog');
  await dialog.getByTestId('evidence-field-exhibit').fill('EX-101');
  await dialog.getByTestId('evidence-edit-save').click();
  await expect(dialog.getByTestId('evidence-history')).toContainText('exhibit “EX-001” → “EX-101”');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('evidence-exhibit')).toHaveText('EX-101');

  await page.getByTestId('tab-timeline').click();
  const row = page.getByTestId('timeline').getByTestId('timeline-row').filter({ hasText: '2023-08-08T17:15:39.857Z' });
  await row.click();
  const detail = page.getByTestId('event-detail');
  await detail.getByTestId('tag-label').selectOption('IOC');
  await detail.getByTestId('note-text').fill(NOTE);
  await detail.getByTestId('bookmark-save').click();
  await expect(detail.getByTestId('bookmark-saved')).toHaveText('Saved');
  await expect(detail.getByTestId('event-tag')).toContainText('IOC');
  await expect(detail.getByTestId('event-note')).toContainText(NOTE);

  await page.getByTestId('tab-bookmarks').click();
  const mark = page.getByTestId('bookmark-row');
  await expect(mark).toHaveCount(1);
  await expect(mark.getByTestId('bookmark-note')).toContainText(NOTE);
  await expect(mark.getByTestId('bookmark-tag')).toHaveText('IOC');
  await page.getByTestId('bookmarks-search').fill('上長へ報告');
  await expect(page.getByTestId('bookmark-row')).toHaveCount(1);
  await page.getByTestId('bookmarks-search').fill('該当なし');
  await expect(page.getByTestId('bookmark-row')).toHaveCount(0);
  await page.screenshot({ path: info.outputPath('bookmarks.png'), fullPage: true });

  await page.getByTestId('tab-custody').click();
  await expect(page.getByTestId('custody-status')).toHaveAttribute('data-ok', 'true');
  const noteEntry = page.getByTestId('custody-entry').filter({ has: page.locator('[data-testid="custody-action"]', { hasText: 'note.added' }) });
  await expect(noteEntry).toHaveCount(1);
  await expect(noteEntry.getByTestId('custody-examiner')).toHaveText('田中 一郎');
  await expect(noteEntry.getByTestId('custody-details')).toContainText(NOTE);
  const tagEntry = page.getByTestId('custody-entry').filter({ has: page.locator('[data-testid="custody-action"]', { hasText: 'tag.added' }) });
  await expect(tagEntry.getByTestId('custody-examiner')).toHaveText('田中 一郎');
  await page.screenshot({ path: info.outputPath('custody.png'), fullPage: true });

  // Verification from the UI (the Evidence view): the upload copy is intact.
  await page.getByTestId('tab-evidence').click();
  await page.getByTestId('verify-evidence').click();
  await expect(page.getByTestId('verify-row')).toHaveAttribute('data-status', 'intact');

  // The CLI sees the same log (read-only: serve holds the lock).
  const casePath = path.join(serve.workspace, '証拠保全 2026.tlcase');
  const out = JSON.parse(execFileSync(process.execPath, [path.join(REPO_ROOT, 'bin/tracelight.mjs'), 'custody', casePath, '--json'], { encoding: 'utf8' }));
  expect(out.chain.ok).toBe(true);
  expect(out.entries.find((e: { action: string }) => e.action === 'note.added').details.text).toBe(NOTE);
});

test('a broken custody chain is shown in a red banner that cannot be closed', async ({ page, serve }) => {
  const casePath = path.join(serve.workspace, 'tampered.tlcase');
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'bin/tracelight.mjs'), 'ingest', casePath, SQUID, '--examiner', 'A']);
  execFileSync('sqlite3', [casePath, "UPDATE custody_log SET examiner = 'someone else' WHERE id=1"]);
  await page.goto(serve.url);
  await page.getByTestId('case-entry').filter({ hasText: 'tampered' }).getByTestId('case-open').click();
  const banner = page.getByTestId('custody-broken-banner');
  await expect(banner).toContainText('Custody log broken at entry 1');
  await expect(banner.getByRole('button')).toHaveCount(0);
  await page.getByTestId('tab-custody').click();
  await expect(page.getByTestId('custody-status')).toHaveAttribute('data-ok', 'false');
});

test('a case already open in another Tracelight opens read-only and says by whom', async ({ page, serve }) => {
  const casePath = path.join(serve.workspace, 'shared.tlcase');
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'bin/tracelight.mjs'), 'ingest', casePath, SQUID, '--examiner', 'A']);
  const holder = await startServe(['--case', casePath, '--examiner', '最初の担当者']);
  try {
    await page.goto(serve.url);
    await page.getByTestId('examiner-name').fill('二人目');
    await page.getByTestId('case-entry').filter({ hasText: 'shared' }).getByTestId('case-open').click();
    await expect(page.getByTestId('read-only-banner')).toContainText('Read-only: opened by 最初の担当者 on');
    // The grid's count and the histogram above it have loaded: the rows no longer move.
    await expect(page.getByTestId('timeline-count')).toHaveAttribute('data-count', '5');
    await expect(page.getByTestId('histogram')).toHaveAttribute('data-total', '5');
    await page.getByTestId('timeline').getByTestId('timeline-row').first().click();
    await expect(page.getByTestId('event-bookmarks')).toBeVisible();
    await expect(page.getByTestId('bookmark-save')).toHaveCount(0);
  } finally {
    await holder.stop();
  }
});
