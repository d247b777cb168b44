import { describe, expect, it } from 'vitest';
import { panosFormat } from '../../../../electron/engine/formats/network/panos';
import { readSampleLines, textSample } from '../../helpers/samples';
import { one, parseAll, rejectReason, TOKYO, UTC } from './parse';

const F = panosFormat;

/** A THREAT record with the given subtype, misc (URL/file name) and a 1-based field override. */
function threat(subtype: string, misc: string, user = 'acme\\alice'): string {
  const v = Array.from({ length: 78 }, () => '');
  Object.assign(v, {
    0: '1', 1: '2024/03/01 10:00:00', 2: '016401002737', 3: 'THREAT', 4: subtype, 6: '2024/03/01 10:00:00',
    7: '10.0.0.5', 8: '203.0.113.9', 11: 'allow-web', 12: user, 14: 'web-browsing', 24: '50123', 25: '443', 29: 'tcp', 30: 'block-url',
    31: misc, 32: subtype === 'url' ? '(9999)' : 'Eicar Test File(100000)', 33: 'malware', 34: 'medium', 35: 'client-to-server',
    43: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 59: 'FW-HQ',
  });
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return v.map(q).join(',');
}

describe('panos-csv: real sample logscale_pan_traffic.log (65- and 46-field TRAFFIC)', () => {
  const lines = readSampleLines('paloalto_csv', 'logscale_pan_traffic.log');

  it('is sniffed; 9 events (2 exact duplicates kept), 0 rejects', () => {
    expect(F.sniff(textSample('x', lines))).toBeGreaterThanOrEqual(0.9);
    const { events, rejects } = parseAll(F, lines);
    expect(rejects).toEqual([]);
    expect(events).toHaveLength(9);
    expect(events[2]).toEqual(events[0]);
    expect(events.every((e) => e.category === 'firewall')).toBe(true);
  });

  it('maps the first 65-field record field by field (receive_time in the file zone)', () => {
    const e = parseAll(F, lines).events[0]!;
    expect(e).toMatchObject({
      ts: Date.parse('2020-05-06T17:40:06Z'),
      timeRaw: '2020/05/07 02:40:06',
      timeZone: 'Asia/Tokyo (assumed)',
      category: 'firewall',
      action: 'allow',
      src_ip: '103.125.191.136',
      src_port: 52564,
      dst_ip: '10.0.0.10',
      dst_port: 8088,
      bytes_out: 74,
      bytes_in: 0,
      duration_ms: 0,
    });
    expect(e.user).toBeUndefined();
    expect(e.extra).toEqual({
      syslog_time: 'May 07 06:40:06',
      syslog_host: 'PA-VM',
      device: 'PA-VM',
      future_use_0: '1',
      serial: '44A1B3FC68F5304',
      type: 'TRAFFIC',
      subtype: 'end',
      future_use_5: '2049',
      generated_time: '2020/05/07 02:40:06',
      nat_src: '103.125.191.136',
      nat_dst: '10.0.0.10',
      rule: 'splunk',
      app: 'incomplete',
      vsys: 'vsys1',
      from_zone: 'untrusted',
      to_zone: 'trusted',
      inbound_if: 'ethernet1/3',
      outbound_if: 'ethernet1/2',
      log_action: 'log-forwarding-default',
      future_use_21: '2020/05/07 02:40:06',
      session_id: '574277',
      repeat_count: '1',
      nat_sport: '52564',
      nat_dport: '8088',
      flags: '0x400064',
      proto: 'tcp',
      bytes: '74',
      packets: '1',
      start_time: '2020/05/07 02:40:06',
      category: 'any',
      future_use_38: '0',
      seqno: '730218',
      action_flags: '0x0',
      src_location: 'United States',
      dst_location: '10.0.0.0-10.255.255.255',
      future_use_43: '0',
      pkts_sent: '1',
      pkts_received: '0',
      session_end_reason: 'aged-out',
      dg_hier_level_1: '0',
      dg_hier_level_2: '0',
      dg_hier_level_3: '0',
      dg_hier_level_4: '0',
      action_source: 'from-policy',
      tunnelid_imsi: '0',
      parent_session_id: '0',
      tunnel: 'N/A',
      assoc_id: '0',
      chunks: '0',
      chunks_sent: '0',
      chunks_received: '0',
    });
  });

  it('reads the older 46-field layout by the same positions (user, bytes, elapsed, ^C kept)', () => {
    const { events } = parseAll(F, lines);
    expect(events[6]).toMatchObject({ src_ip: '10.0.1.200', dst_ip: '52.40.10.231', bytes_out: 1938, bytes_in: 3119, duration_ms: 1000, extra: { nat_src: '71.39.18.125', pkts_received: '10', syslog_host: '10.0.1.1' } });
    expect(events[6]!.extra).not.toHaveProperty('session_end_reason');
    expect(events[7]).toMatchObject({ user: 'frothly.local\\grace.hoppy', action: 'allow', extra: { subtype: 'start', app: 'symantec-endpoint-manager' } });
    expect(events[8]!.extra).toMatchObject({ inbound_if: '^Cethernet1/3', proto: 'udp' });
  });
});

describe('panos-csv: real sample crowdsec_palo-alto-threat.log (120-field THREAT)', () => {
  const lines = readSampleLines('paloalto_csv', 'crowdsec_palo-alto-threat.log');

  it('is sniffed; 2 events, 0 rejects; quoted fields with commas', () => {
    expect(F.sniff(textSample('x', lines))).toBeGreaterThanOrEqual(0.9);
    const { events, rejects } = parseAll(F, lines);
    expect(rejects).toEqual([]);
    expect(events).toHaveLength(2);
    expect(events[1]!.extra).toMatchObject({ misc: '1.2.3.5/nmaplowercheck1688559266', field_115: 'used-by-malware,able-to-transfer-file,has-known-vulnerability,tunnel-other-application,pervasive-use' });
  });

  it('maps the first record (receive_time assumed local; header and high-res stamps kept in extra)', () => {
    const e = parseAll(F, lines, UTC).events[0]!;
    expect(e).toMatchObject({
      ts: Date.parse('2023-07-06T08:11:40Z'),
      timeRaw: '2023/07/06 08:11:40',
      timeZone: 'UTC (assumed)',
      category: 'alert',
      action: 'reset-both',
      severity: 'high',
      message: 'SSH User Authentication Brute Force Attempt(40015)',
      src_ip: '1.2.3.2',
      src_port: 47094,
      dst_ip: '1.2.3.3',
      dst_port: 22,
      extra: {
        syslog_time: '2023-07-06T08:11:40+02:00',
        syslog_host: 'paloalto.test.host',
        device: 'FW-PA-111',
        subtype: 'vulnerability',
        rule: 'TestruleName0',
        threat_id: 'SSH User Authentication Brute Force Attempt(40015)',
        category: 'any',
        direction: 'client-to-server',
        src_location: 'Germany',
        dst_location: 'France',
        thr_category: 'brute-force',
        contentver: 'AppThreat-8727-8140',
        rule_uuid: '123458',
        field_107: '2023-07-06T08:11:40.288+02:00',
      },
    });
    expect(e.user).toBeUndefined();
  });
});

describe('panos-csv: URL and file subtypes, bare lines', () => {
  it('maps THREAT/url to web with url and domain', () => {
    const e = one(F, `<14>Mar  1 10:00:01 fw ${threat('url', 'evil.example:8080/gate.php?id=1')}`);
    expect(e).toMatchObject({ category: 'web', action: 'block-url', url: 'evil.example:8080/gate.php?id=1', domain: 'evil.example', user: 'acme\\alice', extra: { device: 'FW-HQ' } });
    expect(e.extra).not.toHaveProperty('misc');
  });

  it('maps THREAT/virus to alert with file name and hash', () => {
    const e = one(F, threat('virus', 'eicar.com'));
    expect(e).toMatchObject({ category: 'alert', file_path: 'eicar.com', file_hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', message: 'Eicar Test File(100000)' });
    expect(e.extra).not.toHaveProperty('syslog_time');
  });

  it('keeps another log type as an other event with its fields', () => {
    const e = one(F, '1,2024/03/01 10:00:00,016401002737,SYSTEM,general,0,2024/03/01 10:00:00,,general,,0,0,general,informational,"User admin logged in via Web",1,0x0');
    expect(e).toMatchObject({ category: 'other', extra: { type: 'SYSTEM', subtype: 'general' } });
    expect((e.extra?.fields as string[]).includes('User admin logged in via Web')).toBe(true);
  });
});

describe('panos-csv: time', () => {
  it('receive_time takes the file zone: Asia/Tokyo is 9 h earlier in UTC; the header stamp is not used', () => {
    const line = threat('url', 'a.example/');
    expect(one(F, line, UTC).ts - one(F, line, TOKYO).ts).toBe(9 * 3600 * 1000);
    expect(one(F, `2024-03-01T23:59:59+05:00 fw ${line}`, UTC).ts).toBe(Date.parse('2024-03-01T10:00:00Z'));
  });

  it('rejects an impossible receive_time', () => {
    expect(rejectReason(F, threat('url', 'a/').replace('2024/03/01 10:00:00', '2024/02/30 10:00:00'))).toMatch(/bad receive_time "2024\/02\/30 10:00:00"/);
  });
});

describe('panos-csv: hostile and broken input', () => {
  it('rejects cut-off records with reasons', () => {
    const line = threat('url', 'a.example/');
    expect(rejectReason(F, line.slice(0, 120))).toMatch(/THREAT record cut off: \d+ fields, at least 31/);
    expect(rejectReason(F, `${line.slice(0, 200)},"open quote`)).toMatch(/quoted field not closed/);
    expect(rejectReason(F, 'May 07 06:40:06 PA-VM hello')).toMatch(/not a PAN-OS CSV record/);
    expect(rejectReason(F, line.replace('THREAT', 'BOGUS'))).toMatch(/unknown PAN-OS log type "BOGUS"/);
  });

  it('keeps a 1 MB URL, formula and script payloads and Japanese text unaltered', () => {
    const big = `a.example/${'A'.repeat(1024 * 1024)}`;
    expect(one(F, threat('url', big)).url).toBe(big);
    const e = one(F, threat('url', 'a.example/<script>alert(1)</script>', "=cmd|' /C calc'!A0"));
    expect(e.url).toBe('a.example/<script>alert(1)</script>');
    expect(e.user).toBe("=cmd|' /C calc'!A0");
    const jp = one(F, threat('url', '請求書.example/請求書.doc', '山田太郎'));
    expect(jp).toMatchObject({ url: '請求書.example/請求書.doc', domain: '請求書.example', user: '山田太郎' });
  });

  it('parses 100k generated records: 100k events, no rejects', () => {
    const base = readSampleLines('paloalto_csv', 'logscale_pan_traffic.log')[0]!;
    const lines: string[] = [];
    const url = threat('url', 'h0.example/');
    for (let i = 0; i < 100_000; i++) lines.push(i % 2 ? base.replace('52564,8088,52564', `${1024 + (i % 60000)},8088,52564`) : url.replace('h0.', `h${i}.`));
    // Counted as they come, not kept: 100k events with their extra fields are ~1 GB.
    const parser = F.createParser(UTC);
    let web = 0;
    let firewall = 0;
    const rejects: string[] = [];
    lines.forEach((l, i) => {
      const o = parser.parseLine(l, i + 1);
      if (o.kind === 'reject') rejects.push(o.reason);
      else if (o.kind === 'events') {
        for (const e of o.events) {
          if (e.category === 'web') web++;
          else if (e.category === 'firewall') firewall++;
        }
      }
    });
    expect(rejects).toEqual([]);
    expect([web, firewall]).toEqual([50_000, 50_000]);
  });
});

describe('panos-csv: sniff', () => {
  it('refuses other CSV and syslog', () => {
    const no = (lines: string[]) => expect(F.sniff(textSample('x', lines))).toBe(0);
    no(['Sep 28 10:38:09 pfSense filterlog: 53,,,1000000301,em0,match,block,in,4']);
    no(['1,2020-05-07 02:40:06,x,TRAFFIC,end']);
    no(['date,time,type', '2020/05/07,02:40:06,TRAFFIC']);
  });
});
