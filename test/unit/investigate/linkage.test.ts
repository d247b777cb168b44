// Process linkage on hand-made events: the cases the samples do not hold (pid reuse).
import { describe, expect, it } from 'vitest';
import { ProcessLinker, type LinkEvent } from '../../../electron/engine/detect/story/process-links';

let nextId = 1;
function ev(p: Partial<LinkEvent>): LinkEvent {
  return {
    id: nextId++, time: '2026-11-02T01:00:00.000Z', host: 'WS1', user: null, category: 'process', action: 'process_start',
    process_name: null, process_command_line: null, process_pid: null, process_guid: null, parent_process_guid: null,
    parent_process_name: null, parent_process_command_line: null, src_ip: null, dst_ip: null, dst_port: null, url: null,
    domain: null, http_status: null, bytes_in: null, content_type: null, file_path: null, registry_path: null, ...p,
  };
}

describe('process linkage', () => {
  it('tells two processes that reused a pid apart by the start time the child names', () => {
    const early = ev({ time: '2026-11-02T01:00:00.000Z', process_name: 'cmd.exe', process_pid: 400 });
    const late = ev({ time: '2026-11-02T03:00:00.000Z', process_name: 'cmd.exe', process_pid: 400 });
    const other = ev({ time: '2026-11-02T03:00:00.000Z', host: 'WS2', process_name: 'cmd.exe', process_pid: 400 });
    const l = new ProcessLinker();
    [early, late, other].forEach((e) => l.add(e));
    // The child starts after both, but says its parent started at 01:00 (Defender's InitiatingProcessCreationTime).
    const child = ev({ time: '2026-11-02T04:00:00.000Z', process_name: 'whoami.exe', process_pid: 500, parent_pid: 400, parent_process_name: 'cmd.exe', parent_start: '2026-11-02T01:00:00.400Z' });
    expect(l.parent(child)).toEqual({ start: early, method: 'pid-time' });
    // Without a start time: the latest start of that pid before the child, on the child's host only.
    const child2 = ev({ time: '2026-11-02T04:00:00.000Z', process_name: 'net.exe', process_pid: 501, parent_pid: 400 });
    expect(l.parent(child2)!.start).toBe(late);
    // A reused pid never joins two different programs.
    const child3 = ev({ time: '2026-11-02T04:00:00.000Z', process_pid: 502, parent_pid: 400, parent_process_name: 'powershell.exe' });
    expect(l.parent(child3)).toBeNull();
  });

  it('prefers the GUID the source gives over pid and name', () => {
    const a = ev({ process_name: 'a.exe', process_pid: 10, process_guid: '{A}' });
    const b = ev({ process_name: 'a.exe', process_pid: 10, process_guid: '{B}', time: '2026-11-02T02:00:00.000Z' });
    const l = new ProcessLinker();
    l.add(a);
    l.add(b);
    const child = ev({ time: '2026-11-02T05:00:00.000Z', process_name: 'c.exe', parent_process_guid: '{A}', parent_pid: 10 });
    expect(l.parent(child)).toEqual({ start: a, method: 'guid' });
    const net = ev({ category: 'network', action: 'connection', time: '2026-11-02T05:00:00.000Z', process_name: 'a.exe', process_pid: 10 });
    expect(l.self(net)).toEqual({ start: b, method: 'pid-time' });
  });
});
