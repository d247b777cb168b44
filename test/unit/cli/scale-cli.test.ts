// The command-line side of issue 16: `ingest` scoping flags and `export --ecs/--parquet`, run
// as a user runs them (the built CLI), with exit codes and sha256sum lines that check.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tracelight } from '../helpers/cli';
import { samplePath } from '../helpers/samples';
import { tempDir } from '../helpers/tmp';

const SLOW = 180_000;

describe('tracelight ingest scoping and scale exports', () => {
  it('ingest --ips keeps one client, says how many it left out, and rejects a bad block', () => {
    const dir = tempDir();
    const evidence = path.join(dir, 'access.log');
    copyFileSync(samplePath('squid_native', 'logscale_squid_access.log'), evidence);
    const casePath = path.join(dir, 'c.tlcase');
    const whole = path.join(dir, 'whole.tlcase');
    expect(tracelight(['ingest', whole, evidence, '--json']).code).toBe(0);
    const clients = JSON.parse(tracelight(['query', whole, 'SELECT src_ip, count(*) AS n FROM events GROUP BY src_ip ORDER BY n DESC', '--json']).stdout) as { src_ip: string; n: number }[];
    const total = clients.reduce((s, c) => s + c.n, 0);
    const r = tracelight(['ingest', casePath, evidence, '--ips', clients[0]!.src_ip, '--json']);
    expect(r.code).toBe(0);
    const row = (JSON.parse(r.stdout) as { files: { events: number; scoped_out: number }[] }).files[0]!;
    expect([row.events, row.scoped_out]).toEqual([clients[0]!.n, total - clients[0]!.n]);
    const bad = tracelight(['ingest', path.join(dir, 'd.tlcase'), evidence, '--ips', '10.0.0.0/33']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('10.0.0.0/33');
  }, SLOW);

  it('export --ecs --parquet writes the files, prints sha256sum lines, refuses a non-empty folder', () => {
    const dir = tempDir();
    const evidence = path.join(dir, 'access.log');
    copyFileSync(samplePath('squid_native', 'logscale_squid_access.log'), evidence);
    const casePath = path.join(dir, 'c.tlcase');
    expect(tracelight(['ingest', casePath, evidence]).code).toBe(0);
    const r = tracelight(['export', casePath, '--ecs', path.join(dir, 'events.ndjson'), '--parquet', path.join(dir, 'pq'), '--parquet-codec', 'none']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const sums = path.join(dir, 'sums');
    writeFileSync(sums, r.stdout);
    expect(spawnSync('sha256sum', ['-c', sums], { encoding: 'utf8' }).status).toBe(0);
    expect(r.stdout).toContain('events.template.json');
    expect(readdirSync(path.join(dir, 'pq')).every((d) => /^date=\d{4}-\d\d-\d\d$/.test(d))).toBe(true);
    const again = tracelight(['export', casePath, '--parquet', path.join(dir, 'pq')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('not empty');
  }, SLOW);
});
