import { describe, expect, it } from 'vitest';
import { winEventXmlFormat } from '../../../../electron/engine/formats/windows/winevent-xml';
import { readSampleLines, textSample } from '../../helpers/samples';
import { parseLines } from './helpers';

const FILE = 'crowdsec_windows-bf_4625.xml.log';
const NS = 'http://schemas.microsoft.com/win/2004/08/events/event';

function sysmonXml(opts: { cmd: string; pretty?: boolean; utc?: string }): string[] {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const lines = [
    `<Event xmlns='${NS}'>`,
    "  <System>",
    "    <Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/>",
    '    <EventID>1</EventID>',
    "    <TimeCreated SystemTime='2026-10-05T00:12:44.2519876Z'/>",
    '    <EventRecordID>88231</EventRecordID>',
    "    <Execution ProcessID='3284' ThreadID='4012'/>",
    '    <Channel>Microsoft-Windows-Sysmon/Operational</Channel>',
    '    <Computer>経理-PC</Computer>',
    "    <Security UserID='S-1-5-18'/>",
    '  </System>',
    '  <EventData>',
    `    <Data Name='UtcTime'>${opts.utc ?? '2026-10-05 00:12:44.250'}</Data>`,
    "    <Data Name='ProcessGuid'>{8c2f7a31-a6cc-6a01-3c01-000000001a00}</Data>",
    "    <Data Name='ProcessId'>4120</Data>",
    "    <Data Name='Image'>C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe</Data>",
    `    <Data Name='CommandLine'>${esc(opts.cmd)}</Data>`,
    "    <Data Name='User'>ACME\\山田</Data>",
    "    <Data Name='ParentImage'>C:\\Office16\\WINWORD.EXE</Data>",
    "    <Data Name='ParentProcessGuid'>{8c2f7a31-a6c9-6a01-3a01-000000001a00}</Data>",
    '  </EventData>',
    '</Event>',
  ];
  return opts.pretty === false ? [lines.map((l) => l.trim()).join('')] : lines;
}

describe('windows-event-xml: real sample', () => {
  const lines = readSampleLines('winevent_xml', FILE);
  it(`${FILE}: sniffed, 6 events, 0 rejects`, () => {
    expect(winEventXmlFormat.sniff(textSample(FILE, lines))).toBeGreaterThanOrEqual(0.9);
    const r = parseLines(winEventXmlFormat, lines);
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(6);
    expect(r.events.every((e) => e.category === 'auth' && e.action === 'logon_failed')).toBe(true);
  });
  it('first record field by field', () => {
    const e = parseLines(winEventXmlFormat, lines).events[0]!;
    expect(e).toMatchObject({
      ts: Date.parse('2022-04-29T12:36:01.902Z'),
      timeRaw: '2022-04-29T12:36:01.9027913Z',
      timeZone: 'UTC',
      category: 'auth',
      action: 'logon_failed',
      host: 'exchange-1.mydomain.test',
      user: 'MYDOMAIN\\asdfasdf',
      src_ip: '192.168.9.212',
      message: 'logon failed: MYDOMAIN\\asdfasdf (type 3) from DESKTOP-7QD9TN3',
    });
    expect(e.src_port).toBeUndefined(); // IpPort 0: no port
    expect(e.extra).toMatchObject({
      provider: 'Microsoft-Windows-Security-Auditing',
      event_id: 4625,
      channel: 'Security',
      record_id: 2559,
      Status: '0xc000006d',
      SubStatus: '0xc0000064',
      LogonType: '3',
      WorkstationName: 'DESKTOP-7QD9TN3',
      AuthenticationPackageName: 'NTLM',
    });
  });
});

describe('windows-event-xml: layouts, time, hostile input', () => {
  it('pretty-printed events over many lines, inside <Events> with a declaration', () => {
    const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<Events>', ...sysmonXml({ cmd: 'a' }), ...sysmonXml({ cmd: 'b' }), '</Events>'];
    expect(winEventXmlFormat.sniff(textSample('x.xml', lines))).toBeGreaterThanOrEqual(0.9);
    const r = parseLines(winEventXmlFormat, lines);
    expect(r.rejects).toEqual([]);
    expect(r.events.map((e) => e.process_command_line)).toEqual(['a', 'b']);
    expect(r.events[0]).toMatchObject({
      category: 'process',
      host: '経理-PC',
      user: 'ACME\\山田',
      process_pid: 4120,
      process_guid: '{8c2f7a31-a6cc-6a01-3c01-000000001a00}',
      parent_process_guid: '{8c2f7a31-a6c9-6a01-3a01-000000001a00}',
      parent_process_name: 'WINWORD.EXE',
      // Sysmon: UtcTime, not TimeCreated.
      timeRaw: '2026-10-05 00:12:44.250',
      ts: Date.parse('2026-10-05T00:12:44.250Z'),
    });
    expect(r.events[0]!.extra).toMatchObject({ record_id: 88231, user_sid: 'S-1-5-18' });
  });

  it('formula, script and markup payloads pass through decoded but unaltered', () => {
    const cmd = "=cmd|' /C calc'!A0 <script>alert(\"x\")</script> & 請求書";
    const r = parseLines(winEventXmlFormat, sysmonXml({ cmd, pretty: false }));
    expect(r.events[0]!.process_command_line).toBe(cmd);
  });

  it('a 1 MB command line', () => {
    const cmd = `powershell -enc ${'A'.repeat(1 << 20)}`;
    expect(parseLines(winEventXmlFormat, sysmonXml({ cmd, pretty: false })).events[0]!.process_command_line).toBe(cmd);
  });

  it('rejects truncated and malformed events with a reason', () => {
    const one = sysmonXml({ cmd: 'x', pretty: false })[0]!;
    expect(parseLines(winEventXmlFormat, [one.slice(0, 300)]).rejects).toEqual(['line 1: truncated']);
    expect(parseLines(winEventXmlFormat, [one.replace('</EventData>', '')]).rejects[0]).toMatch(/malformed Event XML: unexpected <\/Event>/);
    expect(parseLines(winEventXmlFormat, [one.replace('<EventID>1</EventID>', '<EventID>x</EventID>')]).rejects[0]).toMatch(/EventID> is not a number/);
    expect(parseLines(winEventXmlFormat, [one.replace(/SystemTime='[^']*'/, "SystemTime='yesterday'").replace(/<Data Name='UtcTime'>[^<]*<\/Data>/, '')]).rejects[0]).toMatch(/no usable time/);
    expect(parseLines(winEventXmlFormat, ['<Other/>']).rejects[0]).toMatch(/expected an <Event> element/);
  });

  it('50,000 generated one-line events', () => {
    const one = sysmonXml({ cmd: 'x', pretty: false })[0]!;
    const lines = Array.from({ length: 50000 }, (_, i) => one.replace('<EventRecordID>88231', `<EventRecordID>${i}`));
    const r = parseLines(winEventXmlFormat, lines);
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(50000);
    expect(r.events[49999]!.extra).toMatchObject({ record_id: 49999 });
  });

  it('refuses XML of another schema and other text', () => {
    expect(winEventXmlFormat.sniff(textSample('x', ['<Event><System><EventID>1</EventID></System></Event>']))).toBe(0);
    expect(winEventXmlFormat.sniff(textSample('x', ['<?xml version="1.0"?>', '<rss><channel/></rss>']))).toBe(0);
    expect(winEventXmlFormat.sniff(textSample('x', [`hello ${NS}`]))).toBe(0);
  });
});
