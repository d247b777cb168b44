// The generic importer through the command line, as scripts use it: propose a mapping as
// JSON, edit it, ingest with it, save it in the case, export it for another case.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../../../electron/common/import-mapping';
import { tracelight } from '../../helpers/cli';
import { tempDir } from '../../helpers/tmp';

const CSV = 'When;Computer;Account;Details\n25/10/2026 21:12:41;WS01;CORP\\alice;"logon; interactive"\n26/10/2026 01:00:00;WS02;bob;logoff\n';

describe('tracelight mapping / ingest --mapping', () => {
  it('lists the generic formats with descriptions', () => {
    const r = tracelight(['formats', '--json']);
    expect(r.code).toBe(0);
    const formats = JSON.parse(r.stdout) as { id: string; description: string; family: string }[];
    for (const id of ['generic-csv', 'generic-json', 'generic-jsonl']) {
      const f = formats.find((x) => x.id === id);
      expect(f?.family).toBe('generic');
      expect(f?.description).toMatch(/column mapping/);
    }
  });

  it('proposes a mapping as JSON, ingests with the edited mapping, saves and exports it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'vpn.csv');
    writeFileSync(file, CSV);
    const c = path.join(dir, 'c.tlcase');

    const refused = tracelight(['ingest', c, file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/vpn\.csv: format not recognized .*generic-csv/);

    const proposed = tracelight(['mapping', 'propose', file, '--json']);
    expect(proposed.code).toBe(0);
    const mapping = JSON.parse(proposed.stdout) as ColumnMapping;
    expect(mapping).toMatchObject({ format: 'generic-csv', csv: { delimiter: ';', header: true }, time: { format: 'dmy' } });
    mapping.category = 'auth';
    const mappingFile = path.join(dir, 'vpn.mapping.json');
    writeFileSync(mappingFile, JSON.stringify(mapping));

    const ingested = tracelight(['ingest', c, file, '--mapping', mappingFile, '--save-mapping', 'VPN', '--tz', 'UTC', '--json', '--examiner', 'E']);
    expect(ingested.stderr).toBe('');
    expect(JSON.parse(ingested.stdout).files[0]).toMatchObject({ format: 'generic-csv', events: 2, rejected: 0 });
    const rows = JSON.parse(tracelight(['query', c, 'SELECT time, host, user, category, message FROM events ORDER BY id', '--json']).stdout);
    expect(rows[0]).toEqual({ time: '2026-10-25T21:12:41.000Z', host: 'WS01', user: 'CORP\\alice', category: 'auth', message: 'logon; interactive' });

    const exported = tracelight(['mapping', 'export', c, 'VPN']);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ name: 'VPN', mapping: { category: 'auth' } });
    // The export is itself a mapping file another case can ingest with.
    const exportFile = path.join(dir, 'export.json');
    writeFileSync(exportFile, exported.stdout);
    const other = tracelight(['ingest', path.join(dir, 'other.tlcase'), file, '--mapping', exportFile, '--json']);
    expect(JSON.parse(other.stdout).files[0]).toMatchObject({ events: 2 });
    expect(tracelight(['mapping', 'list', c]).stdout).toMatch(/^VPN\tgeneric-csv\t/);
    const custody = JSON.parse(tracelight(['custody', c, '--json']).stdout) as { entries: { action: string }[] };
    expect(custody.entries.map((e) => e.action)).toContain('mapping.saved');
    // Nine runs of the command: generous on a loaded machine.
  }, 240_000);

  it('explains a bad mapping file in one line', () => {
    const dir = tempDir();
    const file = path.join(dir, 'vpn.csv');
    writeFileSync(file, CSV);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ version: 1, format: 'generic-csv', columns: [{ source: 'When', target: 'host' }], time: { format: 'dmy' } }));
    const r = tracelight(['ingest', path.join(dir, 'c.tlcase'), file, '--mapping', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`tracelight: ${bad}: no column is mapped to "time" (or "date")`]);
    // Refused before the case is created or anything is recorded.
    expect(existsSync(path.join(dir, 'c.tlcase'))).toBe(false);
  });
});
