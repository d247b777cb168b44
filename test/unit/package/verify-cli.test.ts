// `tracelight verify F.zip` as a user runs it: exit 0 intact, 1 altered (each problem named on
// stderr), 2 unreadable or hostile (one line).
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tracelight } from '../helpers/cli';
import { buildPackagedCase, JAPANESE_EVIDENCE, readEntries, writeEntries, type PackagedCase } from './package-fixture';

describe('tracelight verify PACKAGE', () => {
  let dir: string;
  let pkg: PackagedCase;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tracelight-verify-cli-'));
    pkg = await buildPackagedCase(dir);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 on an intact package and says what it checked', () => {
    const r = tracelight(['verify', pkg.packagePath]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('package of case インシデント 2026-041 (CSIRT-2026-041)');
    expect(r.stdout).toMatch(/^ok +SHA256SUMS +13 files match$/m);
    expect(r.stdout).toMatch(/^ok +custody log +\d+ entries, chain intact$/m);
    expect(r.stdout).toMatch(/^package intact: 14 files; custody log \d+ entries, head [0-9a-f]{64}$/m);
    const json = JSON.parse(tracelight(['verify', pkg.packagePath, '--json']).stdout) as { ok: boolean; manifest: { evidence: { originalName: string }[] } };
    expect(json.ok).toBe(true);
    expect(json.manifest.evidence[0]!.originalName).toBe(JAPANESE_EVIDENCE);
  });

  it('exits 1 naming a changed, a removed and an added file', async () => {
    const entries = await readEntries(pkg.packagePath);
    const evidence = `data/evidence/EX-001_${JAPANESE_EVIDENCE}`;
    entries.get(evidence)![0] ^= 0x20;
    entries.delete('data/report/workbook.xlsx');
    entries.set('data/report/extra.pdf', Buffer.from('%PDF-1.4 planted'));
    const bad = path.join(dir, 'bad.zip');
    await writeEntries(bad, entries);
    const r = tracelight(['verify', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^FAILED +SHA256SUMS/m);
    expect(r.stdout).toMatch(/^package ALTERED: \d+ problem\(s\)$/m);
    expect(r.stderr).toContain(`bad.zip: changed: ${evidence}: SHA-256`);
    expect(r.stderr).toContain('bad.zip: missing: data/report/workbook.xlsx: listed in SHA256SUMS but not in the package');
    expect(r.stderr).toContain('bad.zip: added: data/report/extra.pdf: in the package but not listed in SHA256SUMS');
  });

  it('exits 2 with one line for a file that is not a zip, a hostile zip, or no package at all', async () => {
    const notZip = path.join(dir, 'not.zip');
    writeFileSync(notZip, 'hello');
    let r = tracelight(['verify', notZip]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tracelight: .*not\.zip: not a readable zip \(.+\)\n$/);

    const entries = await readEntries(pkg.packagePath);
    entries.set('data/xx/evil.sh', Buffer.from('#!/bin/sh\n'));
    const hostile = path.join(dir, 'hostile.zip');
    await writeEntries(hostile, entries);
    writeFileSync(hostile, Buffer.from(readFileSync(hostile).toString('latin1').split('data/xx/evil.sh').join('data/../evil.sh'), 'latin1'));
    r = tracelight(['verify', hostile]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`tracelight: ${hostile}: refused: entry "data/../evil.sh": ".." path component (traversal outside the archive)\n`);

    const other = path.join(dir, 'other.zip');
    await writeEntries(other, new Map([['readme.txt', Buffer.from('just a zip')]]));
    r = tracelight(['verify', other]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a Tracelight evidence package');

    r = tracelight(['verify', path.join(dir, 'absent.zip')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/absent\.zip: no such package/);
  });
});
