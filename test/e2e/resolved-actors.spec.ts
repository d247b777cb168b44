// Machines known only by their address, named through EDR evidence, in the incident view:
// scenario A's Squid and FortiGate logs plus Defender's browser connections (which say which
// host had which address). Patient zero and each infected host read "10.20.30.47, resolved to
// wks-acct-07.acme.local from edr-browsing.csv (defender-hunting-csv)".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { REPO_ROOT, test } from './serve-fixture';
import { createCase, dropFiles } from './workbench-helpers';

const A = path.join(REPO_ROOT, 'test/fixtures/incidents/scenario-a');
const defender = readFileSync(path.join(A, 'DeviceNetworkEvents.csv'), 'utf8').split(/\r?\n/);
const browsing = [defender[0], ...defender.filter((l) => l.includes(',msedge.exe,'))].join('\n') + '\n';

test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1600, height: 1200 } });

test('an address resolved to a host is shown as such, with the evidence that resolved it', async ({ page, serve }, info) => {
  // FortiGate writes Tokyo wall-clock time without a zone: the case's zone says which.
  await createCase(page, serve.url, { name: '請求書マルウェア（ネットワークのみ）', examiner: '山本 彩', timezone: 'Asia/Tokyo' });
  await dropFiles(page, [path.join(A, 'squid-access.log'), path.join(A, 'fortigate-traffic.log'), { name: 'edr-browsing.csv', data: browsing }]);
  await expect(page.getByTestId('evidence-row')).toHaveCount(3, { timeout: 30_000 });
  await page.getByTestId('tab-incident').click();
  const story = page.getByTestId('story');
  await story.getByTestId('run-detection').click();

  const pz = story.getByTestId('patient-zero');
  await expect(story.getByTestId('patient-zero-host')).toHaveText('wks-acct-07.acme.local', { timeout: 30_000 });
  await expect(pz.getByTestId('resolved-note')).toHaveText('10.20.30.47, resolved to wks-acct-07.acme.local from edr-browsing.csv (defender-hunting-csv)');
  const hosts = story.getByTestId('infected-host');
  await expect(hosts).toHaveCount(2);
  await expect(hosts.nth(1).getByTestId('resolved-note')).toHaveText('10.20.30.53, resolved to wks-sales-03.acme.local from edr-browsing.csv (defender-hunting-csv)');
  await expect(story.getByTestId('chain-timeline').first().getByTestId('resolved-note')).toContainText('10.20.30.47, resolved to');
  await story.getByTestId('incident-summary').screenshot({ path: info.outputPath('resolved-summary-en.png') });

  // The Japanese UI says the same in its own words.
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(pz.getByTestId('resolved-note')).toHaveText('10.20.30.47（edr-browsing.csv (defender-hunting-csv) の記録から wks-acct-07.acme.local と判定）');
  await story.getByTestId('incident-summary').screenshot({ path: info.outputPath('resolved-summary-ja.png') });
});
