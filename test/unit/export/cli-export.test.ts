import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock } from '../../../electron/engine/custody/lock';
import { resolveExport } from '../../../electron/cli/serve/export-download';
import { exportsDirFor } from '../../../electron/engine/export/exports-dir';
import { tracelight } from '../helpers/cli';
import { samplePath } from '../helpers/samples';
import { tempDir } from '../helpers/tmp';

function squidCase(): { dir: string; casePath: string; evidence: string } {
  const dir = tempDir();
  const evidence = path.join(dir, 'access.log');
  copyFileSync(samplePath('squid_native', 'logscale_squid_access.log'), evidence);
  const casePath = path.join(dir, 'c.tlcase');
  expect(tracelight(['ingest', casePath, evidence, '--examiner', 'A']).code).toBe(0);
  return { dir, casePath, evidence };
}

// Each test runs the built CLI several times; on a loaded machine that takes a while.
const SLOW = 180_000;

describe('tracelight export', () => {
  it('writes every requested file and prints sha256sum lines that `sha256sum -c` accepts', () => {
    const { dir, casePath } = squidCase();
    const out = (n: string) => path.join(dir, n);
    const r = tracelight(['export', casePath, '--pdf', out('r.pdf'), '--xlsx', out('w.xlsx'), '--csv', out('t.csv'), '--timesketch', out('t.jsonl'), '--lang', 'ja']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split('  ')[1])).toEqual([out('r.pdf'), out('w.xlsx'), out('t.csv'), out('t.jsonl')]);
    const check = spawnSync('sha256sum', ['-c'], { input: r.stdout, encoding: 'utf8' });
    expect(check.status).toBe(0);
    const custody = JSON.parse(tracelight(['custody', casePath, '--json']).stdout) as { entries: { action: string; details: { kind: string } }[] };
    expect(custody.entries.filter((e) => e.action === 'export.created').map((e) => e.details.kind)).toEqual(['pdf', 'xlsx', 'csv', 'timesketch']);
  }, SLOW);

  it('keeps existing files unless --force, and never writes over the case or its evidence', () => {
    const { dir, casePath, evidence } = squidCase();
    const pdf = path.join(dir, 'r.pdf');
    writeFileSync(pdf, 'keep me');
    let r = tracelight(['export', casePath, '--pdf', pdf]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`tracelight: ${pdf}: file exists (use --force to replace it)\n`);
    expect(readFileSync(pdf, 'utf8')).toBe('keep me');
    expect(tracelight(['export', casePath, '--pdf', pdf, '--force', '--no-detection']).code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const before = readFileSync(evidence);
    r = tracelight(['export', casePath, '--csv', evidence, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refusing to write the csv export over the case or an evidence file');
    expect(readFileSync(evidence).equals(before)).toBe(true);
    expect(tracelight(['export', casePath, '--xlsx', casePath, '--force']).code).toBe(2);
  }, SLOW);

  it('explains bad usage in one line with exit 2', () => {
    const { dir, casePath } = squidCase();
    const cases: [string[], string][] = [
      [['export', casePath], 'export needs at least one of --pdf'],
      [['export', casePath, '--pdf', path.join(dir, 'x.pdf'), '--lang', 'fr'], 'invalid --lang "fr"'],
      [['export', casePath, '--pdf', path.join(dir, 'missing', 'x.pdf')], 'does not exist'],
      [['export', casePath, '--pdf', path.join(dir, 'a'), '--csv', path.join(dir, 'a')], 'would write the same file'],
      [['export', path.join(dir, 'none.tlcase'), '--pdf', path.join(dir, 'x.pdf')], 'no such case file'],
    ];
    for (const [args, message] of cases) {
      const r = tracelight(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(r.stderr).toContain(message);
    }
  }, SLOW);

  it('exports a case another Tracelight holds, says the exports are not recorded, and prints the hashes', () => {
    const { dir, casePath } = squidCase();
    const lock = acquireLock(path.resolve(casePath), 'Other examiner');
    expect(lock.acquired).toBe(true);
    try {
      const csv = path.join(dir, 't.csv');
      const r = tracelight(['export', casePath, '--csv', csv]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^[0-9a-f]{64}  ${csv}\\n$`));
      expect(r.stderr).toMatch(/case is read-only .*not recorded in its custody log/);
      expect(existsSync(csv)).toBe(true);
    } finally {
      if (lock.acquired) lock.release();
    }
  }, SLOW);
});

describe('serve: /exports/ downloads', () => {
  it('serves only plain files directly inside the open case’s exports folder', () => {
    const dir = tempDir();
    const casePath = path.join(dir, 'case.tlcase');
    const exports = exportsDirFor(casePath);
    mkdirSync(exports);
    writeFileSync(path.join(exports, '事案_report.pdf'), '%PDF-');
    writeFileSync(path.join(dir, 'secret.txt'), 'no');
    symlinkSync(path.join(dir, 'secret.txt'), path.join(exports, 'link.pdf'));
    expect(resolveExport(casePath, `/exports/${encodeURIComponent('事案_report.pdf')}`)).toBe(path.join(exports, '事案_report.pdf'));
    for (const bad of ['/exports/..%2Fsecret.txt', '/exports/../secret.txt', '/exports/%2e%2e%2fsecret.txt', '/exports/link.pdf', '/exports/', '/exports/.hidden', '/exports/a%5C..%5Csecret.txt', '/exports/%E0%A4%A']) {
      expect(resolveExport(casePath, bad), bad).toBeNull();
    }
    expect(resolveExport(undefined, '/exports/事案_report.pdf')).toBeNull();
  });
});
