// The command line for issue 3's ingest options: --encoding, --base-year, .zip inputs, and
// `evidence --skew`, as a script would drive them (the built CLI).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { tracelight } from '../helpers/cli';
import { fileHashes } from '../helpers/hash';
import { repoRoot, samplePath } from '../helpers/samples';
import { tempDir } from '../helpers/tmp';
import { patchBytes } from '../package/zip-craft';

const EUCJP = path.join(repoRoot, 'test', 'fixtures', 'encodings', 'defender_file_events_eucjp.csv');
const IPTABLES = samplePath('iptables_syslog', 'crowdsec_iptables-scan-multi-port.log');
const SQUID = samplePath('squid_native', 'logscale_squid_access.log');
const FORTIGATE = samplePath('fortigate_kv', 'logscale_fortigate_traffic.log');

async function writeZip(file: string, entries: { name: string; data: Buffer }[]): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name, { mtime: new Date('2026-10-05T00:00:00Z') });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  writeFileSync(file, Buffer.concat(chunks));
  return file;
}

const query = (c: string, sql: string) => JSON.parse(tracelight(['query', c, sql, '--json']).stdout) as Record<string, unknown>[];

describe('tracelight ingest --encoding / --base-year', () => {
  it('--encoding euc-jp decodes the Japanese the guess would garble, and is reported as chosen', () => {
    const c = path.join(tempDir(), 'c.tlcase');
    const r = tracelight(['ingest', c, EUCJP, '--encoding', 'euc-jp', '--json']);
    expect(r.stderr).toBe('');
    const [file] = JSON.parse(r.stdout).files;
    expect(file).toMatchObject({ format: 'defender-hunting-csv', encoding: 'euc-jp', encoding_source: 'chosen', events: 2, rejected: 0 });
    expect(query(c, 'SELECT DISTINCT user FROM events')).toEqual([{ user: 'acme\\山田太郎' }]);
  });

  it('--base-year sets the year of year-less syslog stamps', () => {
    const c = path.join(tempDir(), 'c.tlcase');
    const r = tracelight(['ingest', c, IPTABLES, '--base-year', '2019', '--json']);
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({ base_year: 2019 });
    expect(query(c, 'SELECT min(time) t FROM events')).toEqual([{ t: '2019-09-30T10:09:23.000Z' }]);
  });

  it('refuses an unknown encoding or a wrong year as bad usage (exit 2, one line)', () => {
    const c = path.join(tempDir(), 'c.tlcase');
    const bad = tracelight(['ingest', c, IPTABLES, '--encoding', 'klingon']);
    expect([bad.code, bad.stderr.trim().split('\n').length]).toEqual([2, 1]);
    expect(bad.stderr).toMatch(/unknown encoding "klingon"/);
    const year = tracelight(['ingest', c, IPTABLES, '--base-year', '19']);
    expect(year.code).toBe(2);
    expect(year.stderr).toMatch(/invalid base year "19"/);
  });
});

describe('tracelight ingest FILE.zip', () => {
  it('prints the archive row and one row per entry, each with its own hashes and format', async () => {
    const dir = tempDir();
    const zip = await writeZip(path.join(dir, 'logs.zip'), [
      { name: 'proxy/access.log', data: readFileSync(SQUID) },
      { name: 'fw/fortigate.log', data: readFileSync(FORTIGATE) },
      { name: 'notes.bin', data: Buffer.from([0, 1, 2, 3, 0, 0, 0, 9]) },
    ]);
    const c = path.join(dir, 'c.tlcase');
    const r = tracelight(['ingest', c, zip, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const files = JSON.parse(r.stdout).files as Record<string, unknown>[];
    expect(files.map((f) => [f.format, f.exhibit, f.entry ?? null])).toEqual([
      ['zip', 'EX-001', null],
      ['squid', 'EX-001.1', 'proxy/access.log'],
      ['fortigate', 'EX-001.2', 'fw/fortigate.log'],
    ]);
    expect(files[0]).toMatchObject({ path: zip, container: 'zip-archive', ...fileHashes(zip) });
    expect(files[0]!.entries).toEqual([
      { entry: 'proxy/access.log', status: 'ingested', evidence_id: 2 },
      { entry: 'fw/fortigate.log', status: 'ingested', evidence_id: 3 },
      { entry: 'notes.bin', status: 'skipped', reason: 'binary file (not a text log)' },
    ]);
    expect(files[1]).toMatchObject({ path: zip, name: 'logs.zip/proxy/access.log', parent_evidence_id: 1, events: 5, ...fileHashes(SQUID) });
    expect(query(c, "SELECT count(*) n FROM events WHERE source_file = '" + zip.replace(/'/g, "''") + "'")).toEqual([{ n: 6 }]);
  });

  it('refuses an entry named ../../x: one line naming the zip and the entry, exit 2, the other entries ingested', async () => {
    const dir = tempDir();
    const tmp = await writeZip(path.join(dir, 'tmp.zip'), [{ name: 'access.log', data: readFileSync(SQUID) }, { name: 'aa/aa/x', data: Buffer.from('x\n') }]);
    const evil = path.join(dir, 'evil.zip');
    writeFileSync(evil, patchBytes(readFileSync(tmp), 'aa/aa/x', '../../x'));
    const r = tracelight(['ingest', path.join(dir, 'c.tlcase'), evil]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`tracelight: ${evil}: entry "../../x": refused: ".." path component (traversal outside the archive)`);
    expect(query(path.join(dir, 'c.tlcase'), 'SELECT count(*) n FROM events')).toEqual([{ n: 5 }]);
  });
});

describe('tracelight evidence --skew', () => {
  it('shifts the times of one evidence file, keeps the originals, and logs the correction', () => {
    const c = path.join(tempDir(), 'c.tlcase');
    tracelight(['ingest', c, IPTABLES, '--base-year', '2025']);
    const r = tracelight(['evidence', c, '--skew', '1=-00:05:00', '--reason', '時計が5分進んでいた', '--examiner', 'A', '--json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).evidence[0]).toMatchObject({ id: 1, clock_skew_ms: -300_000 });
    expect(query(c, 'SELECT time, time_original, time_raw FROM events ORDER BY time LIMIT 1')).toEqual([
      { time: '2025-09-30T10:04:23.000Z', time_original: '2025-09-30T10:09:23.000Z', time_raw: 'Sep 30 10:09:23' },
    ]);
    const log = JSON.parse(tracelight(['custody', c, '--json']).stdout) as { entries: { action: string; details: Record<string, unknown> }[] };
    expect(log.entries.at(-1)).toMatchObject({
      action: 'evidence.skew',
      details: { evidenceId: 1, skewMs: -300_000, previousSkewMs: 0, reason: '時計が5分進んでいた' },
    });
  });

  it('refuses a malformed correction or an unknown evidence id (exit 2)', () => {
    const c = path.join(tempDir(), 'c.tlcase');
    tracelight(['ingest', c, IPTABLES]);
    expect(tracelight(['evidence', c, '--skew', '1=5min']).stderr).toMatch(/invalid --skew "1=5min" \(ID=±HH:MM:SS/);
    const missing = tracelight(['evidence', c, '--skew', '9=+00:00:01']);
    expect([missing.code, missing.stderr.trim()]).toEqual([2, `tracelight: ${c}: no evidence #9`]);
  });
});
