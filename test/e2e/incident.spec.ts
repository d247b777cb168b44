// Running the incident in the browser: two cases in the workspace (built with the CLI), open
// one, set its phase and severity with reasons and tick a task in the incident dialog, see them
// on the case header and in the case list's columns, then run the monthly report and a
// retro-hunt from the case list.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { REPO_ROOT, test } from './serve-fixture';

const CLI = path.join(REPO_ROOT, 'bin/tracelight.mjs');
const E2E = path.join(REPO_ROOT, 'test/fixtures/e2e-incident');
const SCENARIO_A = path.join(REPO_ROOT, 'test/fixtures/incidents/scenario-a');

function ingest(casePath: string, files: string[], extra: string[] = []): void {
  const r = spawnSync(process.execPath, [CLI, 'ingest', casePath, ...files, ...extra], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

test.describe.configure({ timeout: 180_000 });
test.use({ viewport: { width: 1440, height: 1100 } });

test('set phase and severity in the workspace, then run the monthly report and a retro-hunt from the case list', async ({ page, serve }, info) => {
  const nov = path.join(serve.workspace, '請求書マルウェア 2026-11.tlcase');
  ingest(nov, readdirSync(E2E).filter((f) => /\.(csv|log)$/.test(f)).map((f) => path.join(E2E, f)));
  const oct = path.join(serve.workspace, 'acme 2026-10.tlcase');
  ingest(oct, readdirSync(SCENARIO_A).filter((f) => /^Device.*\.csv$|^squid/.test(f)).map((f) => path.join(SCENARIO_A, f)));

  await page.goto(serve.url);
  await page.getByTestId('examiner-name').fill('山本 彩');
  const row = page.getByTestId('case-entry').filter({ hasText: '請求書マルウェア' });
  await expect(row.getByTestId('case-phase')).toHaveAttribute('data-phase', 'detection');
  await expect(row.getByTestId('case-severity')).toHaveAttribute('data-severity', '');
  await row.getByTestId('case-open').click();
  await expect(page.getByTestId('case-name')).toContainText('請求書マルウェア');

  // The header proposes a level from the evidence until the examiner sets one.
  const header = page.getByTestId('incident-header');
  await expect(header.getByTestId('incident-phase')).toHaveAttribute('data-phase', 'detection', { timeout: 30_000 });
  await expect(header.getByTestId('incident-severity')).toHaveAttribute('data-severity', '');
  await header.getByTestId('incident-open').click();
  const dialog = page.getByTestId('incident-dialog');
  await expect(dialog.getByTestId('incident-proposal')).toHaveAttribute('data-level', 'high', { timeout: 30_000 });
  await expect(dialog.getByTestId('incident-proposal')).toContainText('203.0.113.10');

  await dialog.getByTestId('incident-phase-select').selectOption('containment');
  await dialog.getByTestId('incident-reason').fill('感染端末をEDRで隔離した');
  await dialog.getByTestId('incident-phase-save').click();
  await expect(dialog.getByTestId('incident-history-entry')).toHaveCount(1);
  await dialog.getByTestId('incident-severity-select').selectOption('critical');
  await dialog.getByTestId('incident-reason').fill('経理部の端末、取引先への送金情報');
  await dialog.getByTestId('incident-severity-save').click();
  await expect(dialog.getByTestId('incident-history-entry')).toHaveCount(2);
  await expect(dialog.getByTestId('incident-history-entry').nth(1)).toContainText('山本 彩');
  const task = dialog.locator('[data-testid="incident-task"][data-task="isolate-hosts"]');
  await task.locator('input').click();
  await expect(task).toHaveAttribute('data-done', 'true');
  await expect(task).toContainText('山本 彩');
  await dialog.screenshot({ path: info.outputPath('incident-dialog.png') });
  await dialog.getByTestId('incident-close').click();

  await expect(header.getByTestId('incident-phase')).toHaveAttribute('data-phase', 'containment');
  await expect(header.getByTestId('incident-severity')).toHaveAttribute('data-severity', 'critical');
  await expect(header.getByTestId('incident-tasks')).toHaveText(/^Tasks 1\/\d+$/);
  await page.screenshot({ path: info.outputPath('case-header.png') });

  // The custody log shows the changes.
  await page.getByTestId('switch-case').click();
  await expect(row.getByTestId('case-phase')).toHaveAttribute('data-phase', 'containment', { timeout: 30_000 });
  await expect(row.getByTestId('case-severity')).toHaveAttribute('data-severity', 'critical');

  // The monthly report from the case list: only November's case counts.
  const monthly = page.getByTestId('monthly-report');
  await monthly.getByTestId('monthly-month').fill('2026-11');
  await monthly.getByTestId('monthly-lang').selectOption('ja');
  await monthly.getByTestId('monthly-run').click();
  const result = monthly.getByTestId('monthly-result');
  await expect(result).toHaveAttribute('data-cases', '1', { timeout: 60_000 });
  await expect(result.getByTestId('monthly-case')).toHaveCount(1);
  await expect(result.getByTestId('monthly-case')).toContainText('請求書マルウェア');
  await expect(result.getByTestId('monthly-case')).toContainText('Containment');
  await expect(result.getByTestId('monthly-download')).toHaveCount(2);
  const download = page.waitForEvent('download');
  await result.getByTestId('monthly-download').first().click();
  expect((await download).suggestedFilename()).toBe('tracelight-monthly-2026-11-ja.pdf');

  // A retro-hunt from the case list: the C2 address, pasted defanged.
  const hunt = page.getByTestId('retro-hunt');
  await hunt.getByTestId('hunt-input').fill('203.0.113[.]10\n');
  await hunt.getByTestId('hunt-run').click();
  await expect(hunt.getByTestId('hunt-result')).toBeVisible({ timeout: 60_000 });
  await expect(hunt.getByTestId('hunt-hit').first()).toContainText('203.0.113.10');
  await expect(hunt.getByTestId('hunt-hit').filter({ hasText: 'acme 2026-10' })).toHaveCount(0);
  await page.screenshot({ path: info.outputPath('case-list-reports.png'), fullPage: true });
});

test.describe('in Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('the incident dialog and the case header read in Japanese', async ({ page, serve }, info) => {
    const c = path.join(serve.workspace, '請求書マルウェア.tlcase');
    ingest(c, readdirSync(E2E).filter((f) => /\.(csv|log)$/.test(f)).map((f) => path.join(E2E, f)));
    await page.goto(serve.url);
    await page.getByTestId('case-entry').getByTestId('case-open').click();
    const header = page.getByTestId('incident-header');
    await expect(header.getByTestId('incident-phase')).toHaveText('検知', { timeout: 30_000 });
    await expect(header.getByTestId('incident-severity')).toHaveText('証拠からの推奨: 高');
    await header.getByTestId('incident-open').click();
    const dialog = page.getByTestId('incident-dialog');
    await expect(dialog.getByTestId('incident-proposal')).toContainText('C2通信あり: 1件', { timeout: 30_000 });
    await expect(dialog.getByTestId('incident-escalation')).toContainText('CSIRT責任者');
    await dialog.getByTestId('incident-phase-select').selectOption('analysis');
    await dialog.getByTestId('incident-reason').fill('初動調査を開始');
    await dialog.getByTestId('incident-phase-save').click();
    await expect(dialog.getByTestId('incident-history-entry')).toContainText('検知 → 分析');
    await expect(dialog.locator('[data-task="isolate-hosts"]')).toContainText('感染端末をネットワークから隔離する');
    await dialog.screenshot({ path: info.outputPath('incident-dialog-ja.png') });
    await dialog.getByTestId('incident-close').click();
    await expect(header.getByTestId('incident-phase')).toHaveText('分析');
  });
});
