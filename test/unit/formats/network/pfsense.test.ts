import { describe, expect, it } from 'vitest';
import { pfsenseFormat } from '../../../../electron/engine/formats/network/pfsense';
import { readSampleLines, textSample } from '../../helpers/samples';
import { one, parseAll, rejectReason, TOKYO, UTC } from './parse';

const F = pfsenseFormat;
const BSD = 'Sep 28 10:38:09 pfSense filterlog[4242]: ';
const TCP4 = '53,,,1000000301,em0,match,block,in,4,0x0,,64,420,0,none,6,tcp,460,10.0.2.2,10.0.2.15,53742,22,420,PA,29633380:29633800,3617062173,65535,,';

describe('pfsense-filterlog: real samples', () => {
  it('crowdsec_pf-logs.log (3 pfSense BSD + 6 OPNsense RFC 5424 lines): 9 events, 0 rejects', () => {
    const lines = readSampleLines('pfsense_filterlog', 'crowdsec_pf-logs.log');
    expect(F.sniff(textSample('x', lines))).toBeGreaterThanOrEqual(0.9);
    const { events, rejects } = parseAll(F, lines);
    expect(rejects).toEqual([]);
    expect(events).toHaveLength(9);
    expect(events.every((e) => e.category === 'firewall')).toBe(true);
    expect(events.map((e) => e.action)).toEqual(['block', 'block', 'block', 'block', 'pass', 'pass', 'block', 'pass', 'block']);
  });

  it('maps the first pfSense BSD line field by field (year and zone assumed)', () => {
    const e = parseAll(F, readSampleLines('pfsense_filterlog', 'crowdsec_pf-logs.log')).events[0];
    expect(e).toEqual({
      ts: Date.parse('2024-09-28T01:38:09Z'),
      timeRaw: 'Sep 28 10:38:09',
      timeZone: 'Asia/Tokyo (assumed; year 2024 assumed)',
      category: 'firewall',
      action: 'block',
      src_ip: '10.0.2.2',
      src_port: 53742,
      dst_ip: '10.0.2.15',
      dst_port: 22,
      extra: {
        device: 'pfSense',
        rule: '53',
        tracker: '1000000301',
        interface: 'em0',
        reason: 'match',
        direction: 'in',
        ip_version: '4',
        tos: '0x0',
        ttl: '64',
        id: '420',
        offset: '0',
        flags: 'none',
        proto_id: '6',
        protocol: 'tcp',
        length: '460',
        data_length: '420',
        tcp_flags: 'PA',
        sequence: '29633380:29633800',
        ack: '3617062173',
        window: '65535',
      },
    });
  });

  it('OPNsense RFC 5424: offset kept, rule label as tracker, UDP and IPv6 layouts', () => {
    const { events } = parseAll(F, readSampleLines('pfsense_filterlog', 'crowdsec_pf-logs.log'));
    expect(events[3]).toMatchObject({
      ts: Date.parse('2022-09-06T16:37:34Z'),
      timeRaw: '2022-09-06T18:37:34+02:00',
      timeZone: '+02:00',
      src_ip: '212.102.36.22',
      src_port: 49838,
      dst_ip: '37.120.48.198',
      dst_port: 52938,
      extra: { device: 'opnsense', tracker: '02f4bab031b57d1e30553ce08e0ec131', protocol: 'udp', data_length: '112', syslog_pid: '69805', structured_data: '[meta sequenceId="2633353"]' },
    });
    expect(events[7]).toMatchObject({
      action: 'pass',
      src_ip: '2008:8a0:702e:ce00:acc6:c7ee:fa01:2f8a',
      dst_ip: '2c02:2454:ada:d900::1738',
      src_port: 6881,
      dst_port: 51918,
      extra: { ip_version: '6', class: '0x00', flow_label: '0x0ea87', hop_limit: '51', protocol: 'udp', proto_id: '17', length: '73' },
    });
    expect(events[8]!.extra).toMatchObject({ tracker: '64d253df-ef65-4b56-9df4-c03fc11b8ce4' });
  });

  it('crowdsec_pfsense-rfc5424-filterlog.log: 4 events, 0 rejects, 1 blank line; µs UTC stamps; IPv6 TCP', () => {
    const lines = readSampleLines('pfsense_filterlog', 'crowdsec_pfsense-rfc5424-filterlog.log');
    expect(F.sniff(textSample('x', lines))).toBeGreaterThanOrEqual(0.9);
    const { events, rejects, skipped } = parseAll(F, lines);
    expect(rejects).toEqual([]);
    expect(events).toHaveLength(4);
    expect(skipped).toBe(1);
    expect(events[0]).toMatchObject({ ts: Date.parse('2025-11-06T11:32:42.868Z'), timeZone: 'UTC', timeRaw: '2025-11-06T11:32:42.868451+00:00' });
    expect(events[2]).toMatchObject({
      src_ip: 'fdfd:ace:ace:10:d8:cdbf:f6f8:6d69',
      src_port: 65382,
      dst_ip: 'fdfd:ace:ace:5::6',
      dst_port: 443,
      extra: { protocol: 'TCP', proto_id: '6', tcp_flags: 'S', sequence: '1927530165', window: '0', tcp_options: 'mss;nop;wscale;nop;nop;TS;sackOK;eol' },
    });
  });
});

describe('pfsense-filterlog: layouts', () => {
  it('ICMP echo, unreachable port, CARP and an unknown protocol', () => {
    const icmp = one(F, `${BSD}5,,,1000000103,igb1,match,pass,out,4,0x0,,64,0,0,none,1,icmp,84,10.0.0.1,8.8.8.8,request,12345,7`);
    expect(icmp.extra).toMatchObject({ protocol: 'icmp', icmp_type: 'request', icmp_id: '12345', icmp_seq: '7' });
    expect(icmp.src_port).toBeUndefined();
    const unreach = one(F, `${BSD}5,,,1000000103,igb1,match,block,in,4,0x0,,64,0,0,none,1,icmp,56,10.0.0.9,10.0.0.1,unreachport,10.0.0.1,17,53`);
    expect(unreach.extra).toMatchObject({ icmp_type: 'unreachport', icmp_dst: '10.0.0.1', unreach_proto: '17', unreach_port: '53' });
    const carp = one(F, `${BSD}68,,,1000000202,em1,match,pass,out,4,0x10,,255,0,0,none,112,carp,56,10.0.0.2,224.0.0.18,advertise,255,1,2,1,0`);
    expect(carp.extra).toMatchObject({ carp_type: 'advertise', vhid: '1', advbase: '1', advskew: '0' });
    const gre = one(F, `${BSD}9,,,1000000104,em0,match,block,in,4,0x0,,64,0,0,none,47,gre,80,198.51.100.1,10.0.0.1,datalength=60`);
    expect(gre.extra).toMatchObject({ protocol: 'gre', protocol_data: 'datalength=60' });
  });

  it('reads pfSense\'s default forwarding without a host name', () => {
    const e = one(F, `Sep 28 10:38:09 filterlog[4242]: ${TCP4}`);
    expect(e).toMatchObject({ action: 'block', src_port: 53742, extra: { syslog_pid: '4242' } });
    expect(e.extra).not.toHaveProperty('device');
  });

  it('keeps other programs\' lines of the same syslog stream as other events', () => {
    const e = one(F, 'Sep 28 10:38:10 pfSense sshd[99]: Accepted publickey for admin from 10.0.0.5 port 50000');
    expect(e).toMatchObject({ category: 'other', message: 'Accepted publickey for admin from 10.0.0.5 port 50000', extra: { device: 'pfSense', app: 'sshd', syslog_pid: '99' } });
  });

  it('marks a record whose TCP part is cut off', () => {
    const e = one(F, `${BSD}${TCP4.slice(0, TCP4.indexOf(',PA,'))}`);
    expect(e.extra).toMatchObject({ truncated: true, data_length: '420' });
    expect(e.dst_port).toBe(22);
  });
});

describe('pfsense-filterlog: time', () => {
  it('BSD stamps take the file zone: Asia/Tokyo is 9 h earlier in UTC', () => {
    const tokyo = one(F, BSD + TCP4, TOKYO);
    const utc = one(F, BSD + TCP4, UTC);
    expect(utc.ts - tokyo.ts).toBe(9 * 3600 * 1000);
    expect(utc.timeZone).toBe('UTC (assumed; year 2024 assumed)');
  });

  it('RFC 5424 offsets are kept whatever the file zone', () => {
    const line = `<134>1 2022-09-06T18:37:34+02:00 opnsense filterlog 69805 - - ${TCP4}`;
    expect(one(F, line, TOKYO).ts).toBe(one(F, line, UTC).ts);
    expect(one(F, line, TOKYO).timeZone).toBe('+02:00');
  });

  it('rolls the assumed year over from December to January', () => {
    const { events } = parseAll(F, [`Dec 31 23:59:59 pf filterlog: ${TCP4}`, `Jan  1 00:00:01 pf filterlog: ${TCP4}`], UTC);
    expect(events.map((e) => new Date(e.ts).toISOString())).toEqual(['2024-12-31T23:59:59.000Z', '2025-01-01T00:00:01.000Z']);
  });
});

describe('pfsense-filterlog: hostile and broken input', () => {
  it('rejects truncated and damaged records with reasons', () => {
    expect(rejectReason(F, `${BSD}53,,,1000000301,em0`)).toMatch(/fewer than the 17 common and IP fields/);
    expect(rejectReason(F, `${BSD}53,,,1000000301,em0,match,block,in,4,0x0,,64`)).toMatch(/IPv4 filterlog record cut off: 12 of at least 20/);
    expect(rejectReason(F, `${BSD}53,,,1000000301,em0,match,block,in,5,0x0,,64`)).toMatch(/unknown IP version "5"/);
    expect(rejectReason(F, `${BSD}${TCP4.replace('10.0.2.2', '<script>')}`)).toMatch(/not IP addresses/);
    expect(rejectReason(F, TCP4)).toMatch(/no syslog header/);
  });

  it('keeps a 1 MB option field, formula and script payloads and Japanese text unaltered', () => {
    const big = 'A'.repeat(1024 * 1024);
    expect(one(F, BSD + TCP4.replace(/,,$/, `,,${big}`)).extra?.tcp_options).toBe(big);
    const e = one(F, BSD + TCP4.replace('em0', "=cmd|' /C calc'!A0").replace('match', '<script>alert(1)</script>').replace(/,,$/, ',,日本語のオプション'));
    expect(e.extra).toMatchObject({ interface: "=cmd|' /C calc'!A0", reason: '<script>alert(1)</script>', tcp_options: '日本語のオプション' });
    const jp = one(F, 'Sep 28 10:38:10 ファイアウォール sshd[99]: ログイン失敗 ユーザー=山田');
    expect(jp).toMatchObject({ message: 'ログイン失敗 ユーザー=山田', extra: { device: 'ファイアウォール' } });
  });

  it('parses 100k generated records: 100k events, no rejects', () => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const v6 = i % 3 === 0;
      const addrs = v6 ? `6,0x00,0x0ea87,51,udp,17,73,2001:db8::${(i % 65535).toString(16)},2001:db8::1` : `4,0x0,,64,420,0,none,17,udp,60,10.${i % 256}.0.1,10.0.0.2`;
      lines.push(`<134>1 2022-09-06T18:37:34+02:00 opnsense filterlog 69805 - - ${i},,,1000000301,em0,match,${i % 2 ? 'pass' : 'block'},in,${addrs},${1024 + (i % 60000)},53,40`);
    }
    const { events, rejects } = parseAll(F, lines, UTC);
    expect(rejects).toEqual([]);
    expect(events).toHaveLength(100_000);
    expect(events[99_999]).toMatchObject({ action: 'pass', src_port: 1024 + (99_999 % 60000), dst_port: 53 });
  });
});

describe('pfsense-filterlog: sniff', () => {
  it('refuses other syslog programs and formats', () => {
    const no = (lines: string[]) => expect(F.sniff(textSample('x', lines))).toBe(0);
    no(['Sep 28 10:38:10 pfSense sshd[99]: Accepted publickey for admin']);
    no(['Sep 30 10:09:23 host kernel: [123.4] IN=eth0 OUT= SRC=1.2.3.4 DST=5.6.7.8 PROTO=TCP SPT=1 DPT=2']);
    no([TCP4]);
    no(['Sep 28 10:38:09 pfSense filterlog: not,a,record']);
  });
});
