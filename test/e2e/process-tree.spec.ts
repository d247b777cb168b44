// The process tree in Japanese: from a rundll32 start in the grid, the chain explorer ->
// WINWORD -> powershell -> rundll32 -> schtasks with each one's events, and the proxy GET of the
// payload attributed to PowerShell by its EDR connection; then from the incident view.
import { expect } from '@playwright/test';
import { test } from './serve-fixture';
import { openIncidentCase, rowWith, shootWidths, useLanguage } from './investigate-helpers';

test.describe.configure({ timeout: 150_000 });

for (const lang of ['ja', 'en'] as const) {
  test(`process tree from the grid and from the incident view (${lang})`, async ({ page, serve }, info) => {
    await useLanguage(page, lang);
    await page.setViewportSize({ width: 1366, height: 768 });
    await openIncidentCase(page, serve.url, `プロセスツリー ${lang}`);

    await rowWith(page, 'schtasks.exe').click({ button: 'right' });
    await page.getByTestId('cell-pivot').click();
    await page.getByTestId('pivot-open-tree').click();
    const tree = page.getByTestId('process-tree');
    await expect(tree.getByRole('heading')).toHaveText(lang === 'ja' ? 'プロセスツリー' : 'Process tree');
    const names = tree.getByTestId('ptree-node');
    await expect(names).toHaveCount(5);
    expect(await names.evaluateAll((els) => els.map((e) => e.getAttribute('data-name')))).toEqual([
      'explorer.exe',
      'WINWORD.EXE',
      'powershell.exe',
      'rundll32.exe',
      'schtasks.exe',
    ]);
    await expect(names.first()).toContainText(lang === 'ja' ? '起動は未記録' : 'start not logged');
    await expect(tree.locator('[data-focus]').first()).toHaveAttribute('data-name', 'schtasks.exe');
    await expect(tree.locator('[data-name="rundll32.exe"]').first()).toContainText(lang === 'ja' ? 'PID と起動時刻で関連付け' : 'linked by pid and start time');
    await expect(tree.locator('[data-name="rundll32.exe"] .ptree-cmd').first()).toContainText('rundll32.exe C:\\Users\\sato.hanako');

    // PowerShell's own connection to the proxy and the proxy's GET of the payload, tied together.
    const ps = tree.locator('[data-name="powershell.exe"]').first();
    await ps.getByTestId('ptree-toggle').first().click();
    const attributed = ps.getByTestId('ptree-attributed').filter({ hasText: 'x.dll' });
    await expect(attributed).toHaveAttribute('data-method', 'edr-connection');
    await expect(attributed).toContainText(lang === 'ja' ? '5 秒以内で一致' : 'within 5 s');
    await shootWidths(page, info, `process-tree-${lang}`);
    await page.setViewportSize({ width: 1366, height: 768 });

    // A tree node opens its event.
    await tree.locator('[data-name="WINWORD.EXE"] .ptree-name').first().click();
    await page.getByTestId('side-detail').click();
    await expect(page.getByTestId('event-detail')).toContainText('WINWORD.EXE');

    // From the incident view: a chain step selects its event; its tree is one tab away.
    await page.getByTestId('tab-incident').click();
    await page.getByTestId('run-detection').click();
    const execution = page.locator('[data-testid="chain-node"][data-stage="execution"]').first();
    await expect(execution).toBeVisible({ timeout: 30_000 });
    await execution.click();
    await page.getByTestId('side-tree').click();
    await expect(tree.locator('[data-focus]').first()).toBeVisible();
    await expect(tree.getByTestId('ptree-node').first()).toHaveAttribute('data-name', 'explorer.exe');
    await page.screenshot({ path: info.outputPath(`process-tree-incident-${lang}.png`) });
  });
}
