import { describe, expect, it } from 'vitest';
import { winfwFormat } from '../../../../electron/engine/formats/network/winfw';
import { readSampleLines, textSample } from '../../helpers/samples';
import { countAll, one, parseAll, rejectReason, TOKYO, UTC } from './parse';

const F = winfwFormat;
const HEADER = [
  '#Version: 1.5',
  '#Software: Microsoft Windows Firewall',
  '#Time Format: Local',
  '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path pid',
];
const REC = '2024-03-01 10:00:00 ALLOW TCP 10.0.0.5 203.0.113.9 50123 443 0 - - - - - - - SEND 4242';

describe('windows-firewall: real sample plaso_windows_firewall.log', () => {
  const lines = readSampleLines('winfw_pfirewall', 'plaso_windows_firewall.log');

  it('is sniffed; 15 events, 0 rejects, 4 header lines skipped', () => {
    expect(F.sniff(textSample('pfirewall.log', lines))).toBeGreaterThanOrEqual(0.9);
    const { events, rejects, skipped } = parseAll(F, lines);
    expect(rejects).toEqual([]);
    expect(events).toHaveLength(15);
    expect(skipped).toBe(4);
    expect(events.map((e) => e.action)).toEqual([
      'DROP', 'DROP', 'OPEN', 'DROP', 'CLOSE', 'CLOSE', 'DROP', 'DROP', 'DROP', 'DROP', 'OPEN', 'CLOSE', 'DROP', 'DROP', 'INFO-EVENTS-LOST',
    ]);
  });

  it('maps the first record field by field (local time in the file zone)', () => {
    expect(parseAll(F, lines).events[0]).toEqual({
      ts: Date.parse('2005-04-10T23:05:57Z'),
      timeRaw: '2005-04-11 08:05:57',
      timeZone: 'Asia/Tokyo (assumed)',
      category: 'firewall',
      action: 'DROP',
      src_ip: '123.45.78.90',
      src_port: 137,
      dst_ip: '123.156.78.255',
      dst_port: 137,
      extra: { protocol: 'UDP', size: '78', path: 'RECEIVE' },
    });
  });

  it('maps TCP and ICMP details and the INFO-EVENTS-LOST record', () => {
    const { events } = parseAll(F, lines);
    expect(events[8]!.extra).toEqual({ protocol: 'TCP', size: '576', tcpflags: 'AP', tcpsyn: '123456789', tcpack: '987654321', tcpwin: '12345', path: 'RECEIVE' });
    expect(events[9]!.extra).toMatchObject({ protocol: 'ICMP', icmptype: '8', icmpcode: '0' });
    expect(events[14]).toEqual({
      ts: Date.parse('2005-04-10T23:52:26Z'),
      timeRaw: '2005-04-11 08:52:26',
      timeZone: 'Asia/Tokyo (assumed)',
      category: 'other',
      action: 'INFO-EVENTS-LOST',
      extra: { info: '59' },
    });
  });
});

describe('windows-firewall: layouts and time', () => {
  it('reads the Windows 10 pid column into process_pid', () => {
    expect(one(F, REC, UTC, HEADER)).toMatchObject({ action: 'ALLOW', src_port: 50123, dst_port: 443, process_pid: 4242, extra: { path: 'SEND', size: '0' } });
  });

  it('local time takes the file zone: Asia/Tokyo is 9 h earlier in UTC; "#Time Format: UTC" is honoured', () => {
    expect(one(F, REC, UTC, HEADER).ts - one(F, REC, TOKYO, HEADER).ts).toBe(9 * 3600 * 1000);
    const utcHeader = HEADER.map((l) => l.replace('Local', 'UTC'));
    const e = one(F, REC, TOKYO, utcHeader);
    expect(e).toMatchObject({ ts: Date.parse('2024-03-01T10:00:00Z'), timeZone: 'UTC' });
  });

  it('falls back to the documented columns when the header is missing', () => {
    expect(one(F, REC.replace(' 4242', ''), UTC)).toMatchObject({ action: 'ALLOW', dst_port: 443 });
  });
});

describe('windows-firewall: hostile and broken input', () => {
  it('rejects cut-off records and bad stamps with reasons', () => {
    expect(rejectReason(F, REC.slice(0, 40), UTC, HEADER)).toMatch(/expected 18 space-separated fields per #Fields, found \d+/);
    expect(rejectReason(F, REC.replace('2024-03-01', '2024-02-30'), UTC, HEADER)).toMatch(/bad date\/time "2024-02-30 10:00:00"/);
  });

  it('keeps a 1 MB value, formula, script and Japanese text unaltered', () => {
    const big = 'A'.repeat(1024 * 1024);
    expect(one(F, REC.replace('SEND', big), UTC, HEADER).extra?.path).toBe(big);
    const e = one(F, REC.replace('TCP', "=cmd|'/C-calc'!A0").replace('SEND', '<script>').replace('10.0.0.5', '日本語'), UTC, HEADER);
    expect(e.extra).toMatchObject({ protocol: "=cmd|'/C-calc'!A0", path: '<script>', 'src-ip': '日本語' });
    expect(e.src_ip).toBeUndefined();
  });

  it('parses 100k generated records: 100k events, no rejects', () => {
    const lines = [...HEADER];
    for (let i = 0; i < 100_000; i++) lines.push(REC.replace('50123', String(1024 + (i % 60000))).replace('ALLOW', i % 2 ? 'DROP' : 'ALLOW'));
    let drops = 0;
    const { events, rejects } = countAll(F, lines, UTC, (e) => {
      if (e.action === 'DROP') drops++;
    });
    expect(rejects).toEqual([]);
    expect(events).toBe(100_000);
    expect(drops).toBe(50_000);
  });
});

describe('windows-firewall: sniff', () => {
  it('refuses IIS/W3C logs and other text', () => {
    const no = (lines: string[]) => expect(F.sniff(textSample('x', lines))).toBe(0);
    no(['#Software: Microsoft Internet Information Services 10.0', '#Version: 1.0', '#Fields: date time s-ip cs-method cs-uri-stem']);
    no(['2005-04-11 08:05:57 DROP UDP 123.45.78.90 123.156.78.255 137 137 78 - - - - - - - RECEIVE']);
    no(['#separator \\x09', '#fields\tts\tuid']);
  });
});
