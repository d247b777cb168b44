// The generic importer in the browser: a CSV no format knows is dropped, the column-mapping
// dialog proposes its timestamp column, the examiner corrects the host column, saves the
// mapping, ingests, and the events are in the timeline with the corrected host.
import { expect } from '@playwright/test';
import { test } from './serve-fixture';
import { createCase, dropFiles } from './workbench-helpers';

// ホスト名 is the proxy appliance that wrote the log; the client's terminal is in 端末ID.
const CSV =
  '\ufeff日時,ホスト名,端末ID,ユーザー名,送信元IP,宛先IP,URL,備考\r\n' +
  '2026/10/05 9:12:41,proxy01,PC-01,CORP\\tanaka,10.0.0.5,203.0.113.9,http://evil.example/請求書.doc,"=cmd|\' /C calc\'!A0"\r\n' +
  '2026/10/05 9:13:02,proxy01,PC-02,CORP\\suzuki,10.0.0.6,203.0.113.9,http://evil.example/a.dll,\r\n' +
  '2026/10/05 9:14:00,proxy01,PC-03,CORP\\sato,10.0.0.7,203.0.113.9,http://evil.example/b.dll,\r\n';

test('an unknown CSV: the mapping dialog proposes the time column, the host is corrected, events land in the timeline', async ({ page, serve }, info) => {
  await createCase(page, serve.url, { name: 'マッピング', timezone: 'Asia/Tokyo' });

  await dropFiles(page, [{ name: 'プロキシ抽出.csv', data: CSV }]);
  const dialog = page.getByTestId('mapping-dialog');
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  const column = (source: string) => dialog.getByTestId('mapping-column').and(dialog.locator(`[data-source="${source}"]`));
  // The proposal: 日時 is the time, read as YYYY/MM/DD; 送信元IP the source address.
  await expect(column('日時').getByTestId('mapping-target')).toHaveValue('time');
  await expect(dialog.getByTestId('mapping-time-format')).toHaveValue('ymd');
  await expect(dialog.getByTestId('mapping-time-detected')).toContainText('日時');
  await expect(column('送信元IP').getByTestId('mapping-target')).toHaveValue('src_ip');
  await expect(dialog.getByTestId('mapping-table')).toContainText('PC-01');
  // The preview reads the first rows in the case's zone.
  await expect(dialog.getByTestId('mapping-preview-row').first()).toContainText('2026-10-05T00:12:41.000Z');
  await page.screenshot({ path: info.outputPath('proposal.png'), fullPage: true });

  await expect(column('ホスト名').getByTestId('mapping-target')).toHaveValue('host');
  await expect(dialog.getByTestId('mapping-preview-row').first()).toContainText('proxy01');

  // The examiner decides the host is the terminal column: ホスト名 moves to extra.
  await column('端末ID').getByTestId('mapping-target').selectOption('host');
  await expect(column('ホスト名').getByTestId('mapping-target')).toHaveValue('extra');
  await expect(dialog.getByTestId('mapping-preview-row').first()).toContainText('PC-01');
  await dialog.getByTestId('mapping-save-name').fill('プロキシ抽出 (Excel)');
  await dialog.getByTestId('mapping-ingest').click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });

  const row = page.getByTestId('evidence-row').filter({ hasText: 'プロキシ抽出.csv' });
  await expect(row.getByTestId('evidence-format')).toHaveText('generic-csv', { timeout: 20_000 });
  await expect(row.getByTestId('evidence-events')).toHaveAttribute('data-count', '3');
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByTestId('timeline-row')).toHaveCount(3, { timeout: 15_000 });
  const first = timeline.getByTestId('timeline-row').filter({ hasText: '2026-10-05T00:12:41.000Z' });
  await expect(first).toContainText('PC-01');
  await page.screenshot({ path: info.outputPath('timeline.png'), fullPage: true });

  // The same layout dropped again: the dialog preselects the saved mapping with the correction.
  await dropFiles(page, [{ name: 'プロキシ抽出2.csv', data: CSV.replace(/2026\/10\/05/g, '2026/10/06') }]);
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(dialog.getByTestId('mapping-saved')).toHaveValue(/\d+/);
  await expect(column('端末ID').getByTestId('mapping-target')).toHaveValue('host');
  await expect(dialog.getByTestId('mapping-save-name')).toHaveValue('プロキシ抽出 (Excel)');
});
