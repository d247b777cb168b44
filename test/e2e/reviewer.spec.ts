// Reviewer mode for a legal team: an evidence package made with `tracelight export --package`
// is opened in serve mode (from the command line, and from the case picker by upload). The
// verification verdict comes first; then the report, tagged evidence with its Japanese note,
// the timeline and the custody log; nothing can be edited.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { REPO_ROOT, SAMPLES, startServe, type ServeHandle } from './serve-fixture';

const SQUID = path.join(SAMPLES, 'squid_native/logscale_squid_access.log');
const NOTE = '請求書を開いた直後の通信。証拠として保全';

test.describe.configure({ timeout: 180_000 });

let work: string;
let packagePath: string;
let serve: ServeHandle | null = null;

function cli(...args: string[]): string {
  return execFileSync(process.execPath, [path.join(REPO_ROOT, 'bin/tracelight.mjs'), ...args], { cwd: work, encoding: 'utf8' });
}

test.beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'tracelight-review-e2e-'));
  cli('ingest', 'case.tlcase', SQUID, '--examiner', '山田 太郎');
  cli('tag', 'case.tlcase', '3', '--note', NOTE, '--label', 'evidence', '--examiner', '山田 太郎');
  packagePath = path.join(work, 'package.zip');
  cli('export', 'case.tlcase', '--package', packagePath, '--lang', 'ja', '--examiner', '山田 太郎');
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));
test.afterEach(async () => {
  await serve?.stop();
  serve = null;
});

async function expectReviewWorkbench(page: Page): Promise<void> {
  const verification = page.getByTestId('review-verification');
  await expect(verification).toHaveAttribute('data-ok', 'true');
  await expect(verification).toContainText('Verified: the package is intact');
  await expect(page.getByTestId('review-check')).toHaveCount(4);
  await expect(page.getByTestId('review-check').filter({ hasText: 'FAILED' })).toHaveCount(0);
  // The originals are judged in the package.
  await page.getByTestId('verify-evidence').click();
  await expect(page.getByTestId('evidence-row')).toHaveCount(1);

  // Tagged evidence, with the Japanese note and its examiner.
  await expect(page.getByTestId('review-tab-tagged')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('bookmark-note')).toContainText(NOTE);
  await expect(page.getByTestId('bookmark-note')).toContainText('山田 太郎');
  await expect(page.getByTestId('bookmark-tag')).toHaveText('evidence');
  await page.getByTestId('bookmark-open').click();
  await expect(page.getByTestId('event-detail')).toHaveAttribute('data-event-id', '3');
  await expect(page.getByTestId('event-detail')).toContainText(NOTE);

  // The timeline.
  await page.getByTestId('review-tab-timeline').click();
  const rows = page.getByTestId('timeline').getByTestId('timeline-row');
  await expect(rows.first()).toBeVisible();
  await rows.first().click();
  await expect(page.getByTestId('event-detail')).toHaveAttribute('data-event-id', /\d+/);

  // The custody log: the ingest, the tag and note, and the exports made for the package.
  await page.getByTestId('review-tab-custody').click();
  await expect(page.getByTestId('custody-status')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('custody-entry').filter({ hasText: 'note.added' })).toHaveCount(1);
  await expect(page.getByTestId('custody-entry').filter({ hasText: 'export.created' })).toHaveCount(2);

  // Nothing to edit: no intake, no tag/note form, no evidence editing, no case editing.
  for (const id of ['add-evidence', 'bookmark-save', 'tag-label', 'evidence-skew-open', 'evidence-remove', 'open-export', 'open-package-export', 'tab-case', 'new-case-submit']) {
    await expect(page.getByTestId(id), id).toHaveCount(0);
  }
  await expect(page.getByTestId('evidence-edit')).toHaveText('Details');
}

test('serve --review: verification first, then report, tagged evidence, timeline and custody log; nothing editable', async ({ page }, info) => {
  serve = await startServe(['--review', packagePath]);
  await page.goto(serve.url);
  await expect(page.getByTestId('review-workbench')).toBeVisible();
  await expectReviewWorkbench(page);
  await page.screenshot({ path: info.outputPath('reviewer.png'), fullPage: true });

  // The report downloads from the package with the page's own cookie, and never without it.
  const link = page.getByTestId('review-report');
  await expect(link).toHaveAttribute('href', 'review/report.pdf');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('report.pdf');
  const pdf = await page.request.get(`${serve.origin}/review/report.pdf`);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  const anonymous = await fetch(`${serve.origin}/review/report.pdf`);
  expect(anonymous.status).toBe(401);
  // The page's policy still forbids plugins and inline code.
  const csp = (await page.request.get(serve.origin + '/')).headers()['content-security-policy'];
  expect(csp).toContain("object-src 'none'");
});

test('Open evidence package (review)… on the case picker uploads and opens it read-only', async ({ page }) => {
  serve = await startServe();
  await page.goto(serve.url);
  await page.getByTestId('examiner-name').fill('Counsel Smith');
  await expect(page.getByTestId('open-package')).toBeVisible();
  await page.getByTestId('open-package-input').setInputFiles(packagePath);
  await expect(page.getByTestId('review-workbench')).toBeVisible({ timeout: 60_000 });
  await expectReviewWorkbench(page);
  await page.getByTestId('review-close').click();
  await expect(page.getByTestId('case-picker')).toBeVisible();
});
