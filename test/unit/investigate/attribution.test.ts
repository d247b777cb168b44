import { describe, expect, it } from 'vitest';
import type { ProcessNode } from '../../../electron/common/investigate';
import { isPrivateAddress } from '../../../electron/engine/investigate/attribution';
import { processTree } from '../../../electron/engine/investigate/process-tree';
import { tempDir } from '../helpers/tmp';
import { caseWith, incidentFiles } from './helpers';

const all = (n: ProcessNode | null): ProcessNode[] => (n ? [n, ...n.children.flatMap(all)] : []);

describe('attribution of proxy and firewall events', () => {
  it('falls back to host and time, said so, when no EDR connection is within 5 s', async () => {
    const s = await caseWith(tempDir(), incidentFiles);
    // adm-ws-03: PowerShell connects to the proxy at 02:23:30; the proxy logs its GET at 02:23:40.
    const ps = Number(s.store.scalar("SELECT id FROM events WHERE host = 'adm-ws-03.corp.example' AND category = 'process'"));
    const t = processTree(s.store, ps);
    const focus = all(t.root).find((n) => n.focus)!;
    expect(focus.attributed.map((a) => [String(a.event.url), a.method, a.via])).toEqual([
      ['http://updates.corp.example/backup/manifest.json', 'host-time', null],
    ]);
    s.close();
  });

  it('never attributes another host\'s traffic, nor traffic outside the process\'s life', async () => {
    const s = await caseWith(tempDir(), incidentFiles);
    const word = Number(s.store.scalar("SELECT id FROM events WHERE host = 'wks-fin-01.corp.example' AND process_name = 'WINWORD.EXE'"));
    const nodes = all(processTree(s.store, word).root);
    const attributed = nodes.flatMap((n) => n.attributed);
    // The lure download (01:04:00) came before WINWORD started (01:05:00): not WINWORD's doing.
    expect(attributed.map((a) => String(a.event.url))).not.toContain('http://invoice-mail.example/files/%E8%AB%8B%E6%B1%82%E6%9B%B8_1102.doc');
    expect(attributed.every((a) => a.event.src_ip === '10.1.1.21')).toBe(true);
    s.close();
  });

  it('knows private addresses (proxy hops) from public ones', () => {
    expect(['10.1.1.1', '172.16.0.9', '172.31.255.1', '192.168.0.1', 'fd00::1'].every(isPrivateAddress)).toBe(true);
    expect(['172.32.0.1', '203.0.113.10', '8.8.8.8', '192.169.0.1'].some(isPrivateAddress)).toBe(false);
  });
});
