import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { proposeMapping } from '../../../../electron/engine/ingest/mapping/propose-mapping';
import { nameSaysUtc } from '../../../../electron/engine/formats/generic/utc-column';
import { tempDir } from '../../helpers/tmp';

describe('a time column whose name says UTC is read as UTC', () => {
  it('recognizes the usual spellings, and only whole words', () => {
    for (const name of ['first_seen_utc', 'time_utc', 'timestamp (UTC)', 'UtcTime', 'Date GMT']) expect(nameSaysUtc(name), name).toBe(true);
    for (const name of ['time', 'first_seen', 'timestamp', 'outcome', 'Computer']) expect(nameSaysUtc(name), name).toBe(false);
  });

  it('the proposed mapping carries UTC, so the case zone is not applied', () => {
    const dir = tempDir();
    const file = path.join(dir, 'export.csv');
    writeFileSync(file, 'time_utc,host,action\n2026-10-05 00:12:41,WS-TKY-014,login\n2026-10-05 00:13:02,WS-TKY-014,logout\n');
    const p = proposeMapping(file, 'export.csv');
    expect(p.time?.columns).toEqual(['time_utc']);
    expect(p.mapping.timezone).toBe('UTC');
    expect(p.warnings.join(' ')).toContain('UTC');
    const plain = path.join(dir, 'plain.csv');
    writeFileSync(plain, 'time,host,action\n2026-10-05 00:12:41,WS-TKY-014,login\n');
    expect(proposeMapping(plain, 'plain.csv').mapping.timezone).toBeUndefined();
  });
});
