// What goes wrong reads in Japanese in a Japanese UI, with the evidence's own values as written:
// an indicator file's skipped entries and an indicator file with none, the reasons records were
// rejected, a column-mapping problem, and a case another examiner holds (the read-only reason and
// the refusal of a write). Screenshots at 1366 and 1920 px, in Japanese and in English.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { REPO_ROOT, startServe, test } from './serve-fixture';
import { shootWidths, useLanguage } from './investigate-helpers';
import { createCase, dropFiles } from './workbench-helpers';

const FEED = 'type,value,comment\nip,198.51.100.7,C2 サーバー\nemail,攻撃者@example.com,フィッシング\nip,,空の行\n';
const NO_INDICATORS = JSON.stringify({ type: 'bundle', id: 'bundle--1', objects: [{ type: 'indicator', id: 'indicator--1', name: 'ファイル名だけ', pattern_type: 'stix', pattern: "[file:name = '請求書.doc']" }] });
// A proxy log as the fixture wrote it, with two damaged lines after its first records.
const SQUID_LINES = readFileSync(path.join(REPO_ROOT, 'test/fixtures/e2e-incident/squid_access.log'), 'utf8').split('\n').filter((l) => l !== '');
const SQUID = [...SQUID_LINES.slice(0, 6), 'きのう 1 2 3 4 5 6 7 8 9 10', '壊れた 行', ...SQUID_LINES.slice(6)].join('\n') + '\n';
const UNKNOWN_CSV = '日時,端末,備考\n2026/10/05 9:12:41,PC-01,a\n2026/10/05 9:13:02,PC-02,b\n';

for (const lang of ['ja', 'en'] as const) {
  test(`indicator files, rejects and a mapping problem read in the UI's language (${lang})`, async ({ page, serve }, info) => {
    const ja = lang === 'ja';
    await useLanguage(page, lang);
    await page.setViewportSize({ width: 1366, height: 768 });
    await createCase(page, serve.url, { name: `エラー表示 ${lang}`, timezone: 'Asia/Tokyo' });

    // An indicator feed with rows that are not indicators: kept, and the skipped rows say why.
    await dropFiles(page, [{ name: 'c2-feed.csv', data: FEED }]);
    const skipped = page.getByTestId('ingest-indicator-skipped');
    await expect(skipped).toBeVisible({ timeout: 20_000 });
    await skipped.locator('summary').click();
    await expect(skipped).toContainText(ja ? '2 件の項目を読み飛ばしました' : '2 entries skipped');
    await expect(skipped).toContainText(ja ? '3 行目: type/value/comment 列に IP アドレス・ドメイン・URL・ハッシュがありません' : 'line 3: no IP, domain, URL or hash in the type/value/comment columns');

    // A STIX bundle whose only indicator is a file name: nothing to match, the row says why.
    await dropFiles(page, [{ name: 'ファイル名.stix.json', data: NO_INDICATORS }]);
    const error = page.getByTestId('ingest-error').filter({ hasText: 'ファイル名.stix.json' });
    await expect(error).toContainText(
      ja ? '指標が見つかりません(1 番目のオブジェクト: 指標「ファイル名だけ」: file:name の比較はイベントとの照合に使いません)' : 'no indicators found (object 1: indicator "ファイル名だけ": comparison on file:name is not matched against events)',
      { timeout: 20_000 },
    );
    await shootWidths(page, info, `indicator-${lang}`);

    // A proxy log with two damaged lines: the rejects dialog gives each reason.
    await dropFiles(page, [{ name: 'access.log', data: SQUID }]);
    await expect(page.getByTestId('ingest-row').filter({ hasText: 'access.log' })).toHaveAttribute('data-phase', 'done', { timeout: 20_000 });
    await page.getByTestId('tab-evidence').click();
    const row = page.getByTestId('evidence-row').filter({ hasText: 'access.log' });
    await row.getByTestId('evidence-rejected').click({ timeout: 20_000 });
    const rejects = page.getByTestId('rejects-dialog');
    await expect(rejects.getByTestId('reject-row')).toHaveCount(2);
    const reasons = rejects.getByTestId('reject-reason');
    await expect(reasons.nth(0)).toHaveText(ja ? 'タイムスタンプ「きのう」が不正です(1691514939.857 のようなエポック秒を想定)' : 'bad timestamp "きのう" (expected epoch seconds like 1691514939.857)');
    await expect(reasons.nth(1)).toHaveText(
      ja ? 'Squid ネイティブ形式なら空白区切りのフィールドが 10 個以上のはずが 2 個です' : 'expected at least 10 space-separated fields (Squid native format), found 2',
    );
    await shootWidths(page, info, `rejects-${lang}`);
    await rejects.getByRole('button').first().click();
    await expect(rejects).toBeHidden();
    await page.getByTestId('tab-timeline').click();

    // A file no format knows: the mapping dialog; a zone that does not exist is refused.
    await dropFiles(page, [{ name: '端末ログ.csv', data: UNKNOWN_CSV }]);
    const dialog = page.getByTestId('mapping-dialog');
    await expect(dialog).toBeVisible({ timeout: 20_000 });
    await expect(dialog.getByTestId('mapping-preview-row').first()).toContainText('2026-10-05T00:12:41.000Z');
    await dialog.getByTestId('mapping-zone').fill('Asia/東京');
    const problem = dialog.getByTestId('mapping-preview').locator('.error-text');
    await expect(problem).toHaveText(ja ? '列の対応付け: 不明なタイムゾーン "Asia/東京"' : 'column mapping: unknown time zone "Asia/東京"', { timeout: 10_000 });
    // Without a time column the dialog says what is missing, in the UI's language.
    const timeColumn = dialog.getByTestId('mapping-column').and(dialog.locator('[data-source="日時"]'));
    await timeColumn.getByTestId('mapping-target').selectOption('extra');
    await expect(dialog.getByTestId('mapping-problem')).toHaveText(
      ja ? '時刻を保持する列(または日付の列)を選んでください。' : 'Choose the column that holds the time (or a date column).',
    );
    await shootWidths(page, info, `mapping-${lang}`);
  });

  test(`a case another examiner holds: the reason and a refused write read in the UI's language (${lang})`, async ({ page, serve }, info) => {
    const ja = lang === 'ja';
    const casePath = path.join(serve.workspace, '共有事案.tlcase');
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'bin/tracelight.mjs'), 'ingest', casePath, path.join(REPO_ROOT, 'test/fixtures/e2e-incident/squid_access.log'), '--examiner', 'A']);
    const holder = await startServe(['--case', casePath, '--examiner', '最初の担当者']);
    try {
      await useLanguage(page, lang);
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(serve.url);
      await page.getByTestId('examiner-name').fill('二人目');
      await page.getByTestId('case-entry').filter({ hasText: '共有事案' }).getByTestId('case-open').click();
      const reason = page.getByTestId('read-only-reason');
      await expect(reason).toContainText(ja ? '最初の担当者 さんが' : 'opened by 最初の担当者 on');
      // A file dropped on it anyway: the engine refuses the write, and the refusal is shown.
      await dropFiles(page, [{ name: 'more.log', data: SQUID }]);
      const refused = page.getByTestId('ingest-error').first();
      await expect(refused).toContainText(ja ? 'この事案は読み取り専用です。理由: 最初の担当者 さんが' : 'case is read-only: opened by 最初の担当者 on', { timeout: 20_000 });
      await shootWidths(page, info, `read-only-${lang}`);
    } finally {
      await holder.stop();
    }
  });
}
