import { describe, expect, it } from 'vitest';
import type { ProcessNode } from '../../../electron/common/investigate';
import { processTree } from '../../../electron/engine/investigate/process-tree';
import { samplePath } from '../helpers/samples';
import { tempDir } from '../helpers/tmp';
import { caseWith, incidentFiles } from './helpers';

function flat(n: ProcessNode | null, depth = 0, out: { name: string | null; depth: number; node: ProcessNode }[] = []) {
  if (!n) return out;
  out.push({ name: n.name, depth, node: n });
  for (const c of n.children) flat(c, depth + 1, out);
  return out;
}

describe('process tree', () => {
  it('links Defender processes by parent pid and start time, and ties proxy traffic to the process that made it', async () => {
    const s = await caseWith(tempDir(), incidentFiles);
    const rundll = Number(s.store.scalar("SELECT id FROM events WHERE process_name = 'rundll32.exe' AND category = 'process'"));
    const t = processTree(s.store, rundll);
    const nodes = flat(t.root);
    // explorer -> WINWORD -> powershell -> rundll32 -> schtasks; explorer's start was never
    // logged: it is known from WINWORD's record only.
    expect(nodes.map((n) => [n.name, n.depth])).toEqual([
      ['explorer.exe', 0],
      ['WINWORD.EXE', 1],
      ['powershell.exe', 2],
      ['rundll32.exe', 3],
      ['schtasks.exe', 4],
    ]);
    expect(nodes[0]!.node.logged).toBe(false);
    expect(nodes[0]!.node.pid).toBe(1200);
    expect(nodes.slice(2).every((n) => n.node.linkedBy === 'pid-time' && n.node.logged)).toBe(true);
    const rundllNode = nodes[3]!.node;
    expect(rundllNode.focus).toBe(true);
    expect(rundllNode.commandLine).toMatch(/^rundll32\.exe C:\\Users\\sato\.hanako/);
    // Its twelve beacons to the C2 are its own EDR network events.
    expect(rundllNode.events.filter((e) => e.dst_ip === '203.0.113.10')).toHaveLength(12);
    // The proxy's GET of the payload happened while PowerShell talked to the proxy: attributed to PowerShell.
    const ps = nodes[2]!.node;
    const payload = ps.attributed.find((a) => String(a.event.url).endsWith('/wp/x.dll'));
    expect(payload?.method).toBe('edr-connection');
    expect(ps.events.map((e) => e.id)).toContain(payload!.via);
    // Another host's proxy traffic is never attributed here.
    const everywhere = nodes.flatMap((n) => n.node.attributed.map((a) => a.event.host));
    expect(everywhere.every((h) => h === 'wks-fin-01.corp.example')).toBe(true);
    expect(t.hostAddresses).toContain('10.1.1.21');
    s.close();
  });

  it('opens from a network event on the process that made it', async () => {
    const s = await caseWith(tempDir(), incidentFiles);
    const beacon = Number(s.store.scalar("SELECT min(id) FROM events WHERE dst_ip = '203.0.113.10'"));
    const t = processTree(s.store, beacon);
    const focus = flat(t.root).find((n) => n.node.focus)!;
    expect(focus.name).toBe('rundll32.exe');
    expect(t.ancestors).toBe(2); // powershell, WINWORD (logged); explorer from WINWORD's record
    s.close();
  });

  it('links Sysmon processes by ProcessGuid (EVTX sample)', async () => {
    const s = await caseWith(tempDir(), [samplePath('evtx', 'omerbenamram_sysmon.evtx')]);
    // A process start whose parent GUID names another logged start.
    const child = s.store.all<{ id: number; parent: string }>(
      `SELECT c.id, p.process_name AS parent FROM events c JOIN events p
         ON p.process_guid = c.parent_process_guid AND p.action = 'process_start' AND p.host = c.host
       WHERE c.action = 'process_start' LIMIT 1`,
    )[0]!;
    const t = processTree(s.store, child.id);
    const nodes = flat(t.root);
    const focus = nodes.find((n) => n.node.focus)!;
    expect(focus.node.linkedBy).toBe('guid');
    expect(nodes[nodes.indexOf(focus) - 1]!.name).toBe(child.parent);
    s.close();
  });

  it('reads the creator pid of a Security 4688 record (hex) and shows the unlogged parent', async () => {
    const s = await caseWith(tempDir(), [samplePath('sysmon_json', 'otrf_cmd_bitsadmin_download_psh_script.jsonl')]);
    const bits = Number(s.store.scalar("SELECT id FROM events WHERE process_name = 'bitsadmin.exe' AND json_extract(extra, '$.event_id') = 4688"));
    const t = processTree(s.store, bits);
    const nodes = flat(t.root);
    expect(nodes[0]!.name).toBe('cmd.exe');
    expect(nodes[0]!.node.logged).toBe(false);
    expect(nodes[0]!.node.pid).toBe(0x273c); // ProcessId "0x273c" = 10044, also Sysmon's ParentProcessId
    expect(nodes[1]!.node.focus).toBe(true);
    s.close();
  });
});

describe('process tree on every EDR sample', () => {
  const samples = [
    ['sysmon_json', 'otrf_cmd_mshta_vbscript_execute_psh.jsonl'],
    ['evtx', 'omerbenamram_sysmon.evtx'],
    ['mde_json', 'otrf_GoldenSAML_Microsoft365DefenderEvents.jsonl'],
    ['carbonblack_cloud_json', 'cbc_sdk_process_search_results.json'],
    ['carbonblack_cloud_json', 'cbc_sdk_enriched_event_search_results.json'],
    ['carbonblack_edr_json', 'cbedr_bus_watchlist.hit.process.jsonl'],
    ['crowdstrike_falcon', 'azsentinel_CrowdStrike_FalconHost_AuditEvent_RawLogs.cef.txt'],
  ];
  it("opens from the events of every sample: a tree whose focus is the event's process, or none when it names no process", async () => {
    const s = await caseWith(tempDir(), samples.map(([d, f]) => samplePath(d!, f!)));
    const events = s.store.all<{ id: number; host: string | null; process_name: string | null; process_pid: number | null; process_guid: string | null }>(
      'SELECT id, host, process_name, process_pid, process_guid FROM events',
    );
    expect(events.length).toBeGreaterThan(1000);
    let trees = 0;
    // Every seventh event (all of them take minutes): every format and action is still met.
    for (const e of events.filter((_, i) => i % 7 === 0)) {
      const t = processTree(s.store, e.id);
      const named = e.host !== null && (e.process_pid !== null || e.process_guid !== null || e.process_name !== null);
      if (!named) {
        expect(t.root).toBeNull();
        continue;
      }
      trees++;
      const focus = flat(t.root).filter((n) => n.node.focus);
      expect(focus).toHaveLength(1);
      // The focus is the event's own process: same GUID when both have one, same pid when logged.
      if (e.process_guid && focus[0]!.node.guid) expect(focus[0]!.node.guid).toBe(e.process_guid);
      if (e.process_pid !== null && focus[0]!.node.logged && focus[0]!.node.pid !== null) expect(focus[0]!.node.pid).toBe(e.process_pid);
    }
    expect(trees).toBeGreaterThan(100);
    // Carbon Black Cloud names the parent by GUID: the process hangs under its (unlogged) parent.
    const cb = Number(s.store.scalar("SELECT id FROM events WHERE source_format = 'carbonblack-cloud-json' AND parent_process_guid IS NOT NULL LIMIT 1"));
    const cbTree = processTree(s.store, cb);
    expect(cbTree.root!.guid).toBe(String(s.store.scalar('SELECT parent_process_guid FROM events WHERE id = ?', [cb])));
    expect(cbTree.root!.children[0]!.focus).toBe(true);
    s.close();
  }, 120_000);
});
