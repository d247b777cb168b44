import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewMapping } from '../../../../electron/engine/ingest/mapping/preview';
import { proposeMapping } from '../../../../electron/engine/ingest/mapping/propose-mapping';
import { tempDir } from '../../helpers/tmp';

describe('previewMapping', () => {
  it('shows how the first rows read, so a wrong day/month order is seen before ingest', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.csv');
    writeFileSync(file, 'date,host\n03/04/2026 10:00,pc01\n04/04/2026 10:00,pc02\n13/04/2026 10:00,pc03\nbad,pc04\n1/2/2026,pc05,extra\n');
    const mapping = proposeMapping(file, 'a.csv').mapping;
    expect(mapping.time.format).toBe('dmy');
    const opts = { fileName: 'a.csv', timezone: 'Asia/Tokyo', baseYear: 2026 };
    const rows = previewMapping(file, mapping, opts);
    expect(rows.map((r) => r.time ?? r.reject)).toEqual([
      '2026-04-03T01:00:00.000Z',
      '2026-04-04T01:00:00.000Z',
      '2026-04-13T01:00:00.000Z',
      'timestamp "bad" in column "date" does not read as DD/MM/YYYY hh:mm:ss (Europe)',
      '3 fields where the header names 2',
    ]);
    expect(rows[0]).toMatchObject({ record: 2, host: 'pc01', timeZone: 'Asia/Tokyo (assumed)' });
    // Read as US dates, the day above 12 cannot be a month: the preview says so.
    const us = previewMapping(file, { ...mapping, time: { format: 'mdy' } }, opts);
    expect(us[0]!.time).toBe('2026-03-04T01:00:00.000Z');
    expect(us[2]!.reject).toMatch(/does not read as MM\/DD\/YYYY/);
  });
});
