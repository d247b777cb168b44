import { describe, expect, it } from 'vitest';
import { mapWindowsEvent, pickHash, windowsEventTime, windowsParsedEvent } from '../../../../electron/engine/formats/windows/event-mapping';

const SYSMON = 'Microsoft-Windows-Sysmon';
const sys = (eventId: number, provider = SYSMON) => ({ provider, eventId, computer: 'WKS-1', channel: 'x', timeCreated: '2026-10-05T00:12:45.1234567Z' });

describe('mapWindowsEvent', () => {
  it('Sysmon 1: the created process, its parent, guids and the strongest hash', () => {
    const e = mapWindowsEvent(sys(1), {
      Image: 'C:\\Windows\\System32\\cmd.exe',
      CommandLine: 'cmd /c x',
      ProcessId: '4120',
      ProcessGuid: '{a}',
      ParentProcessGuid: '{b}',
      ParentImage: 'C:\\Office\\WINWORD.EXE',
      ParentCommandLine: 'winword',
      User: 'ACME\\taro',
      Hashes: 'SHA1=11,MD5=22,SHA256=33,IMPHASH=44',
      UtcTime: '2026-10-05 00:12:44.250',
    });
    expect(e).toMatchObject({
      category: 'process',
      action: 'process_start',
      host: 'WKS-1',
      user: 'ACME\\taro',
      process_name: 'cmd.exe',
      process_path: 'C:\\Windows\\System32\\cmd.exe',
      process_command_line: 'cmd /c x',
      process_pid: 4120,
      process_guid: '{a}',
      parent_process_guid: '{b}',
      parent_process_name: 'WINWORD.EXE',
      parent_process_command_line: 'winword',
      process_hash: '33',
      message: 'Process start: cmd /c x',
    });
    expect(e.extra).toMatchObject({ provider: SYSMON, event_id: 1, ParentImage: 'C:\\Office\\WINWORD.EXE', Hashes: 'SHA1=11,MD5=22,SHA256=33,IMPHASH=44', UtcTime: '2026-10-05 00:12:44.250' });
    expect(e.extra).not.toHaveProperty('CommandLine');
  });

  it('Sysmon 3, 22, 7, 11, 12/13/14 and an unknown id', () => {
    expect(mapWindowsEvent(sys(3), { SourceIp: '10.0.0.1', SourcePort: '5000', DestinationIp: '203.0.113.5', DestinationPort: '443', DestinationHostname: 'c2.example', Image: 'C:\\a.exe' })).toMatchObject({
      category: 'network', action: 'connection', src_ip: '10.0.0.1', src_port: 5000, dst_ip: '203.0.113.5', dst_port: 443, domain: 'c2.example', process_name: 'a.exe',
    });
    expect(mapWindowsEvent(sys(22), { QueryName: 'evil.example', QueryResults: '1.2.3.4;', Image: 'C:\\a.exe' })).toMatchObject({ category: 'dns', action: 'dns_query', domain: 'evil.example', message: 'DNS query: evil.example -> 1.2.3.4;' });
    const load = mapWindowsEvent(sys(7), { Image: 'C:\\a.exe', ImageLoaded: 'C:\\x.dll', Hashes: 'MD5=AB' });
    expect(load).toMatchObject({ category: 'process', action: 'image_load', file_path: 'C:\\x.dll', file_hash: 'AB' });
    expect(load.process_hash).toBeUndefined();
    expect(mapWindowsEvent(sys(11), { TargetFilename: 'C:\\t\\x.dll', Image: 'C:\\a.exe' })).toMatchObject({ category: 'file', action: 'file_create', file_path: 'C:\\t\\x.dll' });
    for (const id of [12, 13, 14]) {
      expect(mapWindowsEvent(sys(id), { EventType: 'SetValue', TargetObject: 'HKU\\Run\\x', Details: 'rundll32 x.dll' })).toMatchObject({
        category: 'registry', action: 'SetValue', registry_path: 'HKU\\Run\\x', message: 'Registry SetValue: HKU\\Run\\x = rundll32 x.dll',
      });
    }
    expect(mapWindowsEvent(sys(255), { Image: 'C:\\a.exe' })).toMatchObject({ category: 'other', action: 'sysmon_255' });
  });

  it('Security 4624/4625 -> auth with the target account, 4688 -> process (hex pids)', () => {
    const data = { TargetUserName: 'taro', TargetDomainName: 'ACME', SubjectUserName: '-', IpAddress: '10.1.1.1', IpPort: '0', LogonType: '3', ProcessId: '0x0' };
    const sec = 'Microsoft-Windows-Security-Auditing';
    expect(mapWindowsEvent(sys(4624, sec), data)).toMatchObject({ category: 'auth', action: 'logon', user: 'ACME\\taro', src_ip: '10.1.1.1' });
    const failed = mapWindowsEvent(sys(4625, sec), data);
    expect(failed).toMatchObject({ category: 'auth', action: 'logon_failed' });
    expect(failed.src_port).toBeUndefined();
    expect(failed.process_pid).toBeUndefined();
    expect(mapWindowsEvent(sys(4688, sec), { NewProcessName: 'C:\\w\\cmd.exe', NewProcessId: '0x1018', CommandLine: 'cmd', ParentProcessName: 'C:\\x\\word.exe', SubjectUserName: 'taro', SubjectDomainName: 'ACME' })).toMatchObject({
      category: 'process', action: 'process_start', process_pid: 4120, process_name: 'cmd.exe', parent_process_name: 'word.exe', user: 'ACME\\taro',
    });
    expect(mapWindowsEvent(sys(7045, 'Service Control Manager'), {})).toMatchObject({ category: 'other', action: 'event_7045', message: 'Service Control Manager 7045' });
  });

  it('keeps hostile names and values as data', () => {
    const data = Object.create(null) as Record<string, string>;
    data.__proto__ = 'x';
    data.CommandLine = "=cmd|' /C calc'!A0 <script>";
    const e = mapWindowsEvent(sys(1), data);
    expect(e.process_command_line).toBe("=cmd|' /C calc'!A0 <script>");
    expect(Object.getOwnPropertyDescriptor(e.extra, '__proto__')?.value).toBe('x');
  });
});

describe('windowsEventTime', () => {
  it('prefers Sysmon UtcTime (the sensor clock, UTC) over TimeCreated', () => {
    expect(windowsEventTime(sys(1), { UtcTime: '2020-10-23 06:36:43.542' })).toEqual({ ts: Date.parse('2020-10-23T06:36:43.542Z'), timeRaw: '2020-10-23 06:36:43.542', timeZone: 'UTC', source: 'UtcTime' });
    expect(windowsEventTime(sys(4624, 'Microsoft-Windows-Security-Auditing'), { UtcTime: '2020-10-23 06:36:43.542' })?.source).toBe('TimeCreated');
    expect(windowsEventTime(sys(1), { UtcTime: 'garbage' })).toMatchObject({ ts: Date.parse('2026-10-05T00:12:45.123Z'), timeRaw: '2026-10-05T00:12:45.1234567Z' });
    expect(windowsEventTime({ provider: 'x', eventId: 1, timeCreated: '2026-10-05T09:12:45+09:00' }, {})).toMatchObject({ ts: Date.parse('2026-10-05T00:12:45Z'), timeZone: '+09:00' });
    expect(windowsEventTime({ provider: 'x', eventId: 1, timeCreated: '2026-10-05 09:12:45' }, {})).toBeNull();
  });
  it('pickHash', () => {
    expect(pickHash('MD5=A,SHA1=B')).toBe('B');
    expect(pickHash('IMPHASH=Z')).toBeUndefined();
    expect(pickHash('d41d8cd98f00b204e9800998ecf8427e')).toBe('d41d8cd98f00b204e9800998ecf8427e');
  });
});

describe('windowsParsedEvent', () => {
  it('time and fields in one event, or the reject reason', () => {
    expect(windowsParsedEvent(sys(1), { UtcTime: '2026-10-05 00:12:44.250', Image: 'C:\\a.exe' })).toMatchObject({ ts: Date.parse('2026-10-05T00:12:44.250Z'), timeRaw: '2026-10-05 00:12:44.250', timeZone: 'UTC', category: 'process', process_name: 'a.exe' });
    expect(windowsParsedEvent({ provider: SYSMON, eventId: 1 }, {})).toBe('no usable time: TimeCreated SystemTime "" and no UtcTime');
  });
});
