// extra in its compact form (migration 015, store/extra/) must read back as the exact bytes
// a case held before: for every evidence sample of ../shared/samples and generated logs of
// the bench's formats (Squid, FortiGate, Defender CSV, PAN-OS, Zeek, l2tcsv, Sysmon), the
// same files are ingested twice by the built CLI, once storing extra as JSON text
// (TRACELIGHT_EXTRA_ENCODING=0, the code path that wrote every case before) and once
// compactly; the engine's `events` (tl_extra), the case file's plain-SQL view, a per-key read
// and an independent decoder must all give the text of the first. Then the first case is
// turned back into a schema-14 case (what an older Tracelight wrote) and opened: read as it
// is by a reader, converted by the writer, its `events` rows equal the compact case's, column
// for column.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseStore } from '../../../electron/engine/store/case-store';
import { extraKeyLiteral } from '../../../electron/engine/store/extra/extra-sql';
import { REPO_ROOT, CLI } from '../helpers/cli';
import { ExtraReference } from '../helpers/extra';
import { samplePath, samplesRoot } from '../helpers/samples';
// @ts-expect-error plain ES module shared with the bench (no types)
import { generateDefenderNetworkCsv, generateFortigate, generatePanos, generateL2tcsv, generateSysmonJsonl, generateZeekConn } from '../../bench/generate-families.mjs';
import { generateRealisticDefenderCsv, generateRealisticFortigate, generateRealisticSquid } from '../../bench/generate-realistic.mjs';
import { EVENTS_VIEW_005 } from '../../../electron/engine/store/migrations/005_ingest_options';

const present = existsSync(path.join(samplesRoot, 'MANIFEST.tsv'));
const samples = present
  ? readFileSync(path.join(samplesRoot, 'MANIFEST.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t')[0]!)
      .filter((p) => !/^(sigma|stix|misp_galaxy|emotet_ioc)\//.test(p) && !/LICENSE/i.test(p))
  : [];

function ingest(casePath: string, files: string[], plain: boolean): void {
  for (const f of files) {
    // One file per run: a file the ingest refuses must not stop the others (it is refused in both cases alike).
    const r = spawnSync(process.execPath, [CLI, 'ingest', casePath, f, '--tz', 'UTC'], {
      encoding: 'utf8',
      cwd: REPO_ROOT,
      env: { ...process.env, TRACELIGHT_EXTRA_ENCODING: plain ? '0' : '1' },
    });
    expect([0, 2]).toContain(r.status);
  }
}

type Rows = Record<string, unknown>[];

describe.skipIf(!present)('extra read back byte for byte', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tracelight-extra-'));
  const plainPath = path.join(dir, 'plain.tlcase');
  const compactPath = path.join(dir, 'compact.tlcase');
  let plain: CaseStore;
  let compact: CaseStore;

  beforeAll(async () => {
    const generated = [
      ['squid.log', (f: string): Promise<void> | void => generateRealisticSquid(f, 3000)],
      ['fortigate.log', (f: string): Promise<void> | void => generateRealisticFortigate(f, 3000)],
      ['defender.csv', (f: string): Promise<void> | void => generateRealisticDefenderCsv(f, 3000)],
      ['fortigate-uniform.log', (f: string): Promise<void> | void => generateFortigate(f, 2000)],
      ['panos.csv', (f: string): Promise<void> | void => generatePanos(f, 2000)],
      ['zeek-conn.log', (f: string): Promise<void> | void => generateZeekConn(f, 2000)],
      ['l2t.csv', (f: string): Promise<void> | void => generateL2tcsv(f, 1000)],
      ['sysmon.jsonl', (f: string): Promise<void> | void => generateSysmonJsonl(f, 1000)],
      ['defender-network.csv', (f: string): Promise<void> | void => generateDefenderNetworkCsv(f, 2000)],
    ] as const;
    const files = samples.map((s) => samplePath(s));
    for (const [name, make] of generated) {
      const f = path.join(dir, name);
      await make(f);
      files.push(f);
    }
    ingest(plainPath, files, true);
    ingest(compactPath, files, false);
    plain = await CaseStore.open(plainPath, { writer: false });
    compact = await CaseStore.open(compactPath, { writer: false });
  }, 600_000);
  afterAll(() => {
    compact?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the same events, most of their extra compactly', () => {
    const n = (s: CaseStore, sql: string) => Number(s.scalar(sql));
    expect(n(compact, 'SELECT count(*) FROM event_row')).toBe(n(plain, 'SELECT count(*) FROM event_row'));
    expect(n(plain, 'SELECT count(*) FROM event_row WHERE extra_shape IS NOT NULL')).toBe(0);
    const withExtra = n(compact, 'SELECT count(*) FROM event_row WHERE extra_values IS NOT NULL');
    expect(withExtra).toBeGreaterThan(20_000);
    expect(n(compact, 'SELECT count(*) FROM event_row WHERE extra_shape IS NOT NULL')).toBeGreaterThan(withExtra * 0.95);
    // What is left as text is what the encoder leaves by design: nested values, keys needing
    // escapes, an empty object. (Carbon Black and plaso JSON keep nested objects in extra.)
    const flatLeft = n(
      compact,
      `SELECT count(*) FROM event_row e WHERE extra_shape IS NULL AND extra_values IS NOT NULL AND extra_values <> '{}'
       AND NOT EXISTS (SELECT 1 FROM json_each(e.extra_values) j WHERE j.type IN ('object', 'array') OR j.key GLOB '*["\\]*')`,
    );
    expect(flatLeft).toBe(0);
  });

  it('gives back the JSON text of the plain case through the engine, the plain-SQL view, and an independent decoder', () => {
    const expected = plain.all<{ id: number; extra: string | null }>('SELECT id, extra_values AS extra FROM event_row ORDER BY id');
    const engine = compact.all<{ id: number; extra: string | null }>('SELECT id, extra FROM events ORDER BY id');
    expect(engine).toEqual(expected);
    const view = compact.all<{ id: number; extra: string | null }>('SELECT id, extra FROM main.events ORDER BY id');
    expect(view).toEqual(expected);
    const byFile = new Map<number, ExtraReference>();
    for (const s of compact.all<{ evidence_id: number; n: number; keys: string; coded: string }>('SELECT * FROM extra_shape')) {
      if (!byFile.has(s.evidence_id)) byFile.set(s.evidence_id, new ExtraReference());
      byFile.get(s.evidence_id)!.add({ shapes: [s], values: [] });
    }
    for (const v of compact.all<{ evidence_id: number; n: number; value: string }>('SELECT * FROM extra_value')) byFile.get(v.evidence_id)!.add({ shapes: [], values: [v] });
    const decoded = compact
      .all<{ id: number; evidence_id: number; extra_shape: number | null; extra_values: string | null }>('SELECT id, evidence_id, extra_shape, extra_values FROM event_row ORDER BY id')
      .map((r) => ({ id: r.id, extra: r.extra_shape === null ? r.extra_values : byFile.get(r.evidence_id)!.text(r.extra_shape, r.extra_values) }));
    expect(decoded).toEqual(expected);
  });

  it('reads single keys as json_extract reads them from the text', () => {
    const keys = plain.all<{ key: string }>(`SELECT DISTINCT j.key FROM event_row e, json_each(e.extra_values) j WHERE e.extra_values IS NOT NULL AND json_valid(e.extra_values) AND j.key NOT GLOB '*["\\]*' LIMIT 80`).map((r) => r.key);
    expect(keys.length).toBe(80);
    for (const key of keys) {
      const path = `'$."${key.replace(/'/g, "''")}"'`;
      const want = plain.all(`SELECT id, json_extract(extra_values, ${path}) AS v, typeof(json_extract(extra_values, ${path})) AS t FROM event_row WHERE extra_values IS NOT NULL AND id % 5 = 0 ORDER BY id`);
      const got = compact.all(`SELECT id, v, typeof(v) AS t FROM (SELECT id, ${extraKeyLiteral(key)} AS v FROM event_row WHERE extra_values IS NOT NULL AND id % 5 = 0) ORDER BY id`);
      expect(got).toEqual(want);
    }
  }, 300_000);

  it('converts a case written before migration 015 to the same events', async () => {
    plain.close();
    // The plain case as an older Tracelight wrote it: extra as text in event_row.extra, no
    // dictionary, the events view of migration 5, schema version 14.
    const old = await CaseStore.open(plainPath);
    old.db.exec(`
DROP VIEW temp.events;
DROP TRIGGER temp.tl_extra_shape_ai; DROP TRIGGER temp.tl_extra_value_ai; DROP TRIGGER temp.tl_extra_evidence_ad;
DROP VIEW main.events;
DROP TRIGGER evidence_extra_ad;
DROP TABLE extra_shape; DROP TABLE extra_value;
ALTER TABLE event_row DROP COLUMN extra_shape;
ALTER TABLE event_row RENAME COLUMN extra_values TO extra;
${EVENTS_VIEW_005}
PRAGMA user_version = 14;`);
    const before: Rows = old.all('SELECT * FROM main.events ORDER BY id');
    old.save();
    old.close();
    // A reader (a reader thread, a review) migrates in memory and reads the rows as text.
    const reader = await CaseStore.open(plainPath, { writer: false });
    try {
      expect(Number(reader.scalar('SELECT count(*) FROM event_row WHERE extra_shape IS NOT NULL'))).toBe(0);
      expect(reader.all('SELECT * FROM events ORDER BY id')).toEqual(before);
    } finally {
      reader.close();
    }
    // The writer converts them (store/extra/convert.ts), a chunk per transaction.
    const migrated = await CaseStore.open(plainPath);
    try {
      expect(Number(migrated.scalar('PRAGMA user_version'))).toBe(15);
      expect(migrated.getMeta('extra_conversion')).toBeNull();
      expect(Number(migrated.scalar('SELECT count(*) FROM event_row WHERE extra_shape IS NOT NULL'))).toBeGreaterThan(20_000);
      const after: Rows = migrated.all('SELECT * FROM events ORDER BY id');
      expect(after).toEqual(before);
      expect(migrated.all('SELECT * FROM main.events ORDER BY id')).toEqual(before);
      // The same rows as the case ingested compactly (the files are the same, by the same paths).
      expect(after).toEqual(compact.all('SELECT * FROM events ORDER BY id'));
    } finally {
      migrated.close();
    }
  }, 300_000);
});
