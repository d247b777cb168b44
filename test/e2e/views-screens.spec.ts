// Every main view of the workspace in English and Japanese at 1366x768 and 1920x1080: the
// screenshots are kept (test-results/e2e/…/views-*.png) and looked at. Checks what can be
// measured: the grid's height at a laptop size, one-line tabs, the whole histogram legend,
// and nothing sticking out of the window.
import { expect, type Page } from '@playwright/test';
import { test } from './serve-fixture';
import { openIncidentCase, rowWith, useLanguage } from './investigate-helpers';

const SIZES = [
  [1366, 768],
  [1920, 1080],
] as const;

/** Rows of the grid wholly inside its scrolling viewport. */
async function rowsInView(page: Page): Promise<number> {
  return page.locator('.tl-scroll').evaluate((scroller) => {
    const frame = scroller.getBoundingClientRect();
    return [...scroller.querySelectorAll('[data-testid="timeline-row"]')].filter((r) => {
      const b = r.getBoundingClientRect();
      return b.top >= frame.top - 0.5 && b.bottom <= frame.bottom + 0.5;
    }).length;
  });
}

/** Tabs whose label is wrapped onto a second line or shortened. */
async function brokenTabs(page: Page): Promise<string[]> {
  return page.locator('[role="tab"]').evaluateAll((tabs) =>
    tabs
      .filter((t) => {
        const lineHeight = parseFloat(getComputedStyle(t).lineHeight) || 18;
        const padding = parseFloat(getComputedStyle(t).paddingTop) + parseFloat(getComputedStyle(t).paddingBottom);
        return t.scrollWidth > t.clientWidth + 1 || t.clientHeight - padding > lineHeight * 1.5;
      })
      .map((t) => t.textContent ?? ''),
  );
}

/** Pairs of header items that overlap (each item against the next on the same line). */
async function headerOverlaps(page: Page): Promise<string[]> {
  return page.locator('.app-header').evaluate((header) => {
    const items = [...header.querySelectorAll(':scope > *, .header-actions > *, .case-stat > *')].map((e) => ({ e, r: e.getBoundingClientRect() }));
    const out: string[] = [];
    for (const a of items) {
      for (const b of items) {
        if (a === b || a.e.contains(b.e) || b.e.contains(a.e) || a.r.width === 0 || b.r.width === 0) continue;
        const overlapX = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const overlapY = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (overlapX > 1 && overlapY > 1) out.push(`${a.e.textContent} / ${b.e.textContent}`);
      }
    }
    // Text cut inside an item (an ellipsis is allowed only where a title gives the whole).
    for (const { e } of items) if (e.scrollWidth > e.clientWidth + 1 && !(e as HTMLElement).title && getComputedStyle(e).overflow !== 'visible') out.push(`cut: ${e.textContent}`);
    return out;
  });
}

async function expectNoSideScroll(page: Page): Promise<void> {
  const doc = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(doc.scroll).toBeLessThanOrEqual(doc.client);
}

for (const lang of ['en', 'ja'] as const) {
  test(`main views at 1366x768 and 1920x1080 (${lang})`, async ({ page, serve }, info) => {
    test.setTimeout(180_000);
    await useLanguage(page, lang);
    await page.setViewportSize({ width: 1366, height: 768 });
    await openIncidentCase(page, serve.url, lang === 'ja' ? '請求書マルウェア 本社' : 'invoice malware HQ');
    await rowWith(page, 'powershell.exe').click();
    await page.getByTestId('tab-incident').click();
    await page.getByTestId('run-detection').click();
    await expect(page.getByTestId('chain-graph')).toBeVisible({ timeout: 30_000 });
    // The engine's reasoning reads in the UI's language; the evidence's values stay as written.
    const reason = page.getByTestId('patient-zero-reason');
    await expect(reason).toContainText(lang === 'ja' ? '感染の連鎖に結び付く最初のホスト' : 'first host tied to the chain');
    await expect(reason).toContainText('請求書_1102.doc');
    const steps = page.getByTestId('chain-step');
    await expect(steps.first()).toContainText(lang === 'ja' ? 'を開いた' : 'Opened');
    if (lang === 'ja') {
      await expect(page.getByTestId('infected-reasons').first()).toContainText('誘導文書');
      await expect(page.getByTestId('beacons')).toContainText('回の通信');
    }
    await page.getByTestId('tab-timeline').click();

    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await page.getByTestId('tab-timeline').click();
      await expect(page.getByTestId('timeline-row').first()).toBeVisible();
      await expect(page.getByTestId('query-input')).toBeVisible();
      await expect(page.getByTestId('histogram-chart')).toBeVisible();
      // At a laptop size the grid still shows a screenful of rows under the query bar and histogram.
      expect(await rowsInView(page)).toBeGreaterThanOrEqual(15);
      const grid = await page.getByTestId('timeline').evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
      expect(grid.scroll).toBeLessThanOrEqual(grid.client);
      // Every legend entry is shown whole.
      const legend = await page.getByTestId('histogram-legend').locator(':scope > span').evaluateAll((spans) =>
        spans.filter((s) => s.scrollWidth > s.clientWidth + 1 || s.getBoundingClientRect().right > s.parentElement!.getBoundingClientRect().right + 0.5).map((s) => s.textContent),
      );
      expect(legend).toEqual([]);
      expect(await brokenTabs(page)).toEqual([]);
      expect(await headerOverlaps(page)).toEqual([]);
      await expectNoSideScroll(page);
      await page.screenshot({ path: info.outputPath(`views-timeline-${width}-${lang}.png`) });

      for (const side of ['tree', 'pivots', 'host'] as const) {
        await page.getByTestId(`side-${side}`).click();
        await page.waitForTimeout(300);
        await page.screenshot({ path: info.outputPath(`views-side-${side}-${width}-${lang}.png`) });
      }
      await page.getByTestId('side-detail').click();

      for (const view of ['incident', 'evidence', 'bookmarks', 'custody', 'case', 'assist'] as const) {
        // Evidence is one key away (7), like every view.
        if (view === 'evidence') await page.keyboard.press('7');
        else await page.getByTestId(`tab-${view}`).click();
        await expect(page.getByTestId(`tab-${view}`)).toHaveAttribute('aria-selected', 'true');
        await page.waitForTimeout(300);
        expect(await brokenTabs(page)).toEqual([]);
        await expectNoSideScroll(page);
        if (view === 'custody') {
          // The log's entries wrap inside the pane: nothing hidden past its right edge.
          const fit = await page.getByTestId('custody-log').locator('.table-scroll').evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
          expect(fit.scroll).toBeLessThanOrEqual(fit.client);
        }
        if (view === 'evidence') {
          // The registry fits the pane beside the event detail: no sideways scroll, digests whole.
          const fit = await page.getByTestId('evidence-view').evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
          expect(fit.scroll).toBeLessThanOrEqual(fit.client);
          const digests = await page.getByTestId('evidence-sha256').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
          for (const h of digests) expect(h).toBeLessThan(80);
        }
        await page.screenshot({ path: info.outputPath(`views-${view}-${width}-${lang}.png`) });
      }
    }
  });
}
