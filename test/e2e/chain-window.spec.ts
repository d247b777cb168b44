// The patient-zero chain window in the incident view: set beside "Run detection", used by the
// run (the patient-zero reason names it), remembered for the case after a reload, and a value
// that is no number of hours is flagged and not used. Japanese and English, 1366 and 1920 px.
import { expect } from '@playwright/test';
import { test } from './serve-fixture';
import { openIncidentCase, shootWidths, useLanguage } from './investigate-helpers';

for (const lang of ['ja', 'en'] as const) {
  test(`the chain window is set, used by the run and remembered for the case (${lang})`, async ({ page, serve }, info) => {
    const ja = lang === 'ja';
    await useLanguage(page, lang);
    await page.setViewportSize({ width: 1366, height: 768 });
    await openIncidentCase(page, serve.url, `時間幅 ${lang}`);
    await page.getByTestId('tab-incident').click();
    const field = page.getByTestId('chain-window');
    await expect(field).toHaveValue('24');

    await field.fill('abc');
    await expect(page.getByTestId('chain-window-problem')).toBeVisible();
    await field.fill('72');
    await expect(page.getByTestId('chain-window-problem')).toHaveCount(0);
    await page.getByTestId('run-detection').click();
    const reason = page.getByTestId('patient-zero-reason');
    await expect(reason).toContainText(ja ? '判定の時間幅 72 時間' : 'window 72 h', { timeout: 30_000 });
    await shootWidths(page, info, `chain-window-${lang}`);

    // Reopened, the case keeps its window.
    await page.reload();
    await page.getByTestId('tab-incident').click();
    await expect(page.getByTestId('chain-window')).toHaveValue('72');
  });
}
