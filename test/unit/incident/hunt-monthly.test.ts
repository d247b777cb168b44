// Retro-hunt across cases (read-only, verified by the case files' hashes) and the monthly
// report over four cases of two months (only the month asked counts), its PDF read back through
// pdftotext in both languages and its XLSX read back with exceljs.
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { HuntHit, MonthlyReport } from '../../../electron/common/incident';
import { fileHashes } from '../helpers/hash';
import { buildCases, cli, cliJson, PHISH_HOST, PHISH_TIME, PHISH_URL, PHISH_USER } from './cases';

const { dir, cases } = await buildCases(['scenario-a', 'scenario-b', 'e2e', 'phish']);

describe('retro-hunt', () => {
  it('finds the one access to a newly reported phishing URL across three cases, changing none of them', () => {
    const folder = path.join(dir, 'hunt');
    execFileSync('mkdir', ['-p', folder]);
    for (const n of ['scenario-a', 'scenario-b', 'phish'] as const) execFileSync('cp', [cases[n], path.join(folder, `${n}.tlcase`)]);
    const ioc = path.join(dir, 'new-report.txt');
    // The new report: the URL (defanged, as reports write it) and an address no case has seen.
    writeFileSync(ioc, `${encodeURI(PHISH_URL).replace('http', 'hxxp').replace('secure-docs.example', 'secure-docs[.]example')}\n203.0.113.250\n`);
    const before = Object.fromEntries(readdirSync(folder).map((f) => [f, fileHashes(path.join(folder, f)).sha256]));

    const r = cliJson<{ hits: HuntHit[] }>(['hunt', folder, '--ioc', ioc]);
    expect(r.hits).toHaveLength(1);
    expect(r.hits[0]).toMatchObject({
      case: path.join(folder, 'phish.tlcase'),
      indicator: encodeURI(PHISH_URL),
      host: null,
      src_ip: PHISH_HOST,
      user: PHISH_USER,
      time: PHISH_TIME,
      event_id: 2,
    });
    // Nothing written, nothing left behind (no lock, no journal, no working copy).
    const after = Object.fromEntries(readdirSync(folder).map((f) => [f, fileHashes(path.join(folder, f)).sha256]));
    expect(after).toEqual(before);
  });

  it("hunts with another case's confirmed indicators; a missing indicator file is one clear error", () => {
    const A = cases['scenario-a'];
    expect(cli(['iocs', A, '--confirm', '198.51.100.23', '--examiner', 'x']).code).toBe(0);
    const r = cliJson<{ hits: HuntHit[] }>(['hunt', dir, '--ioc', A]);
    expect(new Set(r.hits.map((h) => path.basename(h.case)))).toEqual(new Set(['scenario-a.tlcase']));
    expect(r.hits.every((h) => h.indicator === '198.51.100.23')).toBe(true);
    const bad = cli(['hunt', dir, '--ioc', path.join(dir, 'nope.txt')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('nope.txt');
  });
});

describe('monthly report', () => {
  const folder = path.join(dir, 'month');
  it('counts only the incidents of the month asked', () => {
    execFileSync('mkdir', ['-p', folder]);
    for (const n of ['scenario-a', 'scenario-b', 'e2e', 'phish'] as const) execFileSync('cp', [cases[n], path.join(folder, `${n}.tlcase`)]);
    const B = path.join(folder, 'scenario-b.tlcase');
    cli(['incident', B, '--severity', 'critical', '--reason', '横展開と大量送信', '--examiner', '山田']);
    cli(['incident', B, '--phase', 'containment', '--reason', '隔離済み', '--examiner', '山田']);
    cli(['incident', B, '--phase', 'closed', '--reason', '復旧完了', '--examiner', '山田']);

    const oct = cliJson<MonthlyReport>(['report', 'monthly', folder, '--month', '2026-10']);
    expect(oct.cases.map((c) => path.basename(c.case)).sort()).toEqual(['phish.tlcase', 'scenario-a.tlcase']);
    expect(oct.totals.by_type).toMatchObject({ emotet: 1, 'phishing-access': 1, 'web-attack': 0, other: 0 });
    expect(oct.phishing_access.find((a) => a.user === PHISH_USER)).toMatchObject({ src_ip: PHISH_HOST, time: PHISH_TIME });
    expect(oct.totals.infected_hosts).toBe(2);

    const nov = cliJson<MonthlyReport>(['report', 'monthly', folder, '--month', '2026-11']);
    expect(nov.cases.map((c) => path.basename(c.case)).sort()).toEqual(['e2e.tlcase', 'scenario-b.tlcase']);
    const b = nov.cases.find((c) => c.case === B)!;
    expect(b).toMatchObject({ type: 'emotet', severity: 'critical', phase: 'closed' });
    expect(b.attackers).toContain('192.0.2.77');
    expect(nov.totals.by_severity).toMatchObject({ critical: 1, unset: 1 });
    expect(nov.totals.by_phase).toMatchObject({ closed: 1, detection: 1 });
    expect(nov.totals.time_to_contain.count).toBe(1);
    expect(nov.totals.time_to_close.count).toBe(1);
    // Detection time: the first sign (2026-11-10) to the case being opened.
    expect(nov.totals.time_to_detect.worst_hours).toBeGreaterThan(0);
    expect(cliJson<MonthlyReport>(['report', 'monthly', folder, '--month', '2026-09']).cases).toEqual([]);
  });

  it('writes the PDF in Japanese and in English (read back with pdftotext) and the XLSX (read back with exceljs)', async () => {
    const ja = path.join(dir, 'monthly-ja.pdf');
    const en = path.join(dir, 'monthly-en.pdf');
    const xlsx = path.join(dir, 'monthly.xlsx');
    expect(cli(['report', 'monthly', folder, '--month', '2026-10', '--pdf', ja, '--xlsx', xlsx, '--lang', 'ja']).code).toBe(0);
    expect(cli(['report', 'monthly', folder, '--month', '2026-10', '--pdf', en, '--lang', 'en']).code).toBe(0);
    const jaText = execFileSync('pdftotext', ['-layout', ja, '-'], { encoding: 'utf8' });
    expect(jaText).toContain('月次インシデント報告 2026年10月');
    expect(jaText).toContain('Emotet型感染');
    expect(jaText).toContain('フィッシングサイトへのアクセス');
    expect(jaText).toContain('封じ込めまでの時間');
    expect(jaText).toContain(PHISH_USER);
    expect(jaText).not.toContain('scenario-b');
    const enText = execFileSync('pdftotext', ['-layout', en, '-'], { encoding: 'utf8' });
    expect(enText).toContain('Monthly incident report 2026-10');
    expect(enText).toContain('Time to contain');
    // A long host name may wrap inside its table cell; the reading-order text joins it again.
    const enFlow = execFileSync('pdftotext', [en, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(enFlow).toContain('wks-acct-07.acme.local');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概要', 'インシデント一覧', 'フィッシングアクセス', '主な指標']);
    const list = wb.getWorksheet('インシデント一覧')!;
    expect(list.rowCount).toBe(3);
    const names = [list.getRow(2).getCell(1).value, list.getRow(3).getCell(1).value];
    expect(names.sort()).toEqual(['phish', 'scenario-a']);
    const access = wb.getWorksheet('フィッシングアクセス')!;
    const rows = access.getSheetValues().slice(2) as unknown[][];
    expect(rows.some((r) => r[4] === PHISH_USER && String(r[5]).startsWith('http://secure-docs.example/'))).toBe(true);
    expect(wb.getWorksheet('概要')!.getRow(3).getCell(2).value).toBe(2);
  });
});
