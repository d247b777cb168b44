// Evidence is hostile text. A generated access log whose request, referrer, user agent and user
// carry an <img onerror> payload, a javascript: URL, bidi controls (U+202E) and a spreadsheet
// formula is ingested in the browser; every field shows exactly as written, as text (an invisible
// control revealed as ⟨U+202E⟩ where it sits): no element
// is created from it, no script runs, no link points at javascript:.
import { expect } from '@playwright/test';
import { test } from './serve-fixture';
import { createCase, dropFiles } from './workbench-helpers';

const IMG = '<img src=x onerror="window.__pwned=1">';
const JS_URL = 'javascript:window.__pwned=2';
const BIDI = 'invoice\u202Egpj.exe';
const FORMULA = "=cmd|' /C calc'!A0";

const LINES = [
  `203.0.113.9 - ${BIDI} [05/Oct/2026:09:12:41 +0900] "GET /search?q=${encodeURIComponent('x').replace('x', IMG.replace(/ /g, '%20'))} HTTP/1.1" 200 512 "${JS_URL}" "${IMG}"`,
  `203.0.113.9 - - [05/Oct/2026:09:12:42 +0900] "GET /${FORMULA.replace(/ /g, '%20')} HTTP/1.1" 404 0 "-" "${FORMULA}"`,
];

test('hostile fields show as written and never execute', async ({ page, serve }, info) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await createCase(page, serve.url, { name: 'hostile', timezone: 'UTC' });
  await dropFiles(page, [{ name: 'access_<img src=x onerror=alert(1)>.log', data: Buffer.from(`${LINES.join('\n')}\n`) }]);
  await expect(page.getByTestId('evidence-row')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId('evidence-row')).toContainText('access_<img src=x onerror=alert(1)>.log');

  const rows = page.getByTestId('timeline').getByTestId('timeline-row');
  await expect(rows).toHaveCount(2, { timeout: 15_000 });
  await rows.first().click();
  const original = page.getByTestId('event-detail').getByTestId('event-original');
  // The record exactly as the evidence wrote it; the bidi control, which would reverse what
  // follows it on screen, is revealed where it sits (renderer/src/lib/reveal-invisibles.ts).
  const shown = (text: string) => text.replace('\u202E', '⟨U+202E⟩');
  await expect(original).toHaveText(shown(LINES[0]!));
  await expect(page.getByTestId('event-detail')).toContainText(shown(BIDI));
  await rows.nth(1).click();
  await expect(page.getByTestId('event-detail').getByTestId('event-original')).toHaveText(LINES[1]!);
  await expect(page.getByTestId('event-detail')).toContainText(FORMULA);
  await page.screenshot({ path: info.outputPath('hostile.png'), fullPage: true });

  // Nothing ran and nothing was built from the evidence.
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
});
