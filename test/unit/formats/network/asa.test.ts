import { describe, expect, it } from 'vitest';
import { asaFormat } from '../../../../electron/engine/formats/network/asa';
import { readSampleLines, textSample } from '../../helpers/samples';
import { one, parseAll, rejectReason, TOKYO, UTC } from './parse';

const F = asaFormat;
const H = '<166>Nov 20 2022 02:15:24 ciscoasa : ';

describe('cisco-asa: real sample logscale_asa_syslog.log', () => {
  const lines = readSampleLines('cisco_asa_syslog', 'logscale_asa_syslog.log');

  it('is sniffed; 18 events, 0 rejects (copy-paste artefacts do not hide the addresses)', () => {
    expect(F.sniff(textSample('x', lines))).toBeGreaterThanOrEqual(0.9);
    const { events, rejects } = parseAll(F, lines);
    expect(rejects).toEqual([]);
    expect(events).toHaveLength(18);
    expect(events.map((e) => e.category)).toEqual([
      'alert', 'firewall', 'firewall', 'firewall', 'firewall', 'firewall', 'other', 'other', 'other',
      'other', 'other', 'other', 'firewall', 'other', 'other', 'other', 'firewall', 'firewall',
    ]);
    // 106015 with a stray "21" before the source address.
    expect(events[5]).toMatchObject({ action: 'deny', src_ip: '192.168.1.33', src_port: 53285, dst_ip: '17.253.13.202', dst_port: 443, extra: { tcp_flags: 'RST', interface: 'inside' } });
  });

  it('maps the 302016 teardown field by field (year stated, zone assumed)', () => {
    expect(parseAll(F, lines).events[3]).toEqual({
      ts: Date.parse('2022-11-19T17:15:24Z'),
      timeRaw: 'Nov 20 2022 02:15:24',
      timeZone: 'Asia/Tokyo (assumed)',
      category: 'firewall',
      action: 'teardown',
      severity: 'informational',
      src_ip: '192.168.1.126',
      src_port: 39734,
      dst_ip: '9.9.9.9',
      dst_port: 53,
      duration_ms: 0,
      message: 'Teardown UDP connection 474574 for outside:9.9.9.9/53 to inside:192.168.1.126/39734 duration 0:00:00 bytes 141',
      extra: {
        device: 'ciscoasa',
        product: 'ASA',
        message_id: '302016',
        severity_level: 6,
        protocol: 'UDP',
        connection_id: '474574',
        direction: 'outbound',
        direction_assumed: true,
        src_interface: 'inside',
        dst_interface: 'outside',
        bytes: 141,
      },
    });
  });

  it('maps built outbound TCP/ICMP, 710003 ACL denies, 106001 and IDS 400037', () => {
    const { events } = parseAll(F, lines);
    expect(events[4]).toMatchObject({ action: 'built', src_ip: '192.168.1.24', src_port: 51568, dst_ip: '165.225.216.35', dst_port: 443, extra: { direction: 'outbound', connection_id: '476080' } });
    expect(events[1]).toMatchObject({ action: 'built', src_ip: '192.168.1.122', dst_ip: '1.1.1.1', extra: { protocol: 'ICMP', mapped_address: '23.121.1.57' } });
    expect(events[1]!.src_port).toBeUndefined();
    expect(events[2]).toMatchObject({ action: 'deny', severity: 'errors', src_ip: '59.127.11.46', src_port: 47369, dst_ip: '23.121.1.57', dst_port: 23, extra: { dst_interface: 'outside' } });
    expect(events[16]).toMatchObject({ action: 'deny', severity: 'critical', src_ip: '35.196.217.93', dst_port: 54046, extra: { tcp_flags: 'FIN PSH ACK', interface: 'outside' } });
    expect(events[0]).toMatchObject({ category: 'alert', src_ip: '209.141.47.28', dst_ip: '23.121.1.57', extra: { signature: '6053', message_id: '400037' } });
    expect(events[6]).toMatchObject({ category: 'other', message: '97 in use, 424 most used', extra: { message_id: '302010' } });
  });
});

describe('cisco-asa: documented messages', () => {
  it('remembers the direction of a Built inbound connection for its Teardown', () => {
    const { events } = parseAll(F, [
      `${H}%ASA-6-302013: Built inbound TCP connection 77 for outside:203.0.113.5/51000 (203.0.113.5/51000) to dmz:10.1.1.10/443 (198.51.100.10/443)`,
      `${H}%ASA-6-302014: Teardown TCP connection 77 for outside:203.0.113.5/51000 to dmz:10.1.1.10/443 duration 1:02:03 bytes 53412 TCP FINs`,
    ]);
    for (const e of events) expect(e).toMatchObject({ src_ip: '203.0.113.5', src_port: 51000, dst_ip: '10.1.1.10', dst_port: 443, extra: { direction: 'inbound' } });
    expect(events[1]).toMatchObject({ action: 'teardown', duration_ms: 3723000, extra: { bytes: 53412, reason: 'TCP FINs' } });
    expect(events[1]!.extra).not.toHaveProperty('direction_assumed');
  });

  it('maps 106023, 106014, 106006, 106100 and 302021', () => {
    expect(one(F, `${H}%ASA-4-106023: Deny tcp src outside:198.51.100.7/4444 dst inside:10.0.0.5/445 by access-group "outside_access_in" [0x0, 0x0]`)).toMatchObject({
      category: 'firewall', action: 'deny', src_ip: '198.51.100.7', src_port: 4444, dst_ip: '10.0.0.5', dst_port: 445,
      extra: { acl: 'outside_access_in', protocol: 'tcp', src_interface: 'outside', dst_interface: 'inside' },
    });
    expect(one(F, `${H}%ASA-3-106014: Deny inbound icmp src outside:198.51.100.7 dst inside:10.0.0.5 (type 8, code 0)`)).toMatchObject({
      action: 'deny', src_ip: '198.51.100.7', dst_ip: '10.0.0.5', extra: { protocol: 'icmp' },
    });
    expect(one(F, `${H}%ASA-2-106006: Deny inbound UDP from 198.51.100.7/137 to 10.0.0.5/137 on interface outside`)).toMatchObject({
      action: 'deny', src_port: 137, dst_port: 137, extra: { interface: 'outside' },
    });
    const acl = one(F, `${H}%ASA-6-106100: access-list inside_in permitted tcp inside/10.0.0.5(50123) -> outside/203.0.113.9(443) hit-cnt 1 first hit [0x5c7d2a0e, 0x0]`);
    expect(acl).toMatchObject({ action: 'permit', src_ip: '10.0.0.5', src_port: 50123, dst_ip: '203.0.113.9', dst_port: 443, extra: { acl: 'inside_in', src_interface: 'inside', dst_interface: 'outside' } });
    expect(one(F, `${H}%ASA-4-106100: access-list outside_in denied udp outside/198.51.100.7(53) -> inside/10.0.0.5(53) hit-cnt 3 300-second interval`).action).toBe('deny');
    expect(one(F, `${H}%ASA-6-302021: Teardown ICMP connection for faddr 8.8.8.8/0 gaddr 203.0.113.1/1 laddr 10.0.0.5/1 type 8 code 0`)).toMatchObject({
      action: 'teardown', src_ip: '10.0.0.5', dst_ip: '8.8.8.8', extra: { icmp_type: 8, icmp_code: 0, direction_assumed: true },
    });
  });

  it('reads IPv6 endpoints with interfaces', () => {
    expect(one(F, `${H}%ASA-6-302013: Built inbound TCP connection 9 for outside:2001:db8::7/51000 (2001:db8::7/51000) to inside:2001:db8:1::5/22 (2001:db8:1::5/22)`)).toMatchObject({
      src_ip: '2001:db8::7', src_port: 51000, dst_ip: '2001:db8:1::5', dst_port: 22,
    });
  });

  it('accepts the header variants: relay BSD header, no device id, RFC 5424, FTD', () => {
    const relay = one(F, 'Nov 20 02:15:24 10.1.1.1 %ASA-6-106015: Deny TCP (no connection) from 10.0.0.1/1 to 10.0.0.2/2 flags RST on interface inside');
    expect(relay).toMatchObject({ timeZone: 'Asia/Tokyo (assumed; year 2024 assumed)', extra: { device: '10.1.1.1' }, src_ip: '10.0.0.1' });
    const hostless = one(F, '<166>Nov 20 2022 02:15:24: %ASA-6-302010: 97 in use, 424 most used');
    expect(hostless).toMatchObject({ ts: Date.parse('2022-11-19T17:15:24Z'), timeRaw: 'Nov 20 2022 02:15:24' });
    expect(hostless.extra).not.toHaveProperty('device');
    const iso = one(F, '<166>2022-11-20T02:15:24Z ciscoasa : %ASA-6-302010: 97 in use, 424 most used');
    expect(iso).toMatchObject({ ts: Date.parse('2022-11-20T02:15:24Z'), timeZone: 'UTC' });
    const ftd = one(F, `${H}%FTD-6-302016: Teardown UDP connection 5 for outside:9.9.9.9/53 to inside:10.0.0.5/5353 duration 0:00:01 bytes 90`);
    expect(ftd).toMatchObject({ action: 'teardown', duration_ms: 1000, extra: { product: 'FTD' } });
  });
});

describe('cisco-asa: time', () => {
  it('zone-less stamps take the file zone: Asia/Tokyo is 9 h earlier in UTC', () => {
    const line = `${H}%ASA-6-302010: 97 in use, 424 most used`;
    expect(one(F, line, UTC).ts - one(F, line, TOKYO).ts).toBe(9 * 3600 * 1000);
    expect(one(F, line, UTC).timeZone).toBe('UTC (assumed)');
  });
});

describe('cisco-asa: hostile and broken input', () => {
  it('rejects lines without a timestamp or tag, with reasons', () => {
    expect(rejectReason(F, '<166>%ASA-6-302010: 97 in use')).toMatch(/no syslog timestamp/);
    expect(rejectReason(F, '<166>Nov 20 2022 02:15:24 ciscoasa : %ASA-6-30')).toMatch(/no %ASA-<severity>-<message id> tag/);
  });

  it('keeps a truncated message with what it holds', () => {
    const e = one(F, `${H}%ASA-6-302013: Built outbound TCP connection 476080 for outside:165.225.216.35/443 (165.2`);
    expect(e).toMatchObject({ action: 'built', dst_ip: '165.225.216.35', dst_port: 443 });
    expect(e.src_ip).toBeUndefined();
  });

  it('is linear on a 1 MB message and keeps it whole', () => {
    const big = `${H}%ASA-6-106015: Deny TCP (no connection) from ${'x '.repeat(512 * 1024)}10.0.0.1/1 to 10.0.0.2/2 flags RST on interface inside`;
    const started = Date.now();
    const e = one(F, big);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(e.src_ip).toBe('10.0.0.1');
    expect(e.message!.length).toBeGreaterThan(1024 * 1024);
  });

  it('passes formula, script and Japanese text through unaltered', () => {
    const e = one(F, `${H}%ASA-5-111010: User '=cmd|' /C calc'!A0', running 'CLI' from IP 10.0.0.5, executed '<script>alert(1)</script> 日本語'`);
    expect(e.message).toBe("User '=cmd|' /C calc'!A0', running 'CLI' from IP 10.0.0.5, executed '<script>alert(1)</script> 日本語'");
    expect(e.category).toBe('other');
  });

  it('parses 100k generated records: 100k events, no rejects', () => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      lines.push(i % 2
        ? `${H}%ASA-6-302013: Built outbound TCP connection ${i} for outside:203.0.113.${i % 250}/443 (203.0.113.${i % 250}/443) to inside:10.0.0.5/${1024 + (i % 60000)} (198.51.100.1/${1024 + (i % 60000)})`
        : `${H}%ASA-6-302014: Teardown TCP connection ${i - 1} for outside:203.0.113.1/443 to inside:10.0.0.5/1024 duration 0:00:0${i % 10} bytes ${i}`);
    }
    const { events, rejects } = parseAll(F, lines, UTC);
    expect(rejects).toEqual([]);
    expect(events).toHaveLength(100_000);
    expect(events.filter((e) => e.action === 'built')).toHaveLength(50_000);
  });
});

describe('cisco-asa: sniff', () => {
  it('refuses other syslog and formats', () => {
    const no = (lines: string[]) => expect(F.sniff(textSample('x', lines))).toBe(0);
    no(['Sep 28 10:38:09 pfSense filterlog: 53,,,1000000301,em0,match,block,in,4']);
    no(['%ASA-6-302010: 97 in use, 424 most used']);
    no(['date=2017-11-15 time=11:44:16 type="traffic" msg="%ASA-6-302010: x"']);
  });
});
