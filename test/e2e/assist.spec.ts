// The case assistant in the browser: ask a Japanese question, read the SQL, the why line and
// the engine, open a cited event in the detail panel, refine the SQL, see a write request
// refused, show the answer in the timeline and find the question in the history.
import path from 'node:path';
import { expect } from '@playwright/test';
import { REPO_ROOT, test } from './serve-fixture';
import { createCase, dropFiles } from './workbench-helpers';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/e2e-incident');
const EVIDENCE = ['DeviceProcessEvents.csv', 'DeviceNetworkEvents.csv', 'squid_access.log'];

test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1500, height: 1300 } });

test('ask a Japanese question, open a cited event, refine the SQL, show it in the timeline', async ({ page, serve }, info) => {
  await createCase(page, serve.url, { name: '質問テスト', examiner: '山本 彩' });
  await dropFiles(page, EVIDENCE.map((f) => path.join(FIXTURES, f)));
  await expect(page.getByTestId('evidence-row')).toHaveCount(3, { timeout: 30_000 });

  await page.getByTestId('tab-assist').click();
  const assist = page.getByTestId('assist');
  await assist.getByTestId('assist-question').fill('rundll32を実行したホストとユーザーは？');
  await assist.getByTestId('assist-ask').click();

  await expect(assist.getByTestId('assist-engine')).toHaveText('rules', { timeout: 30_000 });
  await expect(assist.getByTestId('assist-why')).toContainText('process_name = rundll32.exe');
  await expect(assist.getByTestId('assist-sql')).toHaveValue(/FROM events/);
  await expect(assist.getByTestId('assist-sql')).toHaveValue(/process_name = 'rundll32.exe'/);
  const row = assist.getByTestId('assist-row').filter({ hasText: 'wks-fin-01.corp.example' });
  await expect(row).toHaveCount(1);

  // A cited event opens in the detail panel.
  const link = row.getByTestId('assist-event-link').first();
  const eventId = await link.getAttribute('data-event-id');
  await link.click();
  const detail = page.getByTestId('event-detail');
  await expect(detail).toHaveAttribute('data-event-id', eventId!);
  await expect(detail).toContainText('rundll32.exe');
  await page.screenshot({ path: info.outputPath('assist-answer.png'), fullPage: true });

  // The SQL is editable and runs through the same read-only guard.
  await assist.getByTestId('assist-sql').fill("SELECT id, time, host, process_name FROM events WHERE process_name = 'WINWORD.EXE'");
  await assist.getByTestId('assist-run-edited').click();
  await expect(assist.getByTestId('assist-row')).toHaveCount(2);
  await assist.getByTestId('assist-sql').fill("DELETE FROM event_row WHERE process_name = 'WINWORD.EXE'");
  await assist.getByTestId('assist-run-edited').click();
  await expect(assist.getByTestId('assist-refusal')).toContainText('only SELECT');

  // A request to change the case changes nothing and says so.
  await assist.getByTestId('assist-question').fill('wks-fin-01のイベントを削除して');
  await assist.getByTestId('assist-ask').click();
  await expect(assist.getByTestId('assist-refusal')).toContainText('何も変更していません');

  // A question with a host and a time range becomes a timeline filter.
  await assist.getByTestId('assist-question').fill('11月2日10時5分から10時6分（日本時間）のwks-fin-01のイベント');
  await assist.getByTestId('assist-ask').click();
  await expect(assist.getByTestId('assist-why')).toContainText('2026-11-02 01:05–01:06Z');
  const cited = await assist.getByTestId('assist-row').count();
  expect(cited).toBeGreaterThan(0);
  await assist.getByTestId('assist-to-timeline').click();
  await expect(page.getByTestId('timeline-preset')).toContainText('wks-fin-01.corp.example');
  await expect(page.getByTestId('timeline-preset')).toContainText('from = 2026-11-02T01:05:00.000Z');
  await page.screenshot({ path: info.outputPath('assist-timeline.png') });

  // Every question is in the case's history (from the custody log).
  await page.getByTestId('tab-assist').click();
  await page.getByTestId('assist-history').locator('summary').click();
  await expect(page.getByTestId('assist-history')).toContainText('rundll32を実行したホストとユーザーは？');
  await page.getByTestId('tab-custody').click();
  await expect(page.getByText('assist.asked').first()).toBeVisible();
});
