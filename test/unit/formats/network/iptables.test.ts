import { describe, expect, it } from 'vitest';
import { iptablesFormat } from '../../../../electron/engine/formats/network/iptables';
import { readSampleLines, textSample } from '../../helpers/samples';
import { countAll, one, parseAll, rejectReason, TOKYO, UTC } from './parse';

const F = iptablesFormat;
const K = 'Sep 30 10:09:23 gw kernel: [19955416.516358] ';
const PKT = 'IN=ens2 OUT= MAC=de:1c:88:64:10:19:5e:e1:a4:3b:cf:f0:08:00 SRC=62.34.17.168 DST=10.73.140.49 LEN=44 TOS=0x00 PREC=0x00 TTL=43 ID=25313 PROTO=TCP SPT=52220 DPT=80 WINDOW=1024 RES=0x00 SYN URGP=0';

describe('netfilter-log: real samples', () => {
  it('crowdsec_iptables-scan-multi-port.log: sniffed, 49 events, 0 rejects; UFW prefixes without uptime', () => {
    const lines = readSampleLines('iptables_syslog', 'crowdsec_iptables-scan-multi-port.log');
    expect(F.sniff(textSample('x', lines))).toBeGreaterThanOrEqual(0.9);
    const { events, rejects } = parseAll(F, lines);
    expect(rejects).toEqual([]);
    expect(events).toHaveLength(49);
    expect(events.filter((e) => e.src_ip === '62.34.17.168')).toHaveLength(17);
    const ufw = events.find((e) => e.extra?.prefix === '[UFW AUDIT]')!;
    expect(ufw).toMatchObject({ src_ip: '127.0.0.1', dst_ip: '127.0.0.53', extra: { IN: 'lo', flags: 'DF' } });
    expect(ufw.action).toBeUndefined();
    expect(ufw.extra).not.toHaveProperty('uptime');
    expect(events[0]).toEqual({
      ts: Date.parse('2024-09-30T01:09:23Z'),
      timeRaw: 'Sep 30 10:09:23',
      timeZone: 'Asia/Tokyo (assumed; year 2024 assumed)',
      category: 'firewall',
      src_ip: '62.34.17.168',
      src_port: 52220,
      dst_ip: '10.73.140.49',
      dst_port: 80,
      extra: {
        device: 'scw-d95986',
        uptime: '19955416.516358',
        IN: 'ens2',
        OUT: '',
        MAC: 'de:1c:88:64:10:19:5e:e1:a4:3b:cf:f0:08:00',
        LEN: '44',
        TOS: '0x00',
        PREC: '0x00',
        TTL: '43',
        ID: '25313',
        PROTO: 'TCP',
        WINDOW: '1024',
        RES: '0x00',
        URGP: '0',
        flags: 'SYN',
      },
    });
  });

  it('crowdsec_iptables-logs.log: 3 events; line 3 (XX= instead of IN=) is the one reject; IN=enp.1s0 is a valid interface name', () => {
    const lines = readSampleLines('iptables_syslog', 'crowdsec_iptables-logs.log');
    expect(F.sniff(textSample('x', lines))).toBeGreaterThanOrEqual(0.5);
    const { events, rejects } = parseAll(F, lines);
    expect(rejects).toEqual([{ line: 3, reason: 'netfilter packet record without IN= (the LOG target always writes IN= and OUT=)' }]);
    expect(events).toHaveLength(3);
    expect(events[1]!.extra).toMatchObject({ IN: 'enp.1s0' });
    expect(events[2]).toMatchObject({
      action: 'drop',
      src_ip: '127.0.0.1',
      dst_ip: '127.0.0.53',
      src_port: 49007,
      dst_port: 53,
      extra: { prefix: 'IPTABLES-DROP:', IN: 'lo', PROTO: 'UDP', LEN: '76', udp_LEN: '56', flags: 'DF', uptime: '203.842973' },
    });
  });

  it('crowdsec_proxmox-iptables.log: sniffed, 10 events, 0 rejects; stated offset kept; actions from pve text', () => {
    const lines = readSampleLines('iptables_syslog', 'crowdsec_proxmox-iptables.log');
    expect(F.sniff(textSample('x', lines))).toBeGreaterThanOrEqual(0.9);
    const { events, rejects } = parseAll(F, lines);
    expect(rejects).toEqual([]);
    expect(events).toHaveLength(10);
    expect(events.map((e) => e.action)).toEqual(['drop', 'accept', 'reject', 'reject', 'accept', 'reject', 'reject', 'reject', undefined, 'drop']);
    expect(events[0]).toEqual({
      ts: Date.parse('2022-06-20T11:09:14Z'),
      timeRaw: '20/Jun/2022:13:09:14 +0200',
      timeZone: '+02:00',
      category: 'firewall',
      action: 'drop',
      src_ip: '10.3.94.11',
      src_port: 49152,
      dst_ip: '10.3.94.12',
      dst_port: 3784,
      extra: {
        vmid: '0', loglevel: 3, chain: 'PVEFW-HOST-IN', prefix: 'policy DROP', IN: 'vmbr0.94',
        MAC: '24:8a:07:9a:2a:f2:24:8a:07:50:2c:9e:08:00', LEN: '52', TOS: '0x00', PREC: '0xC0', TTL: '255', ID: '64317',
        PROTO: 'UDP', udp_LEN: '32', flags: 'DF',
      },
    });
    expect(events[5]).toMatchObject({ src_ip: '2a0a:1580::a', dst_ip: '2a0a:1580::17', extra: { prefix: 'PVEFW-reject', FLOWLBL: '634336', PHYSOUT: 'tap101i0' } });
    expect(events[7]).toMatchObject({ action: 'reject', extra: { OUT: 'vmbr0.94', chain: 'PVEFW-HOST-OUT' } });
    expect(events[7]!.extra).not.toHaveProperty('IN');
  });
});

describe('netfilter-log: layouts', () => {
  it('UFW prefixes give the action', () => {
    expect(one(F, `Oct 30 10:09:23 vm-1 kernel: [UFW BLOCK] ${PKT}`).action).toBe('drop');
    expect(one(F, `Oct 30 10:09:23 vm-1 kernel: [ 1234.5] [UFW ALLOW] ${PKT}`)).toMatchObject({ action: 'accept', extra: { uptime: '1234.5', prefix: '[UFW ALLOW]' } });
  });

  it('ICMP with a quoted inner packet and repeated keys', () => {
    const e = one(F, `${K}REJECT-ICMP IN=eth0 OUT= SRC=10.0.0.1 DST=10.0.0.2 LEN=84 TOS=0x00 PREC=0x00 TTL=64 ID=1 DF PROTO=ICMP TYPE=3 CODE=3 [SRC=10.0.0.2 DST=10.0.0.1 LEN=56 PROTO=UDP SPT=53 DPT=5353 LEN=36 ] MARK=0x1`);
    expect(e).toMatchObject({ action: 'reject', extra: { TYPE: '3', CODE: '3', inner_packet: 'SRC=10.0.0.2 DST=10.0.0.1 LEN=56 PROTO=UDP SPT=53 DPT=5353 LEN=36', MARK: '0x1' } });
    expect(e.src_port).toBeUndefined();
  });

  it('RFC 3339 headers (journald/rsyslog) keep their offset; no uptime is fine', () => {
    const e = one(F, `2024-09-30T10:09:23.123456+09:00 gw kernel: ${PKT}`, UTC);
    expect(e).toMatchObject({ ts: Date.parse('2024-09-30T01:09:23.123Z'), timeZone: '+09:00' });
    expect(e.extra).not.toHaveProperty('uptime');
  });

  it('keeps other kernel and program lines as other events', () => {
    const e = one(F, 'Sep 30 10:09:24 gw kernel: [19955417.1] usb 1-1: new high-speed USB device');
    expect(e).toMatchObject({ category: 'other', message: '[19955417.1] usb 1-1: new high-speed USB device', extra: { app: 'kernel', device: 'gw' } });
  });
});

describe('netfilter-log: time', () => {
  it('BSD stamps take the file zone (Asia/Tokyo 9 h earlier in UTC) and roll the year over', () => {
    expect(one(F, K + PKT, UTC).ts - one(F, K + PKT, TOKYO).ts).toBe(9 * 3600 * 1000);
    const { events } = parseAll(F, [`Dec 31 23:59:59 gw kernel: ${PKT}`, `Jan  1 00:00:01 gw kernel: ${PKT}`], UTC);
    expect(events.map((e) => e.ts)).toEqual([Date.parse('2024-12-31T23:59:59Z'), Date.parse('2025-01-01T00:00:01Z')]);
  });

  it('pve stamps keep their offset whatever the file zone; impossible dates are rejected', () => {
    const line = `0 3 PVEFW-HOST-IN 20/Jun/2022:13:09:14 +0200 DROP: ${PKT}`;
    expect(one(F, line, TOKYO).ts).toBe(one(F, line, UTC).ts);
    expect(rejectReason(F, line.replace('20/Jun', '31/Jun'))).toMatch(/bad pve-firewall time "31\/Jun\/2022:13:09:14 \+0200"/);
  });
});

describe('netfilter-log: hostile and broken input', () => {
  it('rejects truncated and damaged packet records', () => {
    expect(rejectReason(F, `${K}IN=ens2 OUT= MAC=de:1c`)).toMatch(/without SRC= and DST=/);
    expect(rejectReason(F, K + PKT.replace('SRC=62.34.17.168', 'SRC=<script>'))).toMatch(/are not IP addresses/);
    expect(rejectReason(F, PKT)).toMatch(/neither a syslog line nor a pve-firewall line/);
  });

  it('keeps a line cut after DST= with what it holds', () => {
    const e = one(F, K + PKT.slice(0, PKT.indexOf(' LEN=')));
    expect(e).toMatchObject({ src_ip: '62.34.17.168', dst_ip: '10.73.140.49' });
    expect(e.dst_port).toBeUndefined();
  });

  it('keeps a 1 MB value, formula, script and Japanese text unaltered', () => {
    const big = 'A'.repeat(1024 * 1024);
    expect(one(F, `${K}${PKT} MARK=${big}`).extra?.MARK).toBe(big);
    const e = one(F, `${K}=cmd|'/C-calc'!A0 ${PKT.replace('IN=ens2', 'IN=<script>')} NOTE=日本語`);
    expect(e.extra).toMatchObject({ prefix: "=cmd|'/C-calc'!A0", IN: '<script>', NOTE: '日本語' });
  });

  it('parses 100k generated records: 100k events, no rejects', () => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      lines.push(i % 2 ? `${K}FW-DROP: ${PKT.replace('DPT=80', `DPT=${i % 65536}`)}` : `101 1 tap101i0-IN 20/Jun/2022:13:13:14 +0200 ACCEPT: ${PKT}`);
    }
    let drops = 0;
    const { events, rejects } = countAll(F, lines, UTC, (e) => {
      if (e.action === 'drop') drops++;
    });
    expect(rejects).toEqual([]);
    expect(events).toBe(100_000);
    expect(drops).toBe(50_000);
  });
});

describe('netfilter-log: sniff', () => {
  it('refuses other syslog and formats', () => {
    const no = (lines: string[]) => expect(F.sniff(textSample('x', lines))).toBe(0);
    no(['Sep 28 10:38:09 pfSense filterlog: 53,,,1000000301,em0,match,block,in,4']);
    no(['Sep 30 10:09:24 gw kernel: [19955417.1] usb 1-1: new high-speed USB device']);
    no([PKT]);
    no(['<166>Nov 20 2022 02:15:24 ciscoasa : %ASA-6-302010: 97 in use']);
  });
});
