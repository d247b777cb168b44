// Ingest options chosen at drop time, per-file review, clock skew and .zip evidence in the
// workbench (issue 3), driven through `tracelight serve` in Chromium.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import yazl from 'yazl';
import { REPO_ROOT, SAMPLES, test } from './serve-fixture';
import { createCase, dropFiles } from './workbench-helpers';

const IPTABLES = path.join(SAMPLES, 'iptables_syslog/crowdsec_iptables-scan-multi-port.log');
const SQUID = path.join(SAMPLES, 'squid_native/logscale_squid_access.log');
const EUCJP = path.join(REPO_ROOT, 'test/fixtures/encodings/defender_file_events_eucjp.csv');

test('a zone chosen in the intake options applies to the dropped file and shows on its evidence row', async ({ page, serve }, info) => {
  await createCase(page, serve.url, { name: 'zone at drop', timezone: 'Asia/Tokyo' });
  await page.getByTestId('tab-evidence').click();
  await page.getByTestId('intake-options').locator('summary').click();
  await page.getByTestId('intake-default-timezone').fill('America/New_York');
  await page.getByTestId('intake-default-base-year').fill('2024');
  await expect(page.getByTestId('intake-options-summary')).toHaveText('zone America/New_York, year 2024');
  await dropFiles(page, [IPTABLES]);

  const row = page.getByTestId('evidence-row');
  await expect(row).toHaveCount(1, { timeout: 30_000 });
  await expect(row.getByTestId('evidence-timezone')).toContainText('America/New_York');
  await expect(row.getByTestId('evidence-read-options')).toContainText('year 2024 (chosen)');
  await page.getByTestId('tab-timeline').click();
  // Sep 30 10:09:23 in New York (EDT, UTC-4) is 14:09:23 UTC.
  await expect(page.getByTestId('timeline-row').first()).toContainText('2024-09-30T14:09:23.000Z', { timeout: 15_000 });
  await page.screenshot({ path: info.outputPath('zone.png'), fullPage: true });
});

test('review each file: per-file encoding and base year, defaults shown, chosen values recorded', async ({ page, serve }, info) => {
  await createCase(page, serve.url, { name: '請求書 レビュー', timezone: 'Asia/Tokyo' });
  await page.getByTestId('tab-evidence').click();
  await page.getByTestId('intake-options').locator('summary').click();
  await page.getByTestId('intake-review-toggle').check();
  await dropFiles(page, [EUCJP, { name: path.basename(IPTABLES), data: readFileSync(IPTABLES), lastModified: Date.parse('2021-06-01T00:00:00Z') }]);

  const review = page.getByTestId('intake-review');
  await expect(review.getByTestId('intake-review-file')).toHaveCount(2);
  // The base year left to the file shows the file's own modification year.
  await expect(page.getByTestId('intake-file-1-base-year')).toHaveAttribute('placeholder', '2021 (file\'s year)');
  await page.getByTestId('intake-file-0-encoding').selectOption('euc-jp');
  await page.getByTestId('intake-file-1-base-year').fill('19');
  await expect(review.getByRole('alert')).toContainText('Base year must be a year');
  await expect(page.getByTestId('intake-review-ingest')).toBeDisabled();
  await page.getByTestId('intake-file-1-base-year').fill('2019');
  await page.screenshot({ path: info.outputPath('review.png'), fullPage: true });
  await page.getByTestId('intake-review-ingest').click();

  const rows = page.getByTestId('evidence-row');
  await expect(rows).toHaveCount(2, { timeout: 30_000 });
  const csv = rows.filter({ hasText: 'defender_file_events_eucjp.csv' });
  await expect(csv.getByTestId('evidence-read-options')).toContainText('euc-jp (chosen)');
  await expect(rows.filter({ hasText: 'crowdsec_iptables' }).getByTestId('evidence-read-options')).toContainText('year 2019 (chosen)');
  // The Japanese user name read with the chosen encoding (found by the timeline's text filter).
  await page.getByTestId('tab-timeline').click();
  await page.getByTestId('query-input').fill('山田太郎');
  await page.getByTestId('query-input').press('Enter');
  await expect(page.getByTestId('timeline-count')).toHaveAttribute('data-count', '2', { timeout: 15_000 });
  await page.getByTestId('timeline-row').first().click();
  await expect(page.getByTestId('event-detail').getByTestId('event-original')).toContainText('請求書.doc');
});

test('clock skew on an evidence row shifts its events and keeps the original time', async ({ page, serve }, info) => {
  await createCase(page, serve.url, { name: 'skew', timezone: 'Asia/Tokyo' });
  await dropFiles(page, [SQUID]);
  const row = page.getByTestId('evidence-row');
  await expect(row).toHaveCount(1, { timeout: 30_000 });
  await page.getByTestId('tab-evidence').click();
  await row.getByTestId('evidence-skew-open').click();
  await page.getByTestId('clock-skew-value').fill('+01:00:00');
  await page.getByTestId('clock-skew-reason').fill('proxy clock 1 hour slow (NTP misconfigured)');
  await page.getByTestId('clock-skew-apply').click();
  await expect(row.getByTestId('evidence-skew')).toHaveText('skew +01:00:00');
  await page.getByTestId('tab-timeline').click();

  const event = page.getByTestId('timeline-row').filter({ hasText: '2023-08-08T18:15:39.857Z' });
  await expect(event).toHaveCount(1, { timeout: 15_000 });
  await event.click();
  const detail = page.getByTestId('event-detail');
  await expect(detail.getByTestId('event-fields')).toContainText('2023-08-08T17:15:39.857Z');
  await expect(detail.getByTestId('provenance-skew')).toContainText('+01:00:00');
  await page.screenshot({ path: info.outputPath('skew.png'), fullPage: true });

  await page.getByTestId('tab-custody').click();
  await expect(page.getByText('evidence.skew').first()).toBeVisible();
});

test('a dropped .zip: the archive and each log inside it become evidence; a binary entry is named as skipped', async ({ page, serve }, info) => {
  await createCase(page, serve.url, { name: 'zip', timezone: 'Asia/Tokyo' });
  const zip = new yazl.ZipFile();
  zip.addBuffer(readFileSync(SQUID), 'proxy/access.log');
  zip.addBuffer(readFileSync(IPTABLES), 'fw/kern.log');
  zip.addBuffer(Buffer.from([0, 1, 2, 0, 0, 7]), 'image.bin');
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  await dropFiles(page, [{ name: 'export.zip', data: Buffer.concat(chunks) }]);

  const rows = page.getByTestId('evidence-row');
  await expect(rows).toHaveCount(3, { timeout: 30_000 });
  await expect(rows.getByTestId('evidence-name')).toHaveText(['export.zip', 'export.zip/proxy/access.log', 'export.zip/fw/kern.log']);
  await expect(rows.getByTestId('evidence-exhibit')).toHaveText(['EX-001', 'EX-001.1', 'EX-001.2']);
  await expect(page.getByTestId('ingest-error')).toContainText('image.bin: skipped (binary file');
  // 5 Squid records and 49 kernel lines, counted across the entries.
  await expect(page.getByTestId('ingest-events')).toHaveText('54 events');
  await page.getByTestId('timeline-row').filter({ hasText: '2023-08-08T17:15:39.857Z' }).click();
  await expect(page.getByTestId('event-detail').getByTestId('provenance-entry')).toHaveText('proxy/access.log');
  await expect(page.getByTestId('event-detail').getByTestId('event-original')).toContainText('1691514939.857');
  await page.screenshot({ path: info.outputPath('zip.png'), fullPage: true });
});
