// Stars, threaded comments and bulk tags in the browser, each in the custody log.
import { expect } from '@playwright/test';
import { test } from './serve-fixture';
import { openIncidentCase, rowWith, shootWidths, useLanguage } from './investigate-helpers';

test.describe.configure({ timeout: 120_000 });

test('star, reply to a comment, bulk tag the current query and a row range; all in the custody log', async ({ page, serve }, info) => {
  await useLanguage(page, 'ja');
  await page.setViewportSize({ width: 1366, height: 768 });
  await openIncidentCase(page, serve.url, '注釈テスト');

  await rowWith(page, '01:05:40').click();
  const detail = page.getByTestId('event-detail');
  const star = detail.getByTestId('star-button');
  await expect(star).toHaveAttribute('aria-pressed', 'false');
  await star.click();
  await expect(star).toHaveAttribute('aria-pressed', 'true');
  await expect(detail.getByTestId('event-tag')).toHaveText(['starred×']);

  // A comment, a reply to it, a reply to the reply.
  await detail.getByTestId('note-text').fill('C2 への定期通信（5 分間隔）');
  await detail.getByTestId('bookmark-save').click();
  await expect(detail.getByTestId('comment')).toHaveCount(1);
  await detail.getByTestId('comment-reply').click();
  await detail.getByTestId('reply-text').fill('wks-hr-02 でも同じ宛先を確認中');
  await detail.getByTestId('reply-send').click();
  await expect(detail.locator('.thread.replies [data-testid="comment"]')).toHaveCount(1);
  await detail.locator('.thread.replies [data-testid="comment-reply"]').click();
  await detail.getByTestId('reply-text').fill('確認済み：該当なし');
  await detail.getByTestId('reply-send').click();
  await expect(detail.locator('.thread.replies .thread.replies [data-testid="comment"]')).toContainText('確認済み：該当なし');
  await shootWidths(page, info, 'annotations-ja');
  await page.setViewportSize({ width: 1366, height: 768 });

  // Bulk: the rows of a query (the C2 address), then rows 1-3 by number.
  await page.getByTestId('query-input').fill('203.0.113.10');
  await page.getByTestId('query-input').press('Enter');
  await expect(page.getByTestId('timeline-count')).toHaveAttribute('data-count', '12');
  const bulk = page.getByTestId('bulk-tag');
  await bulk.locator('summary').click();
  await bulk.getByTestId('bulk-label').fill('evidence');
  await bulk.getByTestId('bulk-all').click();
  await expect(bulk.getByTestId('bulk-status')).toContainText('12 件中 12 件に「evidence」');
  await page.getByTestId('query-clear').click();
  await expect(page.getByTestId('timeline-count')).toHaveAttribute('data-count', '27');
  await bulk.getByTestId('bulk-label').fill('要確認');
  await bulk.getByTestId('bulk-from').fill('1');
  await bulk.getByTestId('bulk-to').fill('3');
  await bulk.getByTestId('bulk-range').click();
  await expect(bulk.getByTestId('bulk-status')).toContainText('3 件中 3 件に「要確認」');
  await page.screenshot({ path: info.outputPath('bulk-tag-ja.png') });

  // The custody log names every action.
  await page.getByTestId('tab-custody').click();
  const log = page.getByTestId('custody-log');
  await expect(log).toContainText('tag.bulkAdded');
  await expect(log).toContainText('note.replied');
  await expect(log).toContainText('starred');
  await page.getByTestId('tab-bookmarks').click();
  await expect(page.getByTestId('bookmark-row').filter({ hasText: '要確認' })).toHaveCount(3);
});
