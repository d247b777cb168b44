import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SAMPLES, startServe, type ServeHandle } from './serve-fixture';

const FILES = [
  path.join(SAMPLES, 'squid_native/logscale_squid_access.log'),
  path.join(SAMPLES, 'fortigate_kv/crowdsec_fortinet-vpn-bf.log'),
  path.join(SAMPLES, 'carbonblack_edr_json/cbedr_bus_watchlist.hit.process.jsonl'),
];

let serve: ServeHandle;
test.beforeEach(async () => {
  serve = await startServe();
});
test.afterEach(async () => {
  await serve.stop();
});

/** Drops files on the window the way a user's drag from the file manager does. */
async function dropFiles(page: Page, files: string[]): Promise<void> {
  const payload = files.map((f) => ({ name: path.basename(f), data: readFileSync(f).toString('base64') }));
  await page.evaluate((items) => {
    const dt = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.data), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], item.name, { type: 'text/plain' }));
    }
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  }, payload);
}

async function createCase(page: Page, name: string): Promise<void> {
  await page.goto(serve.url);
  await page.getByTestId('new-case-name').fill(name);
  await page.getByTestId('new-case-timezone').fill('Asia/Tokyo');
  await page.getByTestId('new-case-submit').click();
  await expect(page.getByTestId('case-name')).toContainText(name);
}

test('drop three sample files in the browser: counts, hashes, timeline and event detail', async ({ page }, info) => {
  await createCase(page, '請求書 事件 2026');
  await dropFiles(page, FILES);

  const rows = page.getByTestId('evidence-row');
  await expect(rows).toHaveCount(3, { timeout: 30_000 });
  const expected = [
    { name: 'logscale_squid_access.log', format: 'squid', events: 5 },
    { name: 'crowdsec_fortinet-vpn-bf.log', format: 'fortigate', events: 9 },
    { name: 'cbedr_bus_watchlist.hit.process.jsonl', format: 'carbonblack-edr' },
  ];
  for (const [i, file] of FILES.entries()) {
    const row = rows.filter({ has: page.getByText(expected[i]!.name, { exact: true }) });
    await expect(row.getByTestId('evidence-format')).toHaveText(expected[i]!.format);
    const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
    const md5 = createHash('md5').update(readFileSync(file)).digest('hex');
    await expect(row.getByTestId('evidence-sha256')).toContainText(sha256);
    await expect(row.getByTestId('evidence-md5')).toContainText(md5);
    if (expected[i]!.events !== undefined) {
      await expect(row.getByTestId('evidence-events')).toHaveAttribute('data-count', String(expected[i]!.events));
    }
  }
  await page.screenshot({ path: info.outputPath('evidence.png'), fullPage: true });

  // The timeline shows every event in time order; open the Squid record of 17:15:39.857Z.
  const timeline = page.getByTestId('timeline');
  const squidRow = timeline.getByTestId('timeline-row').filter({ hasText: '2023-08-08T17:15:39.857Z' });
  await expect(squidRow).toHaveCount(1, { timeout: 15_000 });
  await squidRow.click();
  const detail = page.getByTestId('event-detail');
  await expect(detail.getByTestId('event-original')).toContainText('1691514939.857     68 172.16.1.21 TCP_MISS/200');
  await expect(detail.getByTestId('event-provenance')).toContainText('logscale_squid_access.log');
  await expect(detail.getByTestId('event-provenance')).toContainText('squid');
  await page.screenshot({ path: info.outputPath('detail.png'), fullPage: true });
});

test('a binary file dropped with a good log: the log lands, the binary is refused with its reason', async ({ page }, info) => {
  await createCase(page, 'mixed drop');
  await page.evaluate(() => {
    const dt = new DataTransfer();
    const junk = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    dt.items.add(new File([junk], 'dump.bin'));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  });
  await dropFiles(page, [FILES[0]!]);
  await expect(page.getByTestId('ingest-error')).toContainText('binary file', { timeout: 15_000 });
  await expect(page.getByTestId('evidence-row')).toHaveCount(1);
  await page.screenshot({ path: info.outputPath('refused.png'), fullPage: true });
});

test('serve refuses requests without the token', async ({ request }) => {
  const bare = await request.get(`${serve.origin}/`, { failOnStatusCode: false });
  expect(bare.status()).toBe(401);
  const wrong = await request.get(`${serve.origin}/?token=nope`, { failOnStatusCode: false });
  expect(wrong.status()).toBe(403);
  const upload = await request.put(`${serve.origin}/upload?name=x.log`, { data: 'x', failOnStatusCode: false });
  expect(upload.status()).toBe(401);
  const ok = await request.get(`${serve.origin}/`, { headers: { Authorization: `Bearer ${serve.token}` } });
  expect(ok.status()).toBe(200);
  expect(ok.headers()['content-security-policy']).toContain("script-src 'self'");
});
