// The investigation workspace's frame: languages, themes, grid columns, the value popup, time
// zones, keyboard, and the 1,366 px fit. Screenshots of every state are kept and looked at.
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { REPO_ROOT, SAMPLES, test } from './serve-fixture';
import { createCase, dropFiles } from './workbench-helpers';

const FILES = [
  path.join(SAMPLES, 'squid_native/logscale_squid_access.log'),
  path.join(SAMPLES, 'fortigate_kv/crowdsec_fortinet-vpn-bf.log'),
  path.join(SAMPLES, 'carbonblack_edr_json/cbedr_bus_watchlist.hit.process.jsonl'),
];

async function caseWithEvents(page: Page, url: string): Promise<void> {
  await createCase(page, url, { name: 'workspace 事案', timezone: 'Asia/Tokyo' });
  await dropFiles(page, FILES);
  await expect(page.getByTestId('evidence-row')).toHaveCount(3, { timeout: 30_000 });
  await expect(page.getByTestId('timeline-count')).toHaveAttribute('data-count', '26', { timeout: 15_000 });
}

const headerIds = (page: Page) => page.getByTestId('timeline-column').evaluateAll((els) => els.map((e) => e.getAttribute('data-column')));

test('language switch: Japanese labels, remembered across a reload', async ({ page, serve }, info) => {
  await caseWithEvents(page, serve.url);
  await expect(page.getByTestId('tab-timeline')).toHaveText('Timeline');
  await page.getByTestId('lang-ja').click();
  await expect(page.getByTestId('tab-timeline')).toHaveText('タイムライン');
  await expect(page.getByTestId('tab-incident')).toHaveText('インシデント');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByTestId('timeline-column').first()).toContainText('時刻');
  await page.reload();
  await expect(page.getByTestId('tab-custody')).toHaveText('保全記録');
  await expect(page.getByTestId('case-event-count')).toHaveText('26 件');
  await page.screenshot({ path: info.outputPath('japanese.png') });
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('tab-custody')).toHaveText('Custody log');
});

test('theme switch: dark palette applied and remembered', async ({ page, serve }, info) => {
  await caseWithEvents(page, serve.url);
  const background = () => page.evaluate(() => getComputedStyle(document.querySelector('.timeline-panel')!).backgroundColor);
  const light = await background();
  await page.getByTestId('theme-switch').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).not.toBe(light);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('timeline-row').first()).toBeVisible({ timeout: 15_000 });
  // The category stripe uses the shared palette's colour for the row's category.
  const stripe = await page.getByTestId('timeline-row').first().locator('.tl-stripe').evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(stripe).not.toBe('rgba(0, 0, 0, 0)');
  await page.screenshot({ path: info.outputPath('dark.png') });
});

test('columns: hide, reorder and resize are remembered across a reload', async ({ page, serve }) => {
  await caseWithEvents(page, serve.url);
  expect(await headerIds(page)).toEqual(['time', 'host', 'category', 'action', 'process_name', 'dst', 'message']);

  await page.getByTestId('column-chooser-toggle').click();
  await page.getByTestId('column-toggle-category').uncheck();
  await page.getByTestId('column-toggle-user').check();
  await page.keyboard.press('Escape');
  expect(await headerIds(page)).toEqual(['time', 'host', 'action', 'process_name', 'dst', 'message', 'user']);

  // Keyboard reorder: Alt+← on a focused header.
  await page.locator('[data-testid="timeline-column"][data-column="user"]').focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await page.keyboard.press('Alt+ArrowLeft');
  expect(await headerIds(page)).toEqual(['time', 'host', 'action', 'process_name', 'user', 'dst', 'message']);

  // Drag reorder: host onto time.
  await page.locator('[data-column="host"][data-testid="timeline-column"]').dragTo(page.locator('[data-column="time"][data-testid="timeline-column"]'));
  expect((await headerIds(page)).slice(0, 2)).toEqual(['host', 'time']);

  // Resize by dragging the host column's edge 60 px to the right.
  const host = page.locator('[data-testid="timeline-column"][data-column="host"]');
  const before = (await host.boundingBox())!.width;
  const handle = (await host.getByTestId('timeline-column-resize').boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + 60, handle.y + handle.height / 2, { steps: 5 });
  await page.mouse.up();
  const after = (await host.boundingBox())!.width;
  expect(after).toBeGreaterThan(before + 50);

  await page.reload();
  await expect(page.getByTestId('timeline-row').first()).toBeVisible({ timeout: 15_000 });
  expect(await headerIds(page)).toEqual(['host', 'time', 'action', 'process_name', 'user', 'dst', 'message']);
  expect(Math.abs((await host.boundingBox())!.width - after)).toBeLessThan(2);
});

test('long values: popup with the whole command line, broken at spaces and commas, and a copy button', async ({ page, serve, context }, info) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await caseWithEvents(page, serve.url);
  await page.getByTestId('column-chooser-toggle').click();
  await page.getByTestId('column-toggle-process_command_line').check();
  await page.keyboard.press('Escape');
  const cells = page.locator('[data-testid="timeline-row"] [data-column="process_command_line"]');
  await expect(cells.filter({ hasText: /\S/ }).first()).toBeVisible({ timeout: 15_000 });
  // The command line with the most arguments among those in view.
  const spaces = await cells.evaluateAll((els) => els.map((e) => (e.getAttribute('title') ?? '').split(' ').length));
  const cell = cells.nth(spaces.indexOf(Math.max(...spaces)));
  const full = (await cell.getAttribute('title'))!;
  await cell.dblclick();
  const popup = page.getByTestId('value-popup');
  await expect(popup).toBeVisible();
  const text = popup.getByTestId('value-popup-text');
  await expect(text).toHaveText(full);
  const pieces = await text.locator('.value-piece').count();
  expect(pieces).toBeGreaterThan(1);
  await page.screenshot({ path: info.outputPath('value-popup.png') });
  await popup.getByTestId('value-popup-copy').click();
  await expect(popup.getByTestId('value-popup-copy')).toHaveAttribute('data-state', 'copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(full);
  await page.keyboard.press('Escape');
  await expect(popup).toHaveCount(0);
});

test('time zone switch changes the shown times and is remembered', async ({ page, serve }) => {
  await caseWithEvents(page, serve.url);
  const squid = page.locator('[data-testid="timeline-row"]').filter({ hasText: '2023-08-08T17:15:39.857Z' });
  await expect(squid).toHaveCount(1);
  const id = await squid.getAttribute('data-event-id');
  const timeCell = page.locator(`[data-testid="timeline-row"][data-event-id="${id}"] [data-column="time"]`);
  await page.getByTestId('zone-mode').selectOption('case');
  await expect(timeCell).toHaveText('2023-08-09 02:15:39.857');
  await expect(page.locator('[data-testid="timeline-column"][data-column="time"]')).toContainText('Asia/Tokyo');
  await page.getByTestId('zone-mode').selectOption('other');
  await page.getByTestId('zone-other').fill('America/New_York');
  await expect(timeCell).toHaveText('2023-08-08 13:15:39.857');
  await page.reload();
  await expect(timeCell).toHaveText('2023-08-08 13:15:39.857', { timeout: 15_000 });
  await page.getByTestId('zone-mode').selectOption('utc');
  await expect(timeCell).toHaveText('2023-08-08T17:15:39.857Z');
});

test('keyboard: j/k move, Enter opens the detail, / searches, ? lists shortcuts, Esc closes', async ({ page, serve }) => {
  await caseWithEvents(page, serve.url);
  const grid = page.getByTestId('timeline');
  await grid.focus();
  const rows = page.getByTestId('timeline-row');
  await page.keyboard.press('j');
  await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'true');
  const first = await rows.nth(0).getAttribute('data-event-id');
  await expect(page.getByTestId('event-detail')).toHaveAttribute('data-event-id', first!);
  await page.keyboard.press('j');
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('k');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  const second = await rows.nth(1).getAttribute('data-event-id');
  await expect(page.getByTestId('event-detail')).toHaveAttribute('data-event-id', second!);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('event-detail').locator('h2')).toBeFocused();
  // Keys reach the grid from elsewhere on the page too.
  await page.keyboard.press('j');
  await expect(rows.nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('t');
  await expect(page.getByTestId('tag-label')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(grid).toBeFocused();
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts-dialog')).toHaveCount(0);
  await page.keyboard.press('/');
  await expect(page.getByTestId('query-input')).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('2');
  await expect(page.getByTestId('story')).toBeVisible();
  // The grid's focus ring is visible (an outline, not colour alone).
  await page.keyboard.press('1');
  await grid.focus();
  await page.keyboard.press('j');
  const outline = await grid.evaluate((e) => getComputedStyle(e).outlineStyle);
  expect(outline).not.toBe('none');
});

test('p opens the pivot menu for the selected event', async ({ page, serve }) => {
  await caseWithEvents(page, serve.url);
  await page.getByTestId('timeline').focus();
  await page.keyboard.press('j');
  await page.keyboard.press('p');
  const menu = page.getByTestId('pivot-menu');
  await expect(menu).toBeVisible();
  const id = await page.getByTestId('timeline-row').first().getAttribute('data-event-id');
  await expect(menu).toContainText(`event ${id}`);
});

test('panes: resized widths and the selection come back after a reload', async ({ page, serve }) => {
  await caseWithEvents(page, serve.url);
  const right = page.getByTestId('pane-right');
  const before = (await right.boundingBox())!.width;
  await page.getByTestId('splitter-right').focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await right.boundingBox())!.width).toBe(before + 64);
  const row = page.getByTestId('timeline-row').nth(3);
  const id = await row.getAttribute('data-event-id');
  await row.click();
  await page.reload();
  await expect(page.getByTestId('event-detail')).toHaveAttribute('data-event-id', id!, { timeout: 15_000 });
  expect((await right.boundingBox())!.width).toBe(before + 64);
  await expect(page.locator(`[data-testid="timeline-row"][data-event-id="${id}"]`)).toHaveAttribute('aria-selected', 'true');
});

for (const lang of ['en', 'ja'] as const) {
  test(`no horizontal scrollbar at 1366x768 (${lang})`, async ({ page, serve }, info) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await caseWithEvents(page, serve.url);
    await page.getByTestId(`lang-${lang}`).click();
    await expect(page.getByTestId('pane-left')).toBeVisible();
    await expect(page.getByTestId('pane-right')).toBeVisible();
    const grid = page.getByTestId('timeline');
    const fit = await grid.evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);
    const doc = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(doc.scroll).toBeLessThanOrEqual(doc.client);
    // Nothing in the header is cut off: every control lies inside the window.
    const overflow = await page.locator('.app-header > *').evaluateAll((els) =>
      els.filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5).map((e) => e.className),
    );
    expect(overflow).toEqual([]);
    await page.screenshot({ path: info.outputPath(`fit-1366-${lang}.png`) });
  });
}

const INCIDENT = ['DeviceProcessEvents.csv', 'DeviceNetworkEvents.csv', 'squid_access.log'].map((f) =>
  path.join(REPO_ROOT, 'test/fixtures/e2e-incident', f),
);

/** Nothing sticks out of the window sideways. */
async function expectNoSideScroll(page: Page): Promise<void> {
  const doc = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(doc.scroll).toBeLessThanOrEqual(doc.client);
}

for (const [width, height] of [
  [1366, 768],
  [1920, 1080],
] as const) {
  test(`screens at ${width}x${height} in English and Japanese: start, workbench, incident view, export`, async ({ page, serve }, info) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height });
    await page.goto(serve.url);
    for (const lang of ['en', 'ja'] as const) {
      await page.getByTestId(`lang-${lang}`).click();
      await expect(page.getByTestId('start-drop')).toBeVisible();
      await expectNoSideScroll(page);
      await page.screenshot({ path: info.outputPath(`start-${width}-${lang}.png`) });
    }
    await page.getByTestId('lang-en').click();
    await createCase(page, serve.url, { name: '請求書マルウェア 2026-11 — 本社', timezone: 'Asia/Tokyo' });
    await dropFiles(page, INCIDENT);
    await expect(page.getByTestId('evidence-row')).toHaveCount(3, { timeout: 30_000 });
    await page.getByTestId('timeline-row').nth(2).click();

    for (const lang of ['en', 'ja'] as const) {
      await page.getByTestId(`lang-${lang}`).click();
      await page.getByTestId('tab-timeline').click();
      await expect(page.getByTestId('timeline-row').first()).toBeVisible();
      const grid = await page.getByTestId('timeline').evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
      expect(grid.scroll).toBeLessThanOrEqual(grid.client);
      await expectNoSideScroll(page);
      await page.screenshot({ path: info.outputPath(`workbench-${width}-${lang}.png`) });

      await page.getByTestId('tab-incident').click();
      const story = page.getByTestId('story');
      if (lang === 'en') await story.getByTestId('run-detection').click();
      const graph = story.getByTestId('chain-graph');
      await expect(graph).toBeVisible({ timeout: 30_000 });
      // The graph fits its pane; no box's text spills out of the box.
      const fit = await graph.evaluate((svg) => ({ svg: svg.getBoundingClientRect().width, frame: svg.parentElement!.clientWidth }));
      expect(fit.svg).toBeLessThanOrEqual(fit.frame);
      const spills = await graph.getByTestId('chain-node').evaluateAll((nodes) =>
        nodes.flatMap((n) => {
          const box = n.getBoundingClientRect();
          return [...n.querySelectorAll('span')].filter((s) => {
            const r = s.getBoundingClientRect();
            return r.right > box.right + 0.5 || r.bottom > box.bottom + 0.5;
          }).map((s) => s.textContent);
        }),
      );
      expect(spills).toEqual([]);
      // Long values in the summary cards stay inside their card.
      const cards = await story.locator('.summary-fact').evaluateAll((els) =>
        els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.getAttribute('data-testid')),
      );
      expect(cards).toEqual([]);
      await expectNoSideScroll(page);
      await page.screenshot({ path: info.outputPath(`incident-${width}-${lang}.png`) });
      await graph.screenshot({ path: info.outputPath(`chain-${width}-${lang}.png`) });
    }

    // A box is a link into the grid: the timeline opens on its event.
    const node = page.getByTestId('chain-node').first();
    await node.click();
    await expect(page.getByTestId('tab-timeline')).toHaveAttribute('aria-selected', 'true');
    const selected = page.locator('[data-testid="timeline-row"][aria-selected="true"]');
    await expect(selected).toBeVisible();

    // The export dialog's Copy buttons stay inside the dialog.
    await page.getByTestId('open-export').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByTestId('export-pdf').uncheck();
    await dialog.getByTestId('export-csv').check();
    await dialog.getByTestId('export-run').click();
    await expect(dialog.getByTestId('export-file').first()).toBeVisible({ timeout: 60_000 });
    const box = (await dialog.boundingBox())!;
    for (const copy of await dialog.locator('.export-results .copy-button').all()) {
      const b = (await copy.boundingBox())!;
      expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width);
    }
    await page.screenshot({ path: info.outputPath(`export-${width}-ja.png`) });
  });
}
