import { describe, expect, it } from 'vitest';
import { neighbours } from '../../../electron/engine/investigate/neighbours';
import { termsQuery } from '../../../electron/engine/investigate/pivot-terms';
import { pivotOptions } from '../../../electron/engine/investigate/pivots';
import { countEvents } from '../../../electron/engine/store/event-queries';
import { tempDir } from '../helpers/tmp';
import { caseWith, incidentFiles } from './helpers';

describe('pivots', () => {
  it('offers host ±N minutes, the process, destination, user; counts match the evidence', async () => {
    const s = await caseWith(tempDir(), incidentFiles);
    const beacon = s.store.all<{ id: number; time: string }>("SELECT id, time FROM events WHERE dst_ip = '203.0.113.10' ORDER BY time LIMIT 1 OFFSET 5")[0]!;
    const r = pivotOptions(s.store, beacon.id, 10);
    const byKind = (k: string, f?: string) => r.options.find((o) => o.kind === k && (!f || o.field === f))!;

    const around = byKind('host-time');
    const t = Date.parse(beacon.time);
    expect(around.filter.from).toBe(new Date(t - 600_000).toISOString());
    expect(around.filter.query).toBe('host:"wks-fin-01.corp.example"');
    const truth = Number(
      s.store.scalar("SELECT count(*) FROM events WHERE host = 'wks-fin-01.corp.example' AND time >= ? AND time < ?", [around.filter.from!, around.filter.to!]),
    );
    expect(around.count).toBe(truth);
    // The time range alone is what whereClause applies to the grid today: same rows here.
    expect(countEvents(s.store, { from: around.filter.from, to: around.filter.to })).toBe(truth);

    const dst = byKind('destination', 'dst_ip');
    expect(dst.filter.query).toBe('dst_ip:"203.0.113.10"');
    expect(dst.count).toBe(12);
    expect(dst.hosts).toBe(1);

    // Defender gives no GUID: the process is its pid on its host from its start on.
    const proc = byKind('process');
    expect(proc.filter.query).toBe('host:"wks-fin-01.corp.example" AND process_pid:5012');
    expect(proc.filter.from).toBe('2026-11-02T01:05:30.000Z');
    expect(proc.count).toBe(13); // its start and its twelve beacons
    s.close();
  });

  it('pivots on a destination across hosts and on a user', async () => {
    const s = await caseWith(tempDir(), incidentFiles);
    const lure = Number(s.store.scalar("SELECT min(id) FROM events WHERE url LIKE '%invoice-mail.example%'"));
    const r = pivotOptions(s.store, lure);
    const url = r.options.find((o) => o.field === 'url')!;
    expect(url.count).toBe(2);
    expect(url.hosts).toBe(2); // the same lure reached two workstations
    const ps = Number(s.store.scalar("SELECT id FROM events WHERE process_name = 'powershell.exe' AND category = 'process' AND user IS NOT NULL LIMIT 1"));
    const user = pivotOptions(s.store, ps).options.find((o) => o.kind === 'user');
    if (user) expect(user.count).toBe(Number(s.store.scalar('SELECT count(*) FROM events WHERE user = ?', [user.values[0]!])));
    s.close();
  });

  it('writes values with quotes and backslashes as query text that reads back', () => {
    expect(termsQuery([[{ field: 'url', value: 'http://x/a"b\\c' }]])).toBe('url:"http://x/a\\"b\\\\c"');
    expect(
      termsQuery([[{ field: 'host', value: 'h' }], [{ field: 'file_hash', value: 'ab' }, { field: 'process_hash', value: 'ab' }]]),
    ).toBe('host:"h" AND (file_hash:"ab" OR process_hash:"ab")');
  });

  it('reads the lines around an event back from its evidence file, as written', async () => {
    const s = await caseWith(tempDir(), incidentFiles);
    const mid = s.store.all<{ id: number; source_line: number }>(
      "SELECT e.id, e.source_line FROM event_row e JOIN evidence v ON v.id = e.evidence_id WHERE v.name = 'squid_access.log' ORDER BY source_line LIMIT 1 OFFSET 2",
    )[0]!;
    const r = neighbours(s.store, mid.id, 2);
    expect(r.lines.map((l) => l.line)).toEqual([mid.source_line - 2, mid.source_line - 1, mid.source_line, mid.source_line + 1, mid.source_line + 2]);
    expect(r.lines.filter((l) => l.current).map((l) => l.eventId)).toEqual([mid.id]);
    const written = (await import('node:fs')).readFileSync(incidentFiles[2]!, 'utf8').split('\n');
    for (const l of r.lines) expect(l.text).toBe(written[l.line - 1]);
    s.close();
  });
});
