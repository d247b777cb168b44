import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { windowsEventFlatJsonFormat, winlogbeatJsonFormat } from '../../../../electron/engine/formats/windows/event-json';
import { readSampleLines, repoRoot, textSample } from '../../helpers/samples';
import { parseLines } from './helpers';

const DIR = 'sysmon_json';

describe('windows-event-json (flat OTRF): real samples', () => {
  const cases = [
    ['otrf_cmd_bitsadmin_download_psh_script.jsonl', 424],
    ['otrf_cmd_mshta_vbscript_execute_psh.jsonl', 1127],
  ] as const;
  for (const [file, count] of cases) {
    it(`${file}: sniffed, ${count} events, 0 rejects`, () => {
      const lines = readSampleLines(DIR, file);
      expect(windowsEventFlatJsonFormat.sniff(textSample(file, lines))).toBeGreaterThanOrEqual(0.9);
      expect(winlogbeatJsonFormat.sniff(textSample(file, lines))).toBe(0);
      const r = parseLines(windowsEventFlatJsonFormat, lines);
      expect(r.rejects).toEqual([]);
      expect(r.events).toHaveLength(count);
    });
  }

  const lines = readSampleLines(DIR, 'otrf_cmd_bitsadmin_download_psh_script.jsonl');
  const events = parseLines(windowsEventFlatJsonFormat, lines).events;

  it('Sysmon 1 (line 118) field by field; time from UtcTime, not the mislabelled TimeCreated', () => {
    const e = events[117]!;
    expect(e).toMatchObject({
      ts: Date.parse('2020-10-23T06:36:43.542Z'),
      timeRaw: '2020-10-23 06:36:43.542',
      timeZone: 'UTC',
      category: 'process',
      action: 'process_start',
      host: 'WORKSTATION5',
      user: 'WORKSTATION5\\wardog',
      process_name: 'bitsadmin.exe',
      process_path: 'C:\\Windows\\System32\\bitsadmin.exe',
      process_command_line:
        'bitsadmin.exe  /transfer /Download /priority Foreground https://raw.githubusercontent.com/redcanaryco/atomic-red-team/master/atomics/T1197/T1197.md C:\\Users\\wardog\\AppData\\Local\\Temp\\bitsadmin1_flag.ps1',
      process_pid: 9260,
      process_guid: '{39e4a257-79fb-5f92-7117-000000000700}',
      parent_process_guid: '{39e4a257-79ed-5f92-6e17-000000000700}',
      parent_process_name: 'cmd.exe',
      parent_process_command_line: '"C:\\windows\\system32\\cmd.exe" ',
      process_hash: 'EAAE8536D554D0E86D8540A8B34DB2649BD884843F389495D0B6E91636C6CF54',
      message: expect.stringMatching(/^Process start: bitsadmin\.exe {2}\/transfer/) as unknown as string,
    });
    expect(e.extra).toMatchObject({
      provider: 'Microsoft-Windows-Sysmon',
      event_id: 1,
      channel: 'Microsoft-Windows-Sysmon/Operational',
      // The source's own (local, mislabelled Z) stamp is kept beside the UtcTime used.
      TimeCreated: '2020-10-23T02:36:43.547Z',
      IntegrityLevel: 'High',
      ParentProcessId: '10044',
      ParentImage: 'C:\\Windows\\System32\\cmd.exe',
    });
  });

  it('Sysmon 3 and 22 map network and DNS columns', () => {
    const net = events[374]!;
    expect(net).toMatchObject({ category: 'network', src_ip: '192.168.2.5', src_port: 61628, dst_ip: '239.255.255.250', dst_port: 1900, process_name: 'svchost.exe' });
    expect(net.domain).toBeUndefined(); // DestinationHostname "-"
    const dns = events.filter((e) => e.category === 'dns');
    expect(dns).toHaveLength(3);
    expect(dns.every((e) => typeof e.domain === 'string' && e.domain.length > 0)).toBe(true);
  });

  it('events without UtcTime take TimeCreated as written, with the rendered message', () => {
    const e = events[0]!;
    expect(e).toMatchObject({ ts: Date.parse('2020-10-23T02:36:40.671Z'), timeRaw: '2020-10-23T02:36:40.671Z', category: 'other', action: 'log_cleared', message: 'The audit log was cleared.' });
  });

  it('a zone-less EventTime (NXLog) takes the file time zone', () => {
    const r = parseLines(windowsEventFlatJsonFormat, ['{"EventTime":"2020-10-22 02:57:59","Hostname":"H","SourceName":"Service Control Manager","EventID":7045,"Channel":"System"}'], 'Asia/Tokyo');
    expect(r.events[0]).toMatchObject({ ts: Date.parse('2020-10-21T17:57:59Z'), timeZone: 'Asia/Tokyo (assumed)' });
  });
});

describe('winlogbeat-json: fixture from the Winlogbeat field reference', () => {
  const lines = readFileSync(path.join(repoRoot, 'test/fixtures/windows/winlogbeat_events.jsonl'), 'utf8').split('\n').filter((l) => l !== '');
  const r = parseLines(winlogbeatJsonFormat, lines);

  it('sniffed, 4 events, 0 rejects; not taken for flat JSON', () => {
    expect(winlogbeatJsonFormat.sniff(textSample('x', lines))).toBeGreaterThanOrEqual(0.9);
    expect(windowsEventFlatJsonFormat.sniff(textSample('x', lines))).toBe(0);
    expect(r.rejects).toEqual([]);
    expect(r.events.map((e) => e.category)).toEqual(['process', 'dns', 'network', 'auth']);
  });

  it('Sysmon 1 field by field, Japanese preserved', () => {
    expect(r.events[0]).toMatchObject({
      ts: Date.parse('2026-10-05T00:12:44.250Z'),
      timeRaw: '2026-10-05 00:12:44.250',
      host: 'WKS-ACCT-07.acme.local',
      user: 'ACME\\yamada.taro',
      process_name: 'powershell.exe',
      process_pid: 4120,
      parent_process_name: 'WINWORD.EXE',
      parent_process_command_line: '"C:\\Program Files\\Microsoft Office\\Root\\Office16\\WINWORD.EXE" /n "C:\\Users\\yamada.taro\\Downloads\\請求書.doc" /o ""',
      process_hash: 'DE96A6E69944335375DC1AC238336066889D9FFC7D73628EF4FE1B1B160AB32C',
    });
    expect(r.events[0]!.extra).toMatchObject({ record_id: '88231', user_sid: 'S-1-5-18', '@timestamp': '2026-10-05T00:12:44.251Z' });
  });

  it('4624 takes @timestamp (UTC) and the target account', () => {
    expect(r.events[3]).toMatchObject({ ts: Date.parse('2026-10-05T00:15:02.874Z'), timeZone: 'UTC', action: 'logon', user: 'ACME\\yamada.taro', src_ip: '10.20.30.47', src_port: 51790, host: 'FS01.acme.local' });
  });
});

describe('windows event JSON: hostile and generated input', () => {
  const base = { EventID: 1, SourceName: 'Microsoft-Windows-Sysmon', Hostname: 'H', UtcTime: '2026-10-05 00:00:00.000', Image: 'C:\\a.exe' };
  it('rejects truncated JSON, non-objects and events without a time', () => {
    const r = parseLines(windowsEventFlatJsonFormat, [JSON.stringify(base).slice(0, 40), '[1]', '{"EventID":1,"SourceName":"x","Hostname":"H"}', '']);
    expect(r.rejects).toEqual([
      expect.stringMatching(/^line 1: invalid JSON/),
      'line 2: not a JSON object (array)',
      expect.stringMatching(/^line 3: no usable time/),
    ]);
    expect(r.skipped).toBe(1);
    expect(parseLines(winlogbeatJsonFormat, ['{"winlog":{"event_id":"x"}}']).rejects[0]).toMatch(/event_id is missing/);
  });
  it('formula/script payloads, a 1 MB command line and Japanese pass through', () => {
    const cmd = `=cmd|' /C calc'!A0 <script>x</script> 請求書 ${'A'.repeat(1 << 20)}`;
    const r = parseLines(windowsEventFlatJsonFormat, [JSON.stringify({ ...base, CommandLine: cmd, __proto__x: 1 })]);
    expect(r.events[0]!.process_command_line).toBe(cmd);
  });
  it('50,000 generated events', () => {
    const lines = Array.from({ length: 50000 }, (_, i) => JSON.stringify({ ...base, ProcessId: String(i) }));
    const r = parseLines(windowsEventFlatJsonFormat, lines);
    expect(r.events).toHaveLength(50000);
    expect(r.events[49999]!.process_pid).toBe(49999);
  });
});
