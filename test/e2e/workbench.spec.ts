import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { SAMPLES, test } from './serve-fixture';
import { createCase, dropFiles } from './workbench-helpers';

const FILES = [
  path.join(SAMPLES, 'squid_native/logscale_squid_access.log'),
  path.join(SAMPLES, 'fortigate_kv/crowdsec_fortinet-vpn-bf.log'),
  path.join(SAMPLES, 'carbonblack_edr_json/cbedr_bus_watchlist.hit.process.jsonl'),
];

test('drop three sample files in the browser: counts, hashes, timeline and event detail', async ({ page, serve }, info) => {
  await createCase(page, serve.url, { name: '請求書 事件 2026', timezone: 'Asia/Tokyo' });
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

test('a binary file dropped with a good log: the log lands, the binary is refused with its reason', async ({ page, serve }, info) => {
  await createCase(page, serve.url, { name: 'mixed drop', timezone: 'Asia/Tokyo' });
  const junk = Buffer.from(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
  await dropFiles(page, [{ name: 'dump.bin', data: junk }]);
  await dropFiles(page, [FILES[0]!]);
  await expect(page.getByTestId('ingest-error')).toContainText('binary file', { timeout: 15_000 });
  await expect(page.getByTestId('evidence-row')).toHaveCount(1);
  await page.screenshot({ path: info.outputPath('refused.png'), fullPage: true });
});

test('serve refuses requests without the token', async ({ request, serve }) => {
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
