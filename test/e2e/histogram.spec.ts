// The histogram above the grid: it counts what the grid lists, switches stacking, marks gaps
// and bursts, shows a strip per evidence file; a drag selects a time range the grid follows,
// zoom out widens it, "whole case" clears it.
import { expect } from '@playwright/test';
import { test } from './serve-fixture';
import { openIncidentCase, shootWidths, useLanguage } from './investigate-helpers';

test.describe.configure({ timeout: 120_000 });

for (const lang of ['en', 'ja'] as const) {
  test(`histogram follows the filter and selects a time range (${lang})`, async ({ page, serve }, info) => {
    await useLanguage(page, lang);
    await page.setViewportSize({ width: 1366, height: 768 });
    await openIncidentCase(page, serve.url, `ヒストグラム ${lang}`);
    const h = page.getByTestId('histogram');
    await expect(h).toHaveAttribute('data-total', '27');
    await expect(h).toHaveAttribute('data-unit', 'minute');
    await expect(h.getByTestId('histogram-marks')).toHaveAttribute('data-gaps', '2');
    await expect(h.getByTestId('evidence-strip')).toHaveCount(3);
    const box = await h.boundingBox();
    expect(box!.height).toBeLessThanOrEqual(130);

    // It follows the grid's filter.
    await page.getByTestId('query-input').fill('category:web');
    await page.getByTestId('query-input').press('Enter');
    await expect(h).toHaveAttribute('data-total', '6');
    await page.getByTestId('query-clear').click();
    await expect(h).toHaveAttribute('data-total', '27');
    await h.getByTestId('histogram-source').click();
    await expect(h.getByTestId('histogram-source')).toHaveAttribute('aria-checked', 'true');
    await shootWidths(page, info, `histogram-${lang}`);
    await page.setViewportSize({ width: 1366, height: 768 });

    // Drag across the first half of the bars: the grid shows that range, the chart zooms to it.
    const chart = h.locator('.recharts-wrapper');
    const c = (await chart.boundingBox())!;
    await page.mouse.move(c.x + 60, c.y + c.height / 2);
    await page.mouse.down();
    await page.mouse.move(c.x + 60 + (c.width - 60) * 0.25, c.y + c.height / 2, { steps: 8 });
    await page.mouse.move(c.x + 60 + (c.width - 60) * 0.5, c.y + c.height / 2, { steps: 8 });
    await page.mouse.up();
    const range = page.getByTestId('scope-range');
    await expect(range).toBeVisible();
    // While the range is being counted the count has no value yet (NaN here): wait for it.
    const countNow = async (): Promise<number> => Number((await page.getByTestId('timeline-count').getAttribute('data-count')) ?? NaN);
    await expect.poll(countNow).toBeLessThan(27);
    const count = await countNow();
    expect(count).toBeGreaterThan(0);
    await expect(h).toHaveAttribute('data-total', String(count));
    const from = await h.getAttribute('data-from');
    expect(from! >= '2026-11-02T01:04:00.000Z').toBe(true);

    await h.getByTestId('histogram-zoom-out').click();
    await expect.poll(async () => Number(await h.getAttribute('data-total'))).toBeGreaterThanOrEqual(count);
    await h.getByTestId('histogram-reset').click();
    await expect(range).toHaveCount(0);
    await expect(page.getByTestId('timeline-count')).toHaveAttribute('data-count', '27');
  });
}
