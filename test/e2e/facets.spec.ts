// The facet pane in Japanese: counts per host, category, action and port for the query in
// force; click a value to filter in, the minus (or Alt+click) to filter out; rare values
// (stacking); the pane collapses.
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { REPO_ROOT, test } from './serve-fixture';
import { createCase, dropFiles } from './workbench-helpers';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/e2e-incident');
const EVIDENCE = ['DeviceProcessEvents.csv', 'DeviceNetworkEvents.csv', 'squid_access.log'];

test.describe.configure({ timeout: 120_000 });

const facet = (page: Page, field: string) => page.locator(`[data-testid="facet"][data-field="${field}"]`);
const value = (page: Page, field: string, v: string) => facet(page, field).locator(`[data-testid="facet-value"][data-value="${v}"]`);

test('facets in Japanese: counts follow the query, filter in and out, rare values, collapse', async ({ page, serve }, info) => {
  await page.addInitScript(() => localStorage.setItem('tracelight.lang', 'ja'));
  await page.setViewportSize({ width: 1920, height: 1080 });
  await createCase(page, serve.url, { name: 'ファセット確認' });
  await dropFiles(page, EVIDENCE.map((f) => path.join(FIXTURES, f)));
  await expect(page.getByTestId('evidence-row')).toHaveCount(3, { timeout: 30_000 });
  await expect(page.getByTestId('timeline-count')).toHaveAttribute('data-count', '27');

  const pane = page.getByTestId('facet-pane');
  await expect(pane).toContainText('ファセット');
  await expect(facet(page, 'host')).toContainText('ホスト');
  await expect(value(page, 'host', 'wks-fin-01.corp.example')).toHaveAttribute('data-count', '20');
  await expect(value(page, 'host', 'wks-hr-02.corp.example')).toHaveAttribute('data-count', '4');
  await expect(value(page, 'host', 'adm-ws-03.corp.example')).toHaveAttribute('data-count', '3');
  await expect(value(page, 'dst_port', '8080')).toHaveAttribute('data-count', '12');
  // Top first: the busiest host heads its list.
  await expect(facet(page, 'host').getByTestId('facet-value').first()).toHaveAttribute('data-value', 'wks-fin-01.corp.example');
  await page.screenshot({ path: info.outputPath('facets-1920.png') });

  // Click to filter in: a chip, and every facet recounts for that host.
  await value(page, 'host', 'wks-hr-02.corp.example').click();
  await expect(page.getByTestId('query-chip')).toHaveCount(1);
  await expect(page.getByTestId('query-chip')).toContainText('host:"wks-hr-02.corp.example"');
  await expect(page.getByTestId('timeline-count')).toHaveAttribute('data-count', '4');
  await expect(facet(page, 'host').getByTestId('facet-value')).toHaveCount(1);
  await expect(value(page, 'category', 'web')).toHaveAttribute('data-count', '2');

  // Filter out with the minus: web traffic leaves, the NOT chip says so.
  await facet(page, 'category').locator('li', { has: page.locator('[data-value="web"]') }).getByTestId('facet-out').click();
  await expect(page.getByTestId('query-chip').nth(1)).toHaveAttribute('data-negated', 'true');
  await expect(page.getByTestId('timeline-count')).toHaveAttribute('data-count', '2');
  await expect(value(page, 'category', 'web')).toHaveCount(0);

  // Alt+click filters out too.
  await page.getByTestId('query-clear').click();
  await expect(page.getByTestId('timeline-count')).toHaveAttribute('data-count', '27');
  await value(page, 'dst_port', '8080').click({ modifiers: ['Alt'] });
  await expect(page.getByTestId('timeline-count')).toHaveAttribute('data-count', '15');

  // Rare values first (stacking): the least frequent host heads the list.
  await page.getByTestId('query-clear').click();
  await page.getByTestId('facets-rare').click();
  await expect(facet(page, 'host').getByTestId('facet-value').first()).toHaveAttribute('data-value', 'adm-ws-03.corp.example');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: info.outputPath('facets-rare-1366.png') });

  // The pane collapses and comes back.
  // In the workspace the facets live in the left pane, which folds to a rail and comes back.
  await page.getByTestId('toggle-left-pane').click();
  await expect(pane).toHaveCount(0);
  await page.getByTestId('toggle-left-pane').click();
  await expect(page.getByTestId('facet-pane')).toBeVisible();
});
