// `tracelight facets`: the counts per value it reads from the rollups are the counts a full
// GROUP BY over the events gives, for every facet field, over a case of two files.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateRealisticDefenderCsv, generateRealisticNcsa } from '../../bench/generate-realistic.mjs';
import { tracelight } from '../helpers/cli';
import { samplePath } from '../helpers/samples';
import { tempDir } from '../helpers/tmp';

const SLOW = 180_000;
const FIELDS = ['host', 'user', 'category', 'action', 'src_ip', 'dst_ip', 'dst_port', 'domain'];

let casePath = '';

beforeAll(async () => {
  const dir = tempDir();
  const ncsa = path.join(dir, 'access.log');
  const defender = path.join(dir, 'DeviceNetworkEvents.csv');
  const squid = path.join(dir, 'squid.log');
  await generateRealisticNcsa(ncsa, 3000, { clients: 40 });
  await generateRealisticDefenderCsv(defender, 2000, { devices: 30 });
  copyFileSync(samplePath('squid_native', 'logscale_squid_access.log'), squid);
  casePath = path.join(dir, 'c.tlcase');
  const r = tracelight(['ingest', casePath, ncsa, defender, squid, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}, SLOW);

function groupBy(field: string): Map<string, number> {
  const sql = `SELECT ${field} AS value, count(*) AS n FROM events WHERE ${field} IS NOT NULL GROUP BY ${field}`;
  const rows = JSON.parse(tracelight(['query', casePath, sql, '--json']).stdout) as { value: string | number; n: number }[];
  return new Map(rows.map((r) => [String(r.value), r.n]));
}

describe('tracelight facets', () => {
  it('gives, for every facet field, the counts of a GROUP BY over the events, most frequent first', () => {
    for (const field of FIELDS) {
      const r = tracelight(['facets', casePath, '--field', field, '--json']);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { field: string; source: string; values: { value: string | number; count: number }[] };
      expect(out.source).toBe('rollup');
      const expected = groupBy(field);
      expect(new Map(out.values.map((v) => [String(v.value), v.count])), field).toEqual(expected);
      const counts = out.values.map((v) => v.count);
      expect(counts, field).toEqual([...counts].sort((a, b) => b - a));
    }
    // The realistic log has many clients: the comparison above is not between two empty lists.
    expect(groupBy('src_ip').size).toBeGreaterThan(30);
  }, SLOW);

  it('--csv writes a header and one line per value; --limit keeps the most frequent', () => {
    const csv = tracelight(['facets', casePath, '--field', 'src_ip', '--csv']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('src_ip,count');
    expect(lines.length - 1).toBe(groupBy('src_ip').size);
    const top = tracelight(['facets', casePath, '--field', 'src_ip', '--csv', '--limit', '3']);
    expect(top.stdout.trimEnd().split('\r\n')).toEqual(lines.slice(0, 4));
  }, SLOW);

  it('refuses an unknown field or a bad limit with exit 2 and one line', () => {
    const bad = tracelight(['facets', casePath, '--field', 'message']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no facet for field "message"');
    expect(tracelight(['facets', casePath, '--field', 'host', '--limit', '0']).code).toBe(2);
    expect(tracelight(['facets', path.join(path.dirname(casePath), 'none.tlcase'), '--field', 'host']).code).toBe(2);
  }, SLOW);
});
