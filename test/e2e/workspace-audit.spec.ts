// Capabilities of issue 11 that the other specs left untested, in Japanese: pinned columns that
// stay put while the grid scrolls sideways, a column layout per source family, every pivot
// offered from an event (each narrows the grid to exactly its count), `tag:` as a search field,
// and an incident diagram whose arrows cross no box.
import { expect, type Page } from '@playwright/test';
import { test } from './serve-fixture';
import { openIncidentCase, rowWith, useLanguage } from './investigate-helpers';

test.describe.configure({ timeout: 150_000 });

const headerIds = (page: Page) => page.getByTestId('timeline-column').evaluateAll((els) => els.map((e) => e.getAttribute('data-column')));
const header = (page: Page, id: string) => page.locator(`[data-testid="timeline-column"][data-column="${id}"]`);

async function search(page: Page, text: string): Promise<void> {
  await page.getByTestId('query-input').fill(text);
  await page.getByTestId('query-input').press('Enter');
}

test('columns in Japanese: a pinned column stays in place when the grid scrolls sideways; each source family keeps its own layout', async ({ page, serve }, info) => {
  await useLanguage(page, 'ja');
  await page.setViewportSize({ width: 1366, height: 768 });
  await openIncidentCase(page, serve.url, '列の固定');
  await expect(page.getByTestId('timeline-family')).toHaveText('すべてのログ');
  const mixed = await headerIds(page);

  // Wide columns make the grid scroll sideways; the host column is pinned.
  await page.getByTestId('column-chooser-toggle').click();
  for (const id of ['user', 'process_command_line', 'parent_process_name', 'url']) await page.getByTestId(`column-toggle-${id}`).check();
  await page.getByTestId('column-pin-host').click();
  await expect(page.getByTestId('column-pin-host')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  const scroller = page.locator('.tl-scroll');
  expect(await scroller.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
  const hostBefore = (await header(page, 'host').boundingBox())!.x;
  const actionBefore = (await header(page, 'action').boundingBox())!.x;
  await scroller.evaluate((e) => (e.scrollLeft = 400));
  await expect.poll(async () => (await header(page, 'action').boundingBox())!.x).toBeLessThan(actionBefore - 300);
  expect((await header(page, 'host').boundingBox())!.x).toBeCloseTo(hostBefore, 0);
  // The pinned host cell of a row stays beside it too.
  const cell = rowWith(page, 'rundll32.exe').locator('.tl-col-host');
  expect((await cell.boundingBox())!.x).toBeCloseTo(hostBefore, 0);
  await page.screenshot({ path: info.outputPath('pinned-scrolled-ja.png') });
  await scroller.evaluate((e) => (e.scrollLeft = 0));
  const mixedWide = await headerIds(page);
  expect(mixedWide.length).toBeGreaterThan(mixed.length);

  // Filtering to the proxy's events brings the proxy layout, changed apart from the mixed one.
  await search(page, 'category:web');
  await expect(page.getByTestId('timeline-family')).toHaveText(/プロキシ/);
  const proxy = await headerIds(page);
  expect(proxy).not.toEqual(mixedWide);
  await page.getByTestId('column-chooser-toggle').click();
  const hideInProxy = proxy.find((id) => id !== 'time' && id !== 'host')!;
  await page.getByTestId(`column-toggle-${hideInProxy}`).uncheck();
  await page.keyboard.press('Escape');
  expect(await headerIds(page)).not.toContain(hideInProxy);
  const proxyChanged = await headerIds(page);
  await page.screenshot({ path: info.outputPath('proxy-layout-ja.png') });

  // Back to every log: the mixed layout as it was left (pinned host, the added columns).
  await page.getByTestId('query-clear').click();
  await expect(page.getByTestId('timeline-family')).toHaveText('すべてのログ');
  const mixedNow = await headerIds(page);
  expect(mixedNow).toEqual(mixedWide);
  // Both are remembered across a reload.
  await page.reload();
  await expect(page.getByTestId('timeline-row').first()).toBeVisible({ timeout: 15_000 });
  expect(await headerIds(page)).toEqual(mixedNow);
  await expect(page.getByTestId('column-chooser-toggle')).toBeVisible();
  await search(page, 'category:web');
  await expect(page.getByTestId('timeline-family')).toHaveText(/プロキシ/);
  expect(await headerIds(page)).toEqual(proxyChanged);
});

test('every pivot from an event in Japanese: each narrows the grid to exactly its count', async ({ page, serve }, info) => {
  await useLanguage(page, 'ja');
  await page.setViewportSize({ width: 1366, height: 768 });
  await openIncidentCase(page, serve.url, 'すべてのピボット');
  const seen = new Set<string>();
  // A process event (process, user, hash) and a proxy request (URL, domain, destination).
  for (const text of ['rundll32.exe C:\\Users', '198.51.100.77', '01:05:40']) {
    await rowWith(page, text).click({ button: 'right' });
    await page.getByTestId('cell-pivot').click();
    const menu = page.getByTestId('pivot-menu');
    await expect(menu.locator('.pivot-option').first()).toBeVisible();
    const ids = (await menu.locator('.pivot-option').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!))).filter((id) => id !== 'pivot-host-time');
    await page.keyboard.press('Escape');
    for (const id of ids) {
      await rowWith(page, text).click({ button: 'right' });
      await page.getByTestId('cell-pivot').click();
      const option = page.getByTestId('pivot-menu').getByTestId(id);
      const count = await option.getAttribute('data-count');
      const values = (await option.locator('.pivot-values').textContent())!.split(' · ')[0]!;
      await option.click();
      await expect(page.getByTestId('scope-pivot'), id).toBeVisible();
      await expect(page.getByTestId('timeline-count'), id).toHaveAttribute('data-count', count!);
      // The query writes a backslash doubled (its escape); the value is the same.
      const scopeText = (await page.getByTestId('scope-query').textContent())!.replaceAll('\\\\', '\\');
      expect(scopeText, id).toContain(values);
      if (!seen.has(id)) await page.screenshot({ path: info.outputPath(`${id}-ja.png`) });
      seen.add(id);
      await page.getByTestId('scope-clear-pivot').click();
      await expect(page.getByTestId('timeline-count')).toHaveAttribute('data-count', '27');
    }
  }
  // Same process, same user, and a destination by address and by URL were all offered and applied.
  expect([...seen]).toEqual(expect.arrayContaining(['pivot-process', 'pivot-user', 'pivot-destination-dst_ip', 'pivot-destination-url']));
});

test('tag: is a search field: starred and bulk-tagged events are found by their tag (Japanese)', async ({ page, serve }) => {
  await useLanguage(page, 'ja');
  await openIncidentCase(page, serve.url, 'タグ検索');
  await rowWith(page, '01:05:40').click();
  await page.getByTestId('event-detail').getByTestId('star-button').click();
  await expect(page.getByTestId('event-detail').getByTestId('star-button')).toHaveAttribute('aria-pressed', 'true');
  await search(page, 'process_name:rundll32.exe');
  await expect(page.getByTestId('query-chip')).toHaveCount(1);
  await expect(page.getByTestId('timeline-count')).not.toHaveAttribute('data-count', '27');
  await expect(page.getByTestId('timeline-count')).toHaveAttribute('data-count', /\d+/);
  const n = await page.getByTestId('timeline-count').getAttribute('data-count');
  const bulk = page.getByTestId('bulk-tag');
  await bulk.locator('summary').click();
  await bulk.getByTestId('bulk-label').fill('要確認');
  await bulk.getByTestId('bulk-all').click();
  await expect(bulk.getByTestId('bulk-status')).toContainText('要確認');
  await page.getByTestId('query-clear').click();

  await search(page, 'tag:starred');
  await expect(page.getByTestId('timeline-count')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('timeline-row')).toContainText('01:05:40');
  await page.getByTestId('query-clear').click();
  await search(page, 'tag:要確認');
  await expect(page.getByTestId('timeline-count')).toHaveAttribute('data-count', n!);
  // Inverted: everything else.
  await page.getByTestId('query-chip').getByTestId('query-chip-invert').click();
  await expect(page.getByTestId('timeline-count')).toHaveAttribute('data-count', String(27 - Number(n)));
});

test('the incident diagram: no arrow crosses a box, the graph fits its pane, a box opens the process tree (Japanese)', async ({ page, serve }, info) => {
  await useLanguage(page, 'ja');
  await page.setViewportSize({ width: 1366, height: 768 });
  await openIncidentCase(page, serve.url, '感染の流れ');
  await page.getByTestId('tab-incident').click();
  await page.getByTestId('run-detection').click();
  const graph = page.getByTestId('chain-graph');
  await expect(graph).toBeVisible({ timeout: 30_000 });
  const crossings = await graph.evaluate((svg) => {
    const boxes = [...svg.querySelectorAll('[data-testid="chain-node"]')].map((n) => n.getBoundingClientRect());
    const bad: string[] = [];
    for (const path of svg.querySelectorAll('path, line')) {
      const p = path as SVGGeometryElement;
      const len = p.getTotalLength();
      const ctm = p.getScreenCTM()!;
      // Sample the arrow away from its ends (which touch the boxes they join).
      for (let d = 8; d < len - 8; d += 4) {
        const pt = p.getPointAtLength(d).matrixTransform(ctm);
        const inside = boxes.findIndex((b) => pt.x > b.left + 1 && pt.x < b.right - 1 && pt.y > b.top + 1 && pt.y < b.bottom - 1);
        if (inside >= 0) {
          bad.push(`${p.getAttribute('d') ?? 'line'} through box ${inside}`);
          break;
        }
      }
    }
    return bad;
  });
  expect(crossings).toEqual([]);
  const fit = await graph.evaluate((svg) => ({ svg: svg.getBoundingClientRect().width, frame: svg.parentElement!.clientWidth }));
  expect(fit.svg).toBeLessThanOrEqual(fit.frame);
  await graph.screenshot({ path: info.outputPath('chain-ja.png') });
  // A box is a link into the grid: the timeline opens on its event, and p opens its tree.
  await graph.getByTestId('chain-node').filter({ hasText: '実行' }).first().click();
  await expect(page.getByTestId('tab-timeline')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-testid="timeline-row"][aria-selected="true"]')).toBeVisible();
  await page.getByTestId('side-tree').click();
  await expect(page.getByTestId('process-tree')).toBeVisible();
});
