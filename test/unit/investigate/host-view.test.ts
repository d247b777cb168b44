import { describe, expect, it } from 'vitest';
import type { DetectResult } from '../../../electron/common/detect';
import { hostView } from '../../../electron/engine/investigate/host-view';
import { tempDir } from '../helpers/tmp';
import { caseWith, incidentFiles } from './helpers';

describe('host view', () => {
  it('gives first and last seen, users, addresses over time, top processes and destinations, and the host\'s findings', async () => {
    const s = await caseWith(tempDir(), incidentFiles);
    const host = 'wks-fin-01.corp.example';
    const finding = { id: 'f1', rule: 'c2-beacon', title: 'Beacon to 203.0.113.10:8080', severity: 'high', attack: [], host, time: '2026-11-02T01:05:40.000Z', event_ids: [8] };
    const other = { ...finding, id: 'f2', host: 'wks-hr-02.corp.example' };
    const v = hostView(s.store, 'WKS-FIN-01.corp.example', { findings: [finding, other] } as unknown as DetectResult);
    expect(v.events).toBe(Number(s.store.scalar('SELECT count(*) FROM events WHERE host = ?', [host])));
    expect(v.first).toBe('2026-11-02T01:04:00.000Z'); // the lure download in the proxy log
    expect(v.last).toBe('2026-11-02T02:00:42.000Z');
    expect(v.users.map((u) => u.value)).toEqual(['corp\\sato.hanako']);
    expect(v.addresses.map((a) => a.ip)).toEqual(['10.1.1.21']);
    expect(v.processes[0]).toEqual({ value: 'rundll32.exe', count: 13 });
    expect(v.destinations[0]).toEqual({ value: '203.0.113.10', count: 12 });
    expect(v.findings.map((f) => f.rule)).toEqual(['c2-beacon']);
    expect(v.detectionRun).toBe(true);
    // Without a run in this session: only reviewed findings (none here).
    expect(hostView(s.store, host, null).findings).toEqual([]);
    s.close();
  });
});
