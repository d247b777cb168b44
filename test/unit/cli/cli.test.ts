import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tracelight } from '../helpers/cli';
import { fileHashes } from '../helpers/hash';
import { samplePath } from '../helpers/samples';
import { tempDir } from '../helpers/tmp';

const SAMPLES = [
  samplePath('squid_native', 'logscale_squid_access.log'),
  samplePath('fortigate_kv', 'logscale_fortigate_traffic.log'),
  samplePath('carbonblack_edr_json', 'cbedr_bus_alert.watchlist.hit.query.process.jsonl'),
];

describe('tracelight ingest / query (contract 1)', () => {
  it('ingest --json reports format, events, zero rejects and the files\' true hashes', () => {
    const dir = tempDir();
    const c = path.join(dir, 'c.tlcase');
    const r = tracelight(['ingest', c, ...SAMPLES, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.case).toBe(c);
    expect(out.files.map((f: { format: string }) => f.format)).toEqual(['squid', 'fortigate', 'carbonblack-edr']);
    out.files.forEach((f: Record<string, unknown>, i: number) => {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['path', 'format', 'events', 'rejected', 'sha256', 'md5', 'sha1', 'timezone']));
      expect(f.path).toBe(SAMPLES[i]);
      expect(f.events).toBeGreaterThan(0);
      expect(f.rejected).toBe(0);
      const h = fileHashes(SAMPLES[i]!);
      expect([f.sha256, f.sha1, f.md5]).toEqual([h.sha256, h.sha1, h.md5]);
    });
    // The same numbers from the stock tools an examiner would use.
    expect(execFileSync('sha256sum', [SAMPLES[0]!], { encoding: 'utf8' }).split(' ')[0]).toBe(out.files[0].sha256);
  });

  it('query --json returns UTC ISO times in time order', () => {
    const dir = tempDir();
    const c = path.join(dir, 'c.tlcase');
    expect(tracelight(['ingest', c, ...SAMPLES]).code).toBe(0);
    const r = tracelight(['query', c, 'SELECT time, host, category, action, source_line FROM events ORDER BY time', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { time: string }[];
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) expect(row.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const squid = JSON.parse(
      tracelight(['query', c, "SELECT time FROM events WHERE source_format = 'squid' AND source_line = 1", '--json']).stdout,
    );
    expect(squid).toEqual([{ time: '2023-08-08T17:15:39.857Z' }]);
    expect([...rows].map((x) => x.time)).toEqual([...rows].map((x) => x.time).sort());
  });

  it('query --csv neutralizes spreadsheet formulas', () => {
    const dir = tempDir();
    const c = path.join(dir, 'c.tlcase');
    const log = path.join(dir, 'access.log');
    writeFileSync(log, "1691514939.857     68 172.16.1.21 TCP_MISS/200 3705 GET http://a.example/x =cmd|'/Ccalc'!A0 HIER_DIRECT/2.19.117.168 text/html\n");
    expect(tracelight(['ingest', c, log]).code).toBe(0);
    const r = tracelight(['query', c, 'SELECT user FROM events', '--csv']);
    expect(r.stdout.split('\r\n')[1]).toBe(`'=cmd|'/Ccalc'!A0`);
  });

  it('a binary file, an empty file and a good log: the good log lands, one stderr line per bad file, exit 2', () => {
    const dir = tempDir();
    const c = path.join(dir, 'c.tlcase');
    const bin = path.join(dir, 'dump.bin');
    writeFileSync(bin, Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 7919 + 13) % 256)));
    const empty = path.join(dir, 'empty.log');
    writeFileSync(empty, '');
    const r = tracelight(['ingest', c, bin, empty, SAMPLES[0]!, '--json']);
    expect(r.code).toBe(2);
    const errLines = r.stderr.trim().split('\n');
    expect(errLines).toHaveLength(2);
    expect(errLines[0]).toBe(`tracelight: ${bin}: binary file (not a text log)`);
    expect(errLines[1]).toBe(`tracelight: ${empty}: empty file`);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const out = JSON.parse(r.stdout);
    expect(out.files).toHaveLength(1);
    expect(out.files[0].format).toBe('squid');
  });

  it('usage errors exit 2 with one line', () => {
    const r = tracelight(['query']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const bad = tracelight(['query', path.join(tempDir(), 'missing.tlcase'), 'SELECT 1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/missing\.tlcase: no such case file/);
    const tz = tracelight(['ingest', path.join(tempDir(), 'x.tlcase'), SAMPLES[0]!, '--tz', 'Mars/Olympus']);
    expect(tz.code).toBe(2);
    expect(tz.stderr).toMatch(/unknown time zone "Mars\/Olympus"/);
  });

  it('formats --json lists the registered formats', () => {
    const r = tracelight(['formats', '--json']);
    expect(r.code).toBe(0);
    const ids = JSON.parse(r.stdout).map((f: { id: string }) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['squid', 'fortigate', 'carbonblack-edr']));
  });
});
