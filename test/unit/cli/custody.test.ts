// Contract 1 for chain of custody: tag, custody, verify, evidence — run as the built CLI.
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tracelight } from '../helpers/cli';
import { samplePath } from '../helpers/samples';
import { tempDir } from '../helpers/tmp';

const SQUID = samplePath('squid_native', 'logscale_squid_access.log');
const NOTE = 'ランサムウェア配布元への HTTP 通信。証拠として保全済み';

function ingested(dir: string, examiner = '山田 太郎'): { c: string; log: string } {
  const c = path.join(dir, 'c.tlcase');
  const log = path.join(dir, 'access.log');
  copyFileSync(SQUID, log);
  const r = tracelight(['ingest', c, log, '--examiner', examiner]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return { c, log };
}

function custodyJson(c: string): { chain: { ok: boolean }; entries: { id: number; action: string; examiner: string; workstation: string; version: string; details: Record<string, unknown> }[] } {
  const r = tracelight(['custody', c, '--json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('tracelight tag / custody', () => {
  it('custody --json after ingest and tag lists both actions with the examiner', () => {
    const { c } = ingested(tempDir());
    const t = tracelight(['tag', c, '3', '--note', NOTE, '--examiner', '佐藤 次郎', '--label', 'IOC', '--json']);
    expect(t.stderr).toBe('');
    expect(t.code).toBe(0);
    expect(JSON.parse(t.stdout)).toMatchObject({ event_id: 3, label: 'IOC', examiner: '佐藤 次郎' });

    const log = custodyJson(c);
    expect(log.chain.ok).toBe(true);
    const added = log.entries.find((e) => e.action === 'evidence.added')!;
    expect(added.examiner).toBe('山田 太郎');
    expect(added.details).toMatchObject({ exhibit: 'EX-001', name: 'access.log' });
    expect(log.entries.find((e) => e.action === 'evidence.parsed')!.details).toMatchObject({ format: 'squid', events: 5, rejected: 0 });
    const tag = log.entries.find((e) => e.action === 'tag.added')!;
    expect(tag).toMatchObject({ examiner: '佐藤 次郎', details: { eventId: 3, label: 'IOC' } });
    // The Japanese note survives the save, a reopen, and the JSON export of the log.
    expect(log.entries.find((e) => e.action === 'note.added')!.details).toEqual({ eventId: 3, text: NOTE });
    expect(log.entries.every((e) => e.workstation && e.version)).toBe(true);
    const q = tracelight(['query', c, 'SELECT event_id, text, examiner FROM notes', '--json']);
    expect(JSON.parse(q.stdout)).toEqual([{ event_id: 3, text: NOTE, examiner: '佐藤 次郎' }]);
  });

  it('exits 1 naming the entry after sqlite3 UPDATEs one custody row', () => {
    const { c } = ingested(tempDir());
    expect(tracelight(['tag', c, '1', '--note', 'x', '--examiner', 'A']).code).toBe(0);
    execFileSync('sqlite3', [c, "UPDATE custody_log SET details = '{}' WHERE id=1"]);
    const r = tracelight(['custody', c, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/custody chain broken at entry 1: entry 1 was altered/);
    expect(JSON.parse(r.stdout).chain).toMatchObject({ ok: false, problem: { entryId: 1 } });
    // A writer then refuses to add to the damaged log.
    const t = tracelight(['tag', c, '1', '--note', 'y', '--examiner', 'A']);
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(/read-only: custody chain broken at entry 1/);
  });

  it('defaults the examiner to TRACELIGHT_EXAMINER and says where the name came from', () => {
    const dir = tempDir();
    const { c } = ingested(dir);
    const r = execFileSync(process.execPath, [path.resolve('bin/tracelight.mjs'), 'tag', c, '2', '--note', 'n'], {
      env: { ...process.env, TRACELIGHT_EXAMINER: 'env examiner' },
      encoding: 'utf8',
    });
    expect(r).toContain('saved by env examiner');
    expect(custodyJson(c).entries.at(-1)!.examiner).toBe('env examiner (env)');
  });

  it('refuses an unknown event and a missing note with one line, exit 2', () => {
    const { c } = ingested(tempDir());
    const r = tracelight(['tag', c, '999', '--note', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`tracelight: ${c}: no event with id 999 in this case\n`);
    expect(tracelight(['tag', c, '1']).code).toBe(2);
  });
});

describe('tracelight verify', () => {
  it('exit 0 when intact; exit 1 naming an altered and a missing file', () => {
    const dir = tempDir();
    const { c, log } = ingested(dir);
    const other = path.join(dir, 'fw.log');
    copyFileSync(samplePath('fortigate_kv', 'logscale_fortigate_traffic.log'), other);
    expect(tracelight(['ingest', c, other, '--examiner', 'A']).code).toBe(0);
    const ok = tracelight(['verify', c]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^intact\s+EX-001/m);
    expect(ok.stdout).toMatch(/^intact\s+EX-002/m);

    appendFileSync(log, 'tampered\n');
    rmSync(other);
    const bad = tracelight(['verify', c, '--json']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`${log}: altered`);
    expect(bad.stderr).toContain(`${other}: missing`);
    const out = JSON.parse(bad.stdout);
    expect(out.evidence.map((e: { status: string }) => e.status)).toEqual(['altered', 'missing']);
    expect(custodyJson(c).entries.filter((e) => e.action === 'verification.run')).toHaveLength(2);
  });

  it('exit 2 for a missing case, a missing package and a file that is not a case', () => {
    const dir = tempDir();
    expect(tracelight(['verify', path.join(dir, 'none.tlcase')]).code).toBe(2);
    const zip = tracelight(['verify', path.join(dir, 'evidence.zip')]);
    expect(zip.code).toBe(2);
    expect(zip.stderr).toBe(`tracelight: ${path.join(dir, 'evidence.zip')}: no such package\n`);
    const notCase = path.join(dir, 'x.tlcase');
    copyFileSync(SQUID, notCase);
    const r = tracelight(['verify', notCase]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a Tracelight case/);
  });
});

describe('a journal left behind by a deleted case', () => {
  it('is neither replayed into a new case at that path nor deleted: ingest refuses with one line, exit 2', () => {
    const dir = tempDir();
    const c = path.join(dir, 'c.tlcase');
    const squid = samplePath('squid_native', 'logscale_squid_access.log');
    expect(tracelight(['ingest', c, squid, '--examiner', 'A']).code).toBe(0);
    // Keep a journal with entries in it, as an unsaved session would leave it.
    writeFileSync(`${c}.journal`, readFileSync(`${c}.journal`));
    rmSync(c);
    rmSync(`${c}.lock`, { force: true });
    const r = tracelight(['ingest', c, squid, '--examiner', 'B']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      `tracelight: ${c}: no case file, but c.tlcase.journal from an earlier case is still there; restore that case file or move the journal away`,
    ]);
    expect(existsSync(`${c}.journal`)).toBe(true);
  });
});
