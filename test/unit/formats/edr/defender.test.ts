import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defenderCsvFormat, defenderJsonFormat, defenderJsonlFormat } from '../../../../electron/engine/formats/edr/defender';
import type { ParsedEvent, ReadRecord } from '../../../../electron/engine/formats/types';
import { readSampleLines, repoRoot, textSample } from '../../helpers/samples';
import { parseLines } from '../windows/helpers';
import { extraTextOf } from '../../../../electron/engine/formats/extra-members';

const ctx = { fileName: 'x', timezone: 'Asia/Tokyo', baseYear: 2026 };
/** extra as stored: the JSON text the mapping hands over, read back. */
const extraOf = (e: ParsedEvent): Record<string, unknown> | undefined => {
  const text = extraTextOf(e);
  return text === undefined ? undefined : (JSON.parse(text) as Record<string, unknown>);
};
const fixture = (name: string) => readFileSync(path.join(repoRoot, 'test/fixtures/defender', name), 'utf8').split('\r\n').filter((l) => l !== '');

function readDoc(text: string, chunk = 4096): { events: ParsedEvent[]; rejects: string[] } {
  const reader = defenderJsonFormat.createRecordReader(ctx);
  const bytes = Buffer.from(text);
  const recs: ReadRecord[] = [];
  for (let o = 0; o < bytes.length; o += chunk) recs.push(...reader.push(bytes.subarray(o, o + chunk), o));
  recs.push(...reader.end());
  const events: ParsedEvent[] = [];
  const rejects: string[] = [];
  for (const r of recs) {
    if (r.outcome.kind === 'events') events.push(...r.outcome.events);
    else if (r.outcome.kind === 'reject') rejects.push(r.outcome.reason);
  }
  return { events, rejects };
}

describe('defender-hunting-jsonl: real sample (OTRF union schema)', () => {
  const FILE = 'otrf_GoldenSAML_Microsoft365DefenderEvents.jsonl';
  const lines = readSampleLines('mde_json', FILE);
  const r = parseLines(defenderJsonlFormat, lines);

  it(`${FILE}: sniffed, 9 events, 0 rejects`, () => {
    expect(defenderJsonlFormat.sniff(textSample(FILE, lines))).toBeGreaterThanOrEqual(0.9);
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(9);
  });

  it('first row field by field: the actor is the initiating process', () => {
    const e = r.events[0]!;
    expect(e).toMatchObject({
      ts: Date.parse('2021-08-02T13:11:39.772Z'),
      timeRaw: '2021-08-02T13:11:39.7724491Z',
      timeZone: 'UTC',
      category: 'other',
      action: 'LdapSearch',
      host: 'adfs01.simulandlabs.com',
      user: 'simulandlabs\\wardog',
      process_name: 'powershell.exe',
      process_path: 'c:\\windows\\system32\\windowspowershell\\v1.0\\powershell.exe',
      process_command_line: '"powershell.exe" ',
      process_pid: 5692,
      process_hash: 'de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c',
      parent_process_name: 'svchost.exe',
      message: 'LdapSearch by powershell.exe',
    });
    expect(extraOf(e)).toMatchObject({ DeviceId: '00000000-0000-0000-0000-000000000000', ReportId_long: 113597, InitiatingProcessParentId: 820 });
    expect(extraOf(e)).not.toHaveProperty('FileName'); // empty strings and nulls are not kept
  });

  it('extra keeps no column that user already spells out, and no empty JSON', () => {
    const header = 'Timestamp,DeviceName,ActionType,InitiatingProcessFileName,InitiatingProcessAccountDomain,InitiatingProcessAccountName,InitiatingProcessAccountUpn,AdditionalFields,ReportId';
    const rows = [
      '2025-10-09T00:00:00Z,ws1,ConnectionSuccess,a.exe,contoso,tanaka,tanaka@contoso.co.jp,{},7',
      // A domain with a backslash could not be split back out of user: it stays in extra.
      '2025-10-09T00:00:01Z,ws1,ConnectionSuccess,a.exe,odd\\dom,ito,,"{""x"":1}",8',
    ];
    const { events } = parseLines(defenderCsvFormat, [header, ...rows]);
    expect(events[0]!.user).toBe('contoso\\tanaka');
    expect(extraOf(events[0]!)).toEqual({ InitiatingProcessAccountUpn: 'tanaka@contoso.co.jp', ReportId: '7' });
    expect(events[1]!.user).toBe('odd\\dom\\ito');
    expect(extraOf(events[1]!)).toEqual({ InitiatingProcessAccountDomain: 'odd\\dom', AdditionalFields: '{"x":1}', ReportId: '8' });
  });

  it('rows without a device keep their time and account', () => {
    const mail = r.events.find((e) => e.action === 'MailItemsAccessed')!;
    expect(mail.host).toBeUndefined();
    expect(mail).toMatchObject({ ts: Date.parse('2021-08-02T13:32:07Z'), timeRaw: '2021-08-02T13:32:07Z' });
  });
});

describe('defender-hunting-csv: fixtures from the table schemas', () => {
  it('each table sniffs and parses with 0 rejects', () => {
    for (const [name, count] of [['DeviceProcessEvents.csv', 2], ['DeviceNetworkEvents.csv', 3], ['DeviceFileEvents.csv', 2], ['DeviceRegistryEvents.csv', 1], ['DeviceEvents.csv', 3]] as const) {
      const lines = fixture(name);
      expect(defenderCsvFormat.sniff(textSample(name, lines)), name).toBeGreaterThanOrEqual(0.9);
      expect(defenderJsonlFormat.sniff(textSample(name, lines))).toBe(0);
      const r = parseLines(defenderCsvFormat, lines);
      expect(r.rejects, name).toEqual([]);
      expect(r.events, name).toHaveLength(count);
    }
  });

  it('DeviceProcessEvents: the created process, its creator as parent; quoted newline and formula kept', () => {
    const [a, b] = parseLines(defenderCsvFormat, fixture('DeviceProcessEvents.csv')).events;
    expect(a).toMatchObject({
      ts: Date.parse('2026-10-05T00:12:44.250Z'),
      timeRaw: '2026-10-05T00:12:44.2501234Z',
      timeZone: 'UTC',
      category: 'process',
      action: 'ProcessCreated',
      host: 'wks-acct-07.acme.local',
      user: 'acme\\yamada.taro',
      process_name: 'powershell.exe',
      process_path: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      process_command_line: 'powershell -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAKQA=',
      process_pid: 4120,
      process_hash: 'de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c',
      parent_process_name: 'WINWORD.EXE',
      parent_process_command_line: '"WINWORD.EXE" /n "C:\\Users\\yamada.taro\\Downloads\\請求書.doc" /o ""',
    });
    expect(extraOf(a!)).toMatchObject({ InitiatingProcessId: '2860', ReportId: '9801', ProcessIntegrityLevel: 'Medium' });
    expect(b!.process_command_line).toBe('rundll32.exe "C:\\Users\\yamada.taro\\AppData\\Local\\Temp\\qzx81.dll",DllRegisterServer\n=cmd|\' /C calc\'!A0');
  });

  it('DeviceNetworkEvents: local -> remote, inbound reversed, RemoteUrl as domain or URL', () => {
    const [ok, failed, inbound] = parseLines(defenderCsvFormat, fixture('DeviceNetworkEvents.csv')).events;
    expect(ok).toMatchObject({ category: 'network', action: 'ConnectionSuccess', src_ip: '10.20.30.47', src_port: 51734, dst_ip: '203.0.113.50', dst_port: 80, domain: 'invoice-portal.example', process_name: 'powershell.exe', parent_process_name: 'WINWORD.EXE', user: 'acme\\yamada.taro' });
    expect(failed).toMatchObject({ url: 'http://198.51.100.23:8080/gate.php', domain: '198.51.100.23', dst_port: 8080 });
    expect(inbound).toMatchObject({ src_ip: '10.20.30.51', src_port: 49821, dst_ip: '10.20.30.47', dst_port: 445, process_name: 'System' });
  });

  it('DeviceFileEvents, DeviceRegistryEvents, DeviceEvents', () => {
    const [dll, doc] = parseLines(defenderCsvFormat, fixture('DeviceFileEvents.csv')).events;
    expect(dll).toMatchObject({ category: 'file', action: 'FileCreated', file_path: 'C:\\Users\\yamada.taro\\AppData\\Local\\Temp\\qzx81.dll', file_hash: 'b1a5e2f0c9d8e7f6a5b4c3d2e1f0a9b8b1a5e2f0c9d8e7f6a5b4c3d2e1f0a9b8', process_name: 'powershell.exe' });
    expect(extraOf(dll!)).toMatchObject({ FileOriginUrl: 'http://198.51.100.23:8080/qzx81.dll' });
    expect(doc!.file_path).toBe('C:\\Users\\yamada.taro\\Downloads\\請求書.doc');
    const [reg] = parseLines(defenderCsvFormat, fixture('DeviceRegistryEvents.csv')).events;
    expect(reg).toMatchObject({ category: 'registry', action: 'RegistryValueSet', process_name: 'rundll32.exe', registry_path: 'HKEY_CURRENT_USER\\S-1-5-21-1004336348-1177238915-682003330-1107\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run' });
    expect(reg!.message).toMatch(/\\Run\\qzx81 = rundll32\.exe/);
    const [ps, av, dns] = parseLines(defenderCsvFormat, fixture('DeviceEvents.csv')).events;
    expect(ps).toMatchObject({ category: 'other', action: 'PowerShellCommand', process_name: 'powershell.exe' });
    expect(av).toMatchObject({ category: 'alert', action: 'AntivirusDetection', file_path: 'C:\\Users\\yamada.taro\\AppData\\Local\\Temp\\qzx81.dll' });
    expect(dns).toMatchObject({ category: 'dns', action: 'DnsQueryResponse', domain: 'invoice-portal.example' });
  });

  it('any projection of columns works; reordered, without ActionType', () => {
    const lines = ['DeviceName,Timestamp,InitiatingProcessFileName,RemoteIP,RemotePort', 'h1,2026-10-05T00:00:00Z,curl.exe,203.0.113.9,443'];
    const r = parseLines(defenderCsvFormat, lines);
    expect(defenderCsvFormat.sniff(textSample('x', lines))).toBeGreaterThanOrEqual(0.9);
    expect(r.events[0]).toMatchObject({ host: 'h1', category: 'network', process_name: 'curl.exe', dst_ip: '203.0.113.9', dst_port: 443 });
  });

  it('time: zone-less stamps take the file zone; bad stamps and short rows are rejected', () => {
    const r = parseLines(defenderCsvFormat, ['Timestamp,DeviceName,ActionType,InitiatingProcessFileName', '2026-10-05 09:00:00,h,ProcessCreated,x', 'yesterday,h,ProcessCreated,x', '2026-10-05T00:00:00Z,h'], 'Asia/Tokyo');
    expect(r.events[0]).toMatchObject({ ts: Date.parse('2026-10-05T00:00:00Z'), timeZone: 'Asia/Tokyo (assumed)' });
    expect(r.rejects).toEqual(['line 3: unparseable Timestamp "yesterday"', 'line 4: 2 fields where the header names 4']);
  });

  it('50,000 generated DeviceNetworkEvents rows, a 1 MB command line, script payload', () => {
    const header = 'Timestamp,DeviceName,ActionType,RemoteIP,RemotePort,InitiatingProcessCommandLine';
    const rows = Array.from({ length: 50000 }, (_, i) => `2026-10-05T00:00:${String(i % 60).padStart(2, '0')}.0000000Z,h${i % 7},ConnectionSuccess,203.0.113.${i % 250},${i % 65535},"<script>alert(""${i}"")</script>"`);
    const r = parseLines(defenderCsvFormat, [header, ...rows]);
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(50000);
    expect(r.events[49999]).toMatchObject({ process_command_line: '<script>alert("49999")</script>', dst_port: 49999 % 65535 });
    const big = 'A'.repeat(1 << 20);
    expect(parseLines(defenderCsvFormat, [header, `2026-10-05T00:00:00Z,h,ConnectionSuccess,1.2.3.4,1,"${big}"`]).events[0]!.process_command_line).toBe(big);
  });
});

describe('defender-hunting-json: documents', () => {
  const row = { Timestamp: '2026-10-05T00:12:47.1010000Z', DeviceName: 'wks-1', ActionType: 'ConnectionSuccess', RemoteIP: '203.0.113.50', RemotePort: 80, LocalIP: '10.0.0.5', LocalPort: 50000, InitiatingProcessFileName: 'powershell.exe', InitiatingProcessId: 4120 };
  it('the hunting API response {Schema, Results}', () => {
    const doc = JSON.stringify({ Schema: Object.keys(row).map((Name) => ({ Name, Type: 'String' })), Results: [row, { ...row, RemotePort: 443 }] }, null, 2);
    expect(defenderJsonFormat.sniff({ fileName: 'x.json', head: Buffer.from(doc), lines: doc.split('\n') })).toBeGreaterThanOrEqual(0.9);
    const r = readDoc(doc, 7);
    expect(r.rejects).toEqual([]);
    expect(r.events.map((e) => e.dst_port)).toEqual([80, 443]);
    expect(r.events[0]).toMatchObject({ host: 'wks-1', src_ip: '10.0.0.5', process_pid: 4120 });
  });
  it('a plain array; a truncated one rejects its last row', () => {
    const doc = JSON.stringify([row, row, row]);
    expect(defenderJsonFormat.sniff({ fileName: 'x.json', head: Buffer.from(doc), lines: [doc] })).toBeGreaterThanOrEqual(0.9);
    const r = readDoc(doc.slice(0, -30));
    expect(r.events).toHaveLength(2);
    expect(r.rejects).toEqual(['file ends inside this record (truncated document?)']);
  });
  it('a "__proto__" column stays data', () => {
    const line = '{"Timestamp":"2026-10-05T00:00:00Z","DeviceName":"h","ActionType":"X","InitiatingProcessFileName":"a.exe","__proto__":{"polluted":true}}';
    const [e] = parseLines(defenderJsonlFormat, [line]).events;
    expect(Object.getOwnPropertyDescriptor(extraOf(e!), '__proto__')?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('JSONL is not taken for a document', () => {
    const lines = [JSON.stringify(row), JSON.stringify(row)];
    expect(defenderJsonFormat.sniff({ fileName: 'x', head: Buffer.from(lines.join('\n')), lines })).toBe(0);
  });
});
