// The Sigma subset: values, wildcards, modifiers, keywords, conditions and log sources, as the
// specification defines them, over events in a case. Each case runs through the real path
// (SQL filter, then the same rule in JavaScript).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineCase, ids, processRule, type EngineCase } from './engine-case';

describe('Sigma rule engine', () => {
  let c: EngineCase;
  beforeAll(async () => {
    c = await engineCase();
  });
  afterAll(() => c?.dispose());

  /** Adds the events, runs one process_creation rule over the case, returns the matched ids among them. */
  function hits(detection: string, events: Parameters<EngineCase['add']>[0]): number[] {
    const added = c.add(events.map((e) => ({ host: `H-${Math.random().toString(36).slice(2)}`, ...e })));
    const loaded = c.rules(processRule(detection));
    expect(loaded.problems).toEqual([]);
    return ids(c.run(loaded)).filter((id) => added.includes(id)).map((id) => added.indexOf(id));
  }

  it('plain values compare whole and case-insensitively; * and ? are wildcards; \\* is a star, \\\\ a backslash', () => {
    const det = `  sel:
    Image:
      - 'C:\\Windows\\System32\\cmd.exe'
      - '*\\pw?h.exe'
      - 'C:\\odd\\a\\*b.exe'
      - 'C:\\odd\\c\\\\\\*d.exe'
  condition: sel`;
    expect(
      hits(det, [
        { process_path: 'c:\\windows\\system32\\CMD.EXE' },
        { process_path: 'C:\\Windows\\System32\\cmd.exe.bak' },
        { process_path: 'D:\\tools\\pwsh.exe' },
        { process_path: 'D:\\tools\\pwssh.exe' },
        { process_path: 'C:\\odd\\a*b.exe' },
        { process_path: 'C:\\odd\\axb.exe' },
        { process_path: 'C:\\odd\\c\\*d.exe' },
      ]),
    ).toEqual([0, 2, 4, 6]);
  });

  it('contains, startswith, endswith, and |all', () => {
    expect(hits(`  sel:\n    CommandLine|contains: 'DownloadString'\n  condition: sel`, [{ process_command_line: 'iex (x).downloadstring(1)' }, { process_command_line: 'x' }])).toEqual([0]);
    expect(hits(`  sel:\n    CommandLine|startswith: 'cmd /c'\n  condition: sel`, [{ process_command_line: 'CMD /C whoami' }, { process_command_line: 'x cmd /c' }])).toEqual([0]);
    expect(hits(`  sel:\n    Image|endswith: '\\rundll32.exe'\n  condition: sel`, [{ process_path: 'C:\\W\\RUNDLL32.EXE' }, { process_path: 'C:\\W\\rundll32.exe.x' }])).toEqual([0]);
    expect(
      hits(`  sel:\n    CommandLine|contains|all:\n      - ' create '\n      - 'binPath'\n  condition: sel`, [
        { process_command_line: 'sc create x binPath= y' },
        { process_command_line: 'sc create x' },
      ]),
    ).toEqual([0]);
  });

  it('matches Japanese text as written', () => {
    expect(
      hits(`  sel:\n    CommandLine|contains: '請求書'\n  condition: sel`, [
        { process_command_line: 'WINWORD.EXE /n "C:\\Users\\山田\\Downloads\\請求書.doc"' },
        { process_command_line: 'WINWORD.EXE /n "C:\\Users\\山田\\Downloads\\議事録.doc"' },
      ]),
    ).toEqual([0]);
  });

  it('re: JavaScript regular expressions, case-sensitive unless (?i) or |i', () => {
    expect(hits(`  sel:\n    CommandLine|re: '-[Ee]nc\\s+[A-Za-z0-9+/=]{8,}'\n  condition: sel`, [{ process_command_line: 'powershell -enc SQBFAFgAIAAo' }, { process_command_line: 'powershell -ENC SQBFAFgAIAAo' }])).toEqual([0]);
    expect(hits(`  sel:\n    CommandLine|re: '(?i)^POWERSHELL'\n  condition: sel`, [{ process_command_line: 'powershell -x' }, { process_command_line: 'xpowershell' }])).toEqual([0]);
    expect(hits(`  sel:\n    CommandLine|re|i: 'whoami$'\n  condition: sel`, [{ process_command_line: 'cmd /c WHOAMI' }])).toEqual([0]);
  });

  it('base64offset|contains finds a string at any offset of base64 text, wide = UTF-16LE', () => {
    const utf16 = (s: string): string => Buffer.from(s, 'utf16le').toString('base64');
    const events = ['http://x', 'a http://x', 'ab http://x', 'nothing here'].map((s) => ({ process_command_line: `powershell -enc ${utf16(s)}` }));
    expect(hits(`  sel:\n    CommandLine|wide|base64offset|contains: 'http://'\n  condition: sel`, events)).toEqual([0, 1, 2]);
    const utf8 = Buffer.from('IEX(foo)').toString('base64');
    expect(hits(`  sel:\n    CommandLine|base64|contains: 'IEX(foo)'\n  condition: sel`, [{ process_command_line: `x ${utf8} y` }, { process_command_line: 'x' }])).toEqual([0]);
  });

  it('windash: a switch written with -, / or a Unicode dash', () => {
    expect(
      hits(`  sel:\n    CommandLine|windash|contains: ' -create '\n  condition: sel`, [
        { process_command_line: 'schtasks /create /tn x' },
        { process_command_line: 'schtasks \u2013create /tn x' },
        { process_command_line: 'schtasks -create /tn x' },
        { process_command_line: 'schtasks /query' },
      ]),
    ).toEqual([0, 1, 2]);
  });

  it('cidr on IPv4 and IPv6; gte on numbers; exists and null', () => {
    // Sysmon-like connections: network_connection is process-centric (the mapping's requires).
    const net = (dst: string | null, port: number | null) => ({ category: 'network', action: 'connection', process_name: 'app.exe', dst_ip: dst, dst_port: port });
    const rule = (detection: string): string =>
      `title: Net\nid: 00000000-0000-4000-8000-00000000000${Math.floor(Math.random() * 9)}\nlogsource:\n  category: network_connection\ndetection:\n${detection}\nlevel: low\n`;
    const run = (det: string, events: ReturnType<typeof net>[]): number[] => {
      const added = c.add(events.map((e) => ({ host: `N-${Math.random()}`, ...e })));
      const loaded = c.rules(rule(det));
      expect(loaded.problems).toEqual([]);
      return ids(c.run(loaded)).filter((id) => added.includes(id)).map((id) => added.indexOf(id));
    };
    expect(run(`  sel:\n    DestinationIp|cidr:\n      - '172.16.0.0/12'\n      - 'fd00::/8'\n  condition: sel`, [net('172.31.255.1', 1), net('172.32.0.1', 1), net('fd12::1', 1), net('fe80::1', 1), net('172.16.0.01', 1)])).toEqual([0, 2]);
    expect(run(`  sel:\n    DestinationPort|gte: 1024\n  condition: sel`, [net('1.1.1.1', 8080), net('1.1.1.1', 443), net('1.1.1.1', null)])).toEqual([0]);
    expect(run(`  sel:\n    DestinationIp|exists: false\n  condition: sel`, [net(null, 1), net('1.1.1.1', 1)])).toEqual([0]);
    expect(run(`  sel:\n    DestinationIp: null\n  condition: sel`, [net(null, 1), net('1.1.1.1', 1)])).toEqual([0]);
  });

  it('keywords search the message, command line and URL', () => {
    const det = `  keywords:\n    - 'mimikatz'\n    - 'sekurlsa::'\n  condition: keywords`;
    expect(hits(det, [{ process_command_line: 'x.exe sekurlsa::logonpasswords' }, { message: 'Found Mimikatz' }, { process_command_line: 'notepad' }])).toEqual([0, 1]);
  });

  it('conditions: and, or, not, parentheses, 1 of / all of patterns, them, N of, lists', () => {
    const sels = `  sel_a:\n    CommandLine|contains: 'aaa'\n  sel_b:\n    CommandLine|contains: 'bbb'\n  filter:\n    CommandLine|contains: 'zzz'\n`;
    const ev = ['aaa', 'bbb', 'aaa bbb', 'aaa zzz', 'aaa bbb zzz', 'zzz'].map((s) => ({ process_command_line: s }));
    expect(hits(`${sels}  condition: sel_a and not filter`, ev)).toEqual([0, 2]);
    expect(hits(`${sels}  condition: 1 of sel_* and not filter`, ev)).toEqual([0, 1, 2]);
    expect(hits(`${sels}  condition: all of sel_*`, ev)).toEqual([2, 4]);
    expect(hits(`${sels}  condition: (sel_a or sel_b) and not filter`, ev)).toEqual([0, 1, 2]);
    expect(hits(`${sels}  condition: 1 of them`, ev)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(hits(`${sels}  condition: all of them`, ev)).toEqual([4]);
    expect(hits(`${sels}  condition: 2 of them`, ev)).toEqual([2, 3, 4]);
    expect(hits(`${sels}  condition:\n    - sel_a and filter\n    - sel_b and not sel_a`, ev)).toEqual([1, 3, 4]);
    expect(hits(`${sels}  condition: not (sel_a or sel_b or filter)`, [...ev, { process_command_line: 'ccc' }])).toEqual([6]);
  });

  it('a list of maps is OR, a map is AND, a value list is OR', () => {
    const det = `  sel:\n    - Image|endswith: '\\a.exe'\n      CommandLine|contains: 'x'\n    - Image|endswith: '\\b.exe'\n  condition: sel`;
    expect(hits(det, [{ process_path: 'C:\\a.exe', process_command_line: 'x' }, { process_path: 'C:\\a.exe', process_command_line: 'y' }, { process_path: 'C:\\b.exe' }])).toEqual([0, 2]);
  });

  it('ParentImage falls back to the parent name where a source keeps only that', () => {
    const det = `  sel:\n    ParentImage|endswith: '\\WINWORD.EXE'\n  condition: sel`;
    expect(
      hits(det, [
        { parent_process_name: 'winword.exe' },
        { extra: { ParentImage: 'C:\\Office\\WINWORD.EXE' } },
        { parent_process_name: 'winword.exe.bak' },
        { parent_process_name: 'excel.exe' },
      ]),
    ).toEqual([0, 1]);
  });

  it('process_creation takes process starts only, not module loads or process access', () => {
    const det = `  sel:\n    Image|endswith: '\\rundll32.exe'\n  condition: sel`;
    expect(hits(det, [{ action: 'process_start', process_path: 'C:\\rundll32.exe' }, { action: 'image_load', process_path: 'C:\\rundll32.exe' }, { action: 'ProcessCreated', process_path: 'C:\\rundll32.exe' }])).toEqual([0, 2]);
  });

  it('a service narrows to its log (sysmon: the Sysmon provider)', () => {
    const added = c.add([
      { host: 'SVC-A', category: 'other', action: 'event_7045', extra: { provider: 'Service Control Manager', channel: 'System', event_id: 7045, ImagePath: 'C:\\Users\\Public\\u.exe' } },
      { host: 'SVC-B', category: 'other', action: 'event_7045', extra: { provider: 'Service Control Manager', channel: 'Application', event_id: 7045, ImagePath: 'C:\\Users\\Public\\u.exe' } },
    ]);
    const loaded = c.rules(`title: Svc\nid: 00000000-0000-4000-8000-0000000000a1\nlogsource:\n  product: windows\n  service: system\ndetection:\n  sel:\n    EventID: 7045\n    ImagePath|contains: '\\Users\\Public\\'\n  condition: sel\nlevel: high\n`);
    expect(loaded.problems).toEqual([]);
    expect(ids(c.run(loaded)).filter((id) => added.includes(id))).toEqual([added[0]]);
  });

  it('groups hits per rule and host, ids in time order, first time, capped at 1000 with the true count', () => {
    const host = 'GROUP-HOST';
    const many = Array.from({ length: 1005 }, (_, i) => ({ host, process_command_line: 'grouptest', time: new Date(Date.parse('2027-01-01T00:00:00Z') + (1005 - i) * 1000).toISOString() }));
    const added = c.add([...many, { host: 'OTHER-HOST', process_command_line: 'grouptest', time: '2027-02-01T00:00:00.000Z' }]);
    const loaded = c.rules(processRule(`  sel:\n    CommandLine: 'grouptest'\n  condition: sel`));
    const findings = c.run(loaded);
    expect(findings.map((f) => f.host)).toEqual([host, 'OTHER-HOST']);
    const f = findings[0]!;
    expect(f.event_ids.length).toBe(1000);
    expect(f.event_ids[0]).toBe(added[1004]); // the last inserted is the earliest
    expect(f.time).toBe('2027-01-01T00:00:01.000Z');
    expect(f.reasons).toContain('1005 matching events on GROUP-HOST; the first 1000 are listed');
  });
});
