// The incident story in the browser: drop a small multi-source incident (Defender CSV, Squid),
// run detection, read patient zero and the infected hosts, follow a chain step to its event,
// add an IOC file, dismiss a finding and find the review in the custody log.
import path from 'node:path';
import { expect } from '@playwright/test';
import { REPO_ROOT, test } from './serve-fixture';
import { createCase, dropFiles } from './workbench-helpers';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/e2e-incident');
const EVIDENCE = ['DeviceProcessEvents.csv', 'DeviceNetworkEvents.csv', 'squid_access.log'];
const COMMENT = '管理者が確認済み：業務上の通信';

test.describe.configure({ timeout: 120_000 });
// Tall enough that the screenshots show the summary, the graph and the findings together.
test.use({ viewport: { width: 1600, height: 2200 } });

test('run detection, follow the chain to its events, add an IOC file, dismiss a finding under custody', async ({ page, serve }, info) => {
  await createCase(page, serve.url, { name: '請求書マルウェア 2026-11', examiner: '山本 彩' });
  await dropFiles(page, EVIDENCE.map((f) => path.join(FIXTURES, f)));
  await expect(page.getByTestId('evidence-row')).toHaveCount(3, { timeout: 30_000 });

  await page.getByTestId('tab-incident').click();
  const story = page.getByTestId('story');
  await expect(story.getByTestId('story-empty')).toBeVisible();
  await story.getByTestId('run-detection').click();

  // The answers first.
  await expect(story.getByTestId('patient-zero-host')).toContainText('wks-fin-01', { timeout: 30_000 });
  await expect(story.getByTestId('patient-zero')).toContainText('sato.hanako');
  await expect(story.getByTestId('infected-host')).toHaveCount(1);
  await expect(story.getByTestId('infected-host')).toContainText('wks-fin-01');
  await expect(story.getByTestId('payload-url')).toContainText(['http://198.51.100.77/wp/x.dll']);
  await expect(story.getByTestId('c2-endpoint').filter({ hasText: '203.0.113.10:8080' })).toHaveCount(1);
  await expect(story.getByTestId('clicked-row').filter({ hasText: 'x.dll' }).first()).toContainText('wks-fin-01');
  await expect(story.getByTestId('patient-zero-lure')).toContainText('請求書_1102.doc');

  // The chain: a graph lane and a timeline for the infected host; a step opens its event.
  const graph = story.getByTestId('chain-graph');
  await expect(graph.getByTestId('chain-lane')).toHaveCount(1);
  await graph.screenshot({ path: info.outputPath('chain-graph.png') });
  const execution = graph.locator('[data-testid="chain-node"][data-stage="execution"]').first();
  await expect(execution).toBeVisible();
  await execution.click();
  const detail = page.getByTestId('event-detail');
  await expect(detail).toHaveAttribute('data-event-id', /^\d+$/);
  await expect(detail).toContainText(/powershell\.exe|rundll32\.exe|WINWORD\.EXE/i);
  // A box is a link into the grid: the timeline opens on the event; back to the incident.
  await expect(page.getByTestId('tab-timeline')).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('tab-incident').click();
  const timeline = story.getByTestId('chain-timeline');
  await expect(timeline).toHaveCount(1);
  const link = timeline.getByTestId('event-link').first();
  const eventId = await link.getAttribute('data-event-id');
  await link.click();
  await expect(detail).toHaveAttribute('data-event-id', eventId!);
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(`Event ${eventId}`);
  await page.screenshot({ path: info.outputPath('incident.png'), fullPage: true });

  // An IOC file (defanged, with a Japanese comment) uploaded from the browser.
  await story.getByTestId('ioc-file-input').setInputFiles(path.join(FIXTURES, 'c2_indicators.txt'));
  // Hits are listed in time order; the C2 address's is among them, from the dropped file.
  const c2Hit = story.getByTestId('ioc-hit').filter({ hasText: '203.0.113.10' }).first();
  await expect(c2Hit).toContainText('203.0.113.10', { timeout: 30_000 });
  await expect(c2Hit).toContainText('c2_indicators.txt');
  await story.locator('.ioc-panel summary').click();
  await expect(story.getByTestId('ioc-file')).toContainText('c2_indicators.txt');

  // Dismiss a finding with a Japanese comment; the review shows who and when, and is logged.
  const finding = story.getByTestId('finding').first();
  const findingId = await finding.getAttribute('data-finding-id');
  await finding.getByTestId('review-comment').fill(COMMENT);
  await finding.getByTestId('review-dismiss').click();
  const reviewed = story.locator(`[data-testid="finding"][data-finding-id="${findingId}"]`);
  // The review is recorded, then detection runs again: allow for a loaded machine.
  await expect(reviewed.getByTestId('review-status')).toHaveAttribute('data-verdict', 'dismissed', { timeout: 30_000 });
  await expect(story.getByTestId('run-detection')).toBeEnabled({ timeout: 30_000 });
  await expect(reviewed.getByTestId('review-status')).toContainText('山本 彩');
  await expect(reviewed.getByTestId('review-status')).toContainText(COMMENT);

  await page.getByTestId('tab-custody').click();
  await expect(page.getByTestId('custody-status')).toHaveAttribute('data-ok', 'true');
  const entry = page.locator('[data-testid="custody-entry"][data-action="finding.reviewed"]');
  await expect(entry).toHaveCount(1);
  await expect(entry.getByTestId('custody-examiner')).toHaveText('山本 彩');
  await expect(entry.getByTestId('custody-details')).toContainText(COMMENT);
  await expect(page.locator('[data-testid="custody-entry"][data-action="ioc.added"]')).toContainText('c2_indicators.txt');
  await expect(page.locator('[data-testid="custody-entry"][data-action="detection.run"]')).toHaveCount(3);
  await page.screenshot({ path: info.outputPath('custody.png'), fullPage: true });

  // Back on the tab, the last run is still there with the review.
  await page.getByTestId('tab-incident').click();
  await expect(story.locator(`[data-testid="finding"][data-finding-id="${findingId}"]`).getByTestId('review-status')).toHaveAttribute('data-verdict', 'dismissed');
});
