// Shared steps of the investigation specs: a case with the small multi-source incident, in
// the language asked for, and screenshots at the two widths the workspace must fit.
import path from 'node:path';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { REPO_ROOT } from './serve-fixture';
import { createCase, dropFiles } from './workbench-helpers';

export const INCIDENT = path.join(REPO_ROOT, 'test/fixtures/e2e-incident');
export const INCIDENT_FILES = ['DeviceProcessEvents.csv', 'DeviceNetworkEvents.csv', 'squid_access.log'].map((f) => path.join(INCIDENT, f));

/** Sets the UI language before the page's scripts run (the language provider reads it at start). */
export async function useLanguage(page: Page, lang: 'en' | 'ja'): Promise<void> {
  await page.addInitScript((l) => window.localStorage.setItem('tracelight.lang', l), lang);
}

export async function openIncidentCase(page: Page, url: string, name: string): Promise<void> {
  await createCase(page, url, { name, examiner: '山本 彩' });
  await dropFiles(page, INCIDENT_FILES);
  await expect(page.getByTestId('evidence-row')).toHaveCount(3, { timeout: 30_000 });
  await expect(page.getByTestId('timeline-count')).toHaveAttribute('data-count', '27', { timeout: 30_000 });
}

/** The row of an event by a text it shows (the grid renders only rows in view). */
export function rowWith(page: Page, text: string | RegExp) {
  return page.getByTestId('timeline-row').filter({ hasText: text }).first();
}

/** Screenshots of the whole window at 1366x768 and 1920x1080. */
export async function shootWidths(page: Page, info: TestInfo, name: string): Promise<void> {
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(150);
    await page.screenshot({ path: info.outputPath(`${name}-${w}.png`) });
  }
}
