// Cancelling an ingest from the workbench: the row's Cancel stops the engine's job; the file's
// events are rolled back, the row ends with the reason, and the registry shows one incomplete
// row that the examiner can remove.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { SAMPLES, test } from './serve-fixture';
import { createCase } from './workbench-helpers';

test('Cancel on an ingesting row rolls the file back and leaves a removable incomplete row', async ({ page, serve }, info) => {
  await createCase(page, serve.url, { name: 'cancel', timezone: 'UTC' });
  const squid = readFileSync(path.join(SAMPLES, 'squid_native/logscale_squid_access.log')).toString('base64');
  // ~192 MiB built in the page (one sample repeated), dropped like a file from the desktop:
  // large enough that the parse (where a cancel takes effect) outlasts the click on a quiet
  // machine too. A cancel after the evidence is committed cannot undo it (remove it instead).
  await page.evaluate((sample) => {
    const one = Uint8Array.from(atob(sample), (c) => c.charCodeAt(0));
    const copies = Math.ceil((192 << 20) / one.length);
    const big = new Uint8Array(one.length * copies);
    for (let i = 0; i < copies; i++) big.set(one, i * one.length);
    const dt = new DataTransfer();
    dt.items.add(new File([big], 'big_access.log', { lastModified: Date.now() }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  }, squid);
  const row = page.getByTestId('ingest-row');
  await expect(row).toHaveAttribute('data-phase', 'ingesting', { timeout: 60_000 });
  await row.getByTestId('ingest-cancel').click();
  await expect(row).toHaveAttribute('data-phase', 'error', { timeout: 30_000 });
  await expect(row.getByTestId('ingest-error')).toContainText('cancelled by the examiner');
  await page.screenshot({ path: info.outputPath('cancelled.png'), fullPage: true });
  const evidence = page.getByTestId('evidence-row');
  await expect(evidence).toHaveCount(1);
  await expect(evidence).toContainText('big_access.log');
  await expect(page.getByTestId('timeline').getByTestId('timeline-row')).toHaveCount(0);
});
