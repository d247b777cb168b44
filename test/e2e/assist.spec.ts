// The case assistant in the browser: ask a Japanese question, read the SQL, the why line and
// the engine, open a cited event (its detail, its process tree, the pivot menu), refine the
// SQL, see a write request refused, open the answer in the timeline (the answer's own query
// as chips, the same number of events the answer counted), ask detection's conclusions, and
// find the question in the history. Screenshots at 1366 px, Japanese UI and English UI.
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { REPO_ROOT, test } from './serve-fixture';
import { createCase, dropFiles } from './workbench-helpers';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/e2e-incident');
const EVIDENCE = ['DeviceProcessEvents.csv', 'DeviceNetworkEvents.csv', 'squid_access.log'];

test.describe.configure({ timeout: 180_000 });
test.use({ viewport: { width: 1366, height: 1000 } });

async function ask(assist: Locator, question: string): Promise<void> {
  await assist.getByTestId('assist-question').fill(question);
  await assist.getByTestId('assist-ask').click();
}

/** The events the answer counted: the sum of its `events` column (or its row count). */
async function answerCount(assist: Locator): Promise<number> {
  const headers = await assist.locator('.assist-rows thead th').allTextContents();
  const col = headers.indexOf('events');
  const rows = assist.getByTestId('assist-row');
  if (col < 0) return rows.count();
  const cells = await rows.evaluateAll((trs, c) => trs.map((tr) => tr.children[c]?.textContent ?? '0'), col);
  return cells.reduce((n, v) => n + Number(v), 0);
}

async function openCase(page: Page, url: string, lang: 'ja' | 'en'): Promise<void> {
  await createCase(page, url, { name: '質問テスト', examiner: '山本 彩' });
  await page.getByTestId(`lang-${lang}`).click();
  await dropFiles(page, EVIDENCE.map((f) => path.join(FIXTURES, f)));
  await expect(page.getByTestId('evidence-row')).toHaveCount(3, { timeout: 30_000 });
}

test('Japanese: ask, open a cited event and its process tree, pivot, open the answer in the timeline', async ({ page, serve }, info) => {
  await openCase(page, serve.url, 'ja');
  await page.getByTestId('tab-assist').click();
  const assist = page.getByTestId('assist');
  await ask(assist, 'rundll32を実行したホストとユーザーは？');

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

  // The same row, a process event, opens its process tree in the side panel.
  await row.getByTestId('assist-open-tree').click();
  const tree = page.getByTestId('process-tree');
  await expect(tree).toBeVisible();
  await expect(tree.locator('[data-testid="ptree-node"][data-focus="true"]')).toHaveAttribute('data-name', /rundll32\.exe/i);
  await page.screenshot({ path: info.outputPath('assist-ja-tree.png') });

  // And offers the workspace's pivot menu for its event.
  await row.getByTestId('assist-pivot').click();
  const menu = page.getByTestId('pivot-menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByTestId('pivot-options')).toBeVisible();
  await page.screenshot({ path: info.outputPath('assist-ja-pivot.png') });
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);

  // The answer opens in the timeline as its own query, as chips, with the events it counted.
  const counted = await answerCount(assist);
  expect(counted).toBeGreaterThan(0);
  await expect(assist.getByTestId('assist-timeline-query')).toContainText('process_name:"rundll32.exe"');
  await assist.getByTestId('assist-to-timeline').click();
  const chips = page.getByTestId('query-chip');
  await expect(chips.filter({ hasText: 'process_name:"rundll32.exe"' })).toHaveCount(1);
  await expect(chips.filter({ hasText: 'category:"process"' })).toHaveCount(1);
  await expect(page.getByTestId('timeline-count')).toHaveAttribute('data-count', String(counted));
  await expect(page.getByTestId('timeline-row')).toHaveCount(counted);
  await page.screenshot({ path: info.outputPath('assist-ja-timeline.png') });

  // A time range and a host: the answer's count is the timeline's count.
  await page.getByTestId('tab-assist').click();
  await ask(assist, '11月2日10時5分から10時6分（日本時間）のwks-fin-01のイベントは何件');
  await expect(assist.getByTestId('assist-why')).toContainText('2026-11-02 01:05–01:06Z');
  const events = Number(await assist.getByTestId('assist-row').first().locator('td').first().textContent());
  expect(events).toBeGreaterThan(0);
  await assist.getByTestId('assist-to-timeline').click();
  await expect(page.getByTestId('query-chip').filter({ hasText: 'host:"wks-fin-01.corp.example"' })).toHaveCount(1);
  await expect(page.getByTestId('query-chip').filter({ hasText: 'time:[2026-11-02T01:05:00.000Z TO 2026-11-02T01:06:00.000Z}' })).toHaveCount(1);
  await expect(page.getByTestId('timeline-count')).toHaveAttribute('data-count', String(events));

  // Detection's conclusions: answered from the detection tables, SQL shown; not a timeline query.
  await page.getByTestId('tab-assist').click();
  await ask(assist, '感染端末は？');
  await expect(assist.getByTestId('assist-sql')).toHaveValue(/FROM detection_host/);
  await expect(assist.getByTestId('assist-row').filter({ hasText: 'wks-fin-01.corp.example' })).toHaveCount(1);
  await expect(assist.getByTestId('assist-timeline-reason')).toContainText('検知結果からの回答');
  await expect(assist.getByTestId('assist-to-timeline')).toHaveCount(0);
  await page.screenshot({ path: info.outputPath('assist-ja-detection.png'), fullPage: true });

  // The SQL is editable and runs through the same read-only guard.
  await assist.getByTestId('assist-sql').fill("SELECT id, time, host, process_name FROM events WHERE process_name = 'WINWORD.EXE'");
  await assist.getByTestId('assist-run-edited').click();
  await expect(assist.getByTestId('assist-row')).toHaveCount(2);
  await assist.getByTestId('assist-sql').fill("DELETE FROM event_row WHERE process_name = 'WINWORD.EXE'");
  await assist.getByTestId('assist-run-edited').click();
  await expect(assist.getByTestId('assist-refusal')).toContainText('only SELECT');

  // A request to change the case changes nothing and says so.
  await ask(assist, 'wks-fin-01のイベントを削除して');
  await expect(assist.getByTestId('assist-refusal')).toContainText('何も変更していません');

  // Every question is in the case's history (from the custody log).
  await page.getByTestId('assist-history').locator('summary').click();
  await expect(page.getByTestId('assist-history')).toContainText('rundll32を実行したホストとユーザーは？');
  await page.getByTestId('tab-custody').click();
  await expect(page.getByText('assist.asked').first()).toBeVisible();
});

test('English: a ranked answer opens as only the groups it lists; patient zero from detection', async ({ page, serve }, info) => {
  await openCase(page, serve.url, 'en');
  await page.getByTestId('tab-assist').click();
  const assist = page.getByTestId('assist');
  await ask(assist, 'top 2 domains');
  await expect(assist.getByTestId('assist-row')).toHaveCount(2, { timeout: 30_000 });
  const counted = await answerCount(assist);
  await expect(assist.getByTestId('assist-timeline-query')).toContainText(/\(domain:"[^"]+" OR domain:"[^"]+"\)/);
  await page.screenshot({ path: info.outputPath('assist-en-answer.png') });
  await assist.getByTestId('assist-to-timeline').click();
  await expect(page.getByTestId('timeline-count')).toHaveAttribute('data-count', String(counted));
  await page.screenshot({ path: info.outputPath('assist-en-timeline.png') });

  await page.getByTestId('tab-assist').click();
  await ask(assist, 'patient zero?');
  await expect(assist.getByTestId('assist-sql')).toHaveValue(/FROM detection_patient_zero/);
  await expect(assist.getByTestId('assist-row')).toHaveCount(1);
  await expect(assist.getByTestId('assist-row')).toContainText('wks-fin-01.corp.example');
  await expect(assist.getByTestId('assist-timeline-reason')).toContainText('detection results');
  await page.screenshot({ path: info.outputPath('assist-en-detection.png'), fullPage: true });
});
