// Pivots in Japanese: right-click a C2 beacon, pivot to the same host ±N minutes and to the
// same destination across hosts, and read the lines around it in its evidence file.
import { expect } from '@playwright/test';
import { test } from './serve-fixture';
import { openIncidentCase, rowWith, shootWidths, useLanguage } from './investigate-helpers';

test.describe.configure({ timeout: 120_000 });

for (const lang of ['ja', 'en'] as const) {
  test(`pivot from an event (${lang})`, async ({ page, serve }, info) => {
    await useLanguage(page, lang);
    await page.setViewportSize({ width: 1366, height: 768 });
    await openIncidentCase(page, serve.url, `ピボット ${lang}`);

    // Right-click the first beacon of rundll32 to the C2.
    const beacon = rowWith(page, '01:05:40');
    // A cell's menu (filter in/out, copy) offers the pivots from its event.
    await beacon.click({ button: 'right' });
    await page.getByTestId('cell-pivot').click();
    const menu = page.getByTestId('pivot-menu');
    await expect(menu).toBeVisible();
    await expect(menu).toContainText(lang === 'ja' ? 'からピボット' : 'Pivot from event');
    const hostTime = menu.getByTestId('pivot-host-time');
    await expect(hostTime).toContainText(lang === 'ja' ? '同じホストの前後 5 分' : 'Same host ±5 min');
    // 01:00:40–01:10:40 on wks-fin-01: four process starts, two EDR connections, two proxy GETs.
    await expect(hostTime).toHaveAttribute('data-count', '8');
    const dst = menu.getByTestId('pivot-destination-dst_ip');
    await expect(dst).toHaveAttribute('data-count', '12');
    await shootWidths(page, info, `pivot-menu-${lang}`);
    await page.setViewportSize({ width: 1366, height: 768 });

    // Widen to ±10 minutes, then apply: the grid shows exactly the pivot's events.
    await menu.getByTestId('pivot-minutes').fill('10');
    await expect(menu.getByTestId('pivot-host-time')).toContainText(lang === 'ja' ? '前後 10 分' : '±10 min');
    const wide = await menu.getByTestId('pivot-host-time').getAttribute('data-count');
    await menu.getByTestId('pivot-host-time').click();
    await expect(page.getByTestId('scope-pivot')).toContainText('host:"wks-fin-01.corp.example"');
    await expect(page.getByTestId('timeline-count')).toHaveAttribute('data-count', wide!);
    await expect(page.getByTestId('histogram')).toHaveAttribute('data-total', wide!);
    await page.getByTestId('scope-clear-pivot').click();
    await expect(page.getByTestId('timeline-count')).toHaveAttribute('data-count', '27');

    // The lines around it in its evidence file, from the side panel's pivot tab.
    await rowWith(page, '01:05:40').click({ button: 'right' });
    await page.getByTestId('cell-pivot').click();
    await page.getByTestId('pivot-open-lines').click();
    const lines = page.getByTestId('neighbour-lines');
    await expect(lines.getByTestId('neighbour-line')).toHaveCount(7); // line 3 of the CSV: line 2 above (line 1 is the header), five below
    await expect(lines.locator('[data-current]')).toContainText('203.0.113.10');
    await lines.scrollIntoViewIfNeeded();
    await shootWidths(page, info, `pivot-lines-${lang}`);
    await page.setViewportSize({ width: 1366, height: 768 });

    // The host view of its host, from the detail panel's Pivot button this time.
    await page.getByTestId('side-detail').click();
    await page.getByTestId('event-detail').getByTestId('detail-pivot').click();
    await expect(page.getByTestId('pivot-menu')).toBeVisible();
    await page.getByTestId('pivot-open-host').click();
    const host = page.getByTestId('host-view');
    await expect(host.getByRole('heading', { level: 3 })).toContainText('wks-fin-01.corp.example');
    await expect(host.getByTestId('host-seen')).toContainText('2026-11-02T01:04:00.000Z');
    await expect(host.getByTestId('host-users')).toContainText('corp\\sato.hanako');
    await expect(host.getByTestId('host-addresses')).toContainText('10.1.1.21');
    await expect(host.getByTestId('host-processes')).toContainText('rundll32.exe');
    await expect(host.getByTestId('host-destinations')).toContainText('203.0.113.10');
    await expect(host.getByTestId('host-findings')).toContainText(lang === 'ja' ? '検知を実行していません' : 'Detection has not run');
    await shootWidths(page, info, `host-view-${lang}`);
    await page.setViewportSize({ width: 1366, height: 768 });
    await host.getByTestId('host-filter').click();
    await expect(page.getByTestId('scope-query')).toHaveText('host:"wks-fin-01.corp.example"');
  });
}
