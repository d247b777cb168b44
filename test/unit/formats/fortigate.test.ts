import { describe, expect, it } from 'vitest';
import { fortigateFormat } from '../../../electron/engine/formats/fortigate';
import type { ParsedEvent } from '../../../electron/engine/formats/types';
import { readSampleLines, textSample } from '../helpers/samples';

const TOKYO = { fileName: 'fgt.log', timezone: 'Asia/Tokyo', baseYear: 2024 };

function parseAll(lines: string[], ctx = TOKYO): { events: ParsedEvent[]; rejects: string[] } {
  const parser = fortigateFormat.createParser(ctx);
  const events: ParsedEvent[] = [];
  const rejects: string[] = [];
  lines.forEach((l, i) => {
    const o = parser.parseLine(l, i + 1);
    if (o.kind === 'events') events.push(...o.events);
    else if (o.kind === 'reject') rejects.push(o.reason);
  });
  return { events, rejects };
}

function one(line: string, ctx = TOKYO): ParsedEvent {
  const out = fortigateFormat.createParser(ctx).parseLine(line, 1);
  if (out.kind !== 'events') throw new Error(`expected an event, got ${JSON.stringify(out)}`);
  expect(out.events).toHaveLength(1);
  return out.events[0]!;
}

function rejectReason(line: string): string {
  const out = fortigateFormat.createParser(TOKYO).parseLine(line, 1);
  if (out.kind !== 'reject') throw new Error(`expected a reject, got ${JSON.stringify(out)}`);
  return out.reason;
}

describe('fortigate: real sample crowdsec_fortinet-vpn-bf.log (event/vpn, eventtime in ns, tz)', () => {
  const lines = readSampleLines('fortigate_kv', 'crowdsec_fortinet-vpn-bf.log');

  it('is sniffed as FortiGate', () => {
    expect(fortigateFormat.sniff(textSample('x', lines))).toBeGreaterThanOrEqual(0.9);
  });

  it('parses every line: 9 events, 0 rejects', () => {
    const { events, rejects } = parseAll(lines);
    expect(rejects).toEqual([]);
    expect(events).toHaveLength(9);
  });

  it('maps the first line field by field (ns eventtime wins over date/time)', () => {
    expect(parseAll(lines).events[0]).toEqual({
      ts: Date.parse('2024-10-14T20:46:40.841Z'),
      timeRaw: 'date=2024-10-14 time=13:46:40 eventtime=1728938800841267391 tz="-0700"',
      timeZone: 'UTC',
      category: 'auth',
      action: 'ssl-login-fail',
      severity: 'alert',
      src_ip: '192.168.0.1',
      message: 'SSL user failed to logged in',
      extra: {
        logid: '1234567890',
        type: 'event',
        subtype: 'vpn',
        level: 'alert',
        vd: 'root',
        logdesc: 'SSL VPN login fail',
        tunneltype: 'ssl-web',
        tunnelid: 0,
        user: 'N/A',
        group: 'N/A',
        dst_host: 'N/A',
        reason: 'sslvpn_login_unknown_user',
      },
    });
  });

  it('takes the user when it is not N/A', () => {
    const e = parseAll(lines).events[1]!;
    expect(e.user).toBe('sapservicecq1');
    expect(e.extra).not.toHaveProperty('user');
    expect(e.extra).toMatchObject({ reason: 'sslvpn_login_no_matching_policy' });
  });

  it('agrees with date/time read in the tz offset (same second)', () => {
    for (const e of parseAll(lines).events) {
      const [date, time] = e.timeRaw.split(' ');
      const wall = Date.parse(`${date!.slice(5)}T${time!.slice(5)}-07:00`);
      expect(Math.floor(e.ts / 1000) * 1000).toBeGreaterThanOrEqual(wall);
      expect(e.ts - wall).toBeLessThan(2000);
    }
  });
});

describe('fortigate: real sample logscale_fortigate_traffic.log (traffic, eventtime in s)', () => {
  const lines = readSampleLines('fortigate_kv', 'logscale_fortigate_traffic.log');

  it('is sniffed as FortiGate', () => {
    expect(fortigateFormat.sniff(textSample('x', lines))).toBeGreaterThanOrEqual(0.9);
  });

  it('parses 1 event, 0 rejects, field by field', () => {
    const { events, rejects } = parseAll(lines);
    expect(rejects).toEqual([]);
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e).toMatchObject({
      ts: Date.parse('2017-11-15T19:44:16Z'),
      timeRaw: 'date=2017-11-15 time=11:44:16 eventtime=1510775056',
      timeZone: 'UTC',
      category: 'firewall',
      action: 'close',
      severity: 'notice',
      host: 'pc1',
      src_ip: '10.1.100.155',
      src_port: 40772,
      dst_ip: '35.197.51.42',
      dst_port: 443,
      domain: 'fortiguard.com',
      bytes_out: 1850,
      bytes_in: 39898,
      duration_ms: 2000,
    });
    expect(e.message).toBeUndefined();
    expect(e.user).toBeUndefined();
    expect(e.url).toBeUndefined();
    expect(e.extra).toMatchObject({
      logid: '0000000013',
      type: 'traffic',
      subtype: 'forward',
      vd: 'vdom1',
      policyid: 1,
      service: 'HTTPS',
      dstcountry: 'United States',
      app: 'HTTPS.BROWSER',
      devtype: 'Linux PC',
      utmref: '0-220586',
    });
    // Normalized values are not repeated in extra.
    for (const k of ['srcip', 'dstip', 'srcport', 'dstport', 'srcname', 'dstname', 'action', 'date', 'time', 'eventtime', 'sentbyte', 'rcvdbyte', 'duration']) {
      expect(e.extra).not.toHaveProperty(k);
    }
  });
});

describe('fortigate: time resolution', () => {
  const base = 'logid="0000000013" type="traffic" subtype="forward" level="notice" srcip=10.0.0.1 dstip=10.0.0.2 action="deny"';

  it('reads date/time in a tz="-0700" offset when there is no eventtime', () => {
    const e = one(`date=2024-10-14 time=13:46:40 tz="-0700" ${base}`);
    expect(e.ts).toBe(Date.parse('2024-10-14T20:46:40Z'));
    expect(e.timeZone).toBe('-07:00');
    expect(e.timeRaw).toBe('date=2024-10-14 time=13:46:40 tz="-0700"');
  });

  it('reads zone-less date/time in the file zone: Asia/Tokyo is 9 h earlier in UTC', () => {
    const e = one(`date=2017-11-15 time=11:44:16 ${base}`);
    expect(e.ts).toBe(Date.parse('2017-11-15T02:44:16Z'));
    expect(e.timeZone).toBe('Asia/Tokyo (assumed)');
    const utc = one(`date=2017-11-15 time=11:44:16 ${base}`, { ...TOKYO, timezone: 'UTC' });
    expect(utc.ts - e.ts).toBe(9 * 3600 * 1000);
    expect(utc.timeZone).toBe('UTC (assumed)');
  });

  it('decides the eventtime unit by digit count (s, ms, µs, ns)', () => {
    const want = Date.parse('2024-10-14T20:46:40.841Z');
    for (const et of ['1728938800841', '1728938800841267', '1728938800841267391']) {
      expect(one(`date=2024-10-14 time=13:46:40 eventtime=${et} ${base}`).ts).toBe(want);
    }
    expect(one(`date=2024-10-14 time=13:46:40 eventtime=1728938800 ${base}`).ts).toBe(Date.parse('2024-10-14T20:46:40Z'));
  });

  it('falls back to date/time when eventtime is unusable', () => {
    const e = one(`date=2024-10-14 time=13:46:40 eventtime=abc tz="+0900" ${base}`);
    expect(e.ts).toBe(Date.parse('2024-10-14T04:46:40Z'));
    expect(e.timeZone).toBe('+09:00');
  });

  it('uses the file zone when tz= is not an offset', () => {
    const e = one(`date=2024-10-14 time=13:46:40 tz="JST" ${base}`);
    expect(e.timeZone).toBe('Asia/Tokyo (assumed)');
    expect(e.ts).toBe(Date.parse('2024-10-14T04:46:40Z'));
  });

  it('rejects a record with no parsable time, with the reason', () => {
    expect(rejectReason(base)).toMatch(/no time: expected date= and time=/);
    expect(rejectReason(`date=2024-02-30 time=13:46:40 ${base}`)).toMatch(/unparseable date\/time "2024-02-30 13:46:40"/);
    expect(rejectReason(`date=2024-10-14 time=25:00:00 ${base}`)).toMatch(/unparseable date\/time/);
  });
});

describe('fortigate: layouts and mappings', () => {
  const kv = 'date=2024-10-14 time=13:46:40 tz="+0900" logid="0000000013" type="traffic" subtype="forward" srcip=10.0.0.1 action="accept"';

  it('accepts syslog headers before date=', () => {
    for (const prefix of ['<189>', '<189>Oct 14 13:46:40 fw01 ', 'Oct 14 13:46:40 fw01 ', '<189>1 2024-10-14T13:46:40+09:00 fw01 - - - - ']) {
      const e = one(prefix + kv);
      expect(e.ts).toBe(Date.parse('2024-10-14T04:46:40Z'));
      expect(e.action).toBe('accept');
      expect(e.extra?.syslog_header).toBe(prefix.trim());
    }
  });

  it('unescapes \\" inside quoted values and keeps other backslashes', () => {
    const e = one(
      'date=2024-10-14 time=13:46:40 logid="0100032001" type="event" subtype="system" devname="FGT-HQ" user="admin" action="login" msg="Administrator \\"admin\\" logged in from C:\\\\share\\x" ui="https(10.0.0.9)"',
    );
    expect(e.message).toBe('Administrator "admin" logged in from C:\\\\share\\x');
    expect(e.extra?.ui).toBe('https(10.0.0.9)');
  });

  it('maps type=event: devname is the host, category by subtype', () => {
    const sys = one('date=2024-10-14 time=13:46:40 logid="0100032001" type="event" subtype="system" devname="FGT-HQ" logdesc="Admin login successful" user="admin"');
    expect(sys).toMatchObject({ category: 'other', host: 'FGT-HQ', user: 'admin', action: 'Admin login successful', message: 'Admin login successful' });
    expect(sys.extra).toMatchObject({ device: 'FGT-HQ' });
    const user = one('date=2024-10-14 time=13:46:40 logid="0102043008" type="event" subtype="user" action="authentication" unauthuser="bob" user="N/A"');
    expect(user).toMatchObject({ category: 'auth', user: 'bob', action: 'authentication' });
  });

  it('maps traffic: device name in extra.device, host only from srcname', () => {
    const e = one('date=2024-10-14 time=13:46:40 logid="0000000013" type="traffic" subtype="forward" devname="FGT-HQ" srcip=10.0.0.1 srcname="10.0.0.1" dstip=192.0.2.8 dstname="192.0.2.8" action="deny"');
    expect(e.host).toBeUndefined();
    expect(e.domain).toBeUndefined();
    expect(e.extra).toMatchObject({ device: 'FGT-HQ', srcname: '10.0.0.1', dstname: '192.0.2.8' });
    expect(e.category).toBe('firewall');
  });

  it('maps utm webfilter to web with url and hostname', () => {
    const e = one(
      'date=2024-10-14 time=13:46:40 logid="0316013056" type="utm" subtype="webfilter" eventtype="ftgd_blk" level="warning" srcip=10.0.0.7 srcport=51000 dstip=203.0.113.5 dstport=80 hostname="invoice-portal.example" url="http://invoice-portal.example/qzx" action="blocked" msg="URL belongs to a denied category in policy" catdesc="Malicious Websites"',
    );
    expect(e).toMatchObject({
      category: 'web',
      action: 'blocked',
      severity: 'warning',
      domain: 'invoice-portal.example',
      url: 'http://invoice-portal.example/qzx',
      message: 'URL belongs to a denied category in policy',
    });
  });

  it('maps utm virus/ips/app-ctrl to alert, and the pre-5.2 type=virus spelling', () => {
    const virus = one('date=2024-10-14 time=13:46:40 logid="0211008192" type="utm" subtype="virus" level="warning" filename="invoice.doc" virus="W97M/Agent.EMT!tr" action="blocked" srcip=203.0.113.5 dstip=10.0.0.7');
    expect(virus).toMatchObject({ category: 'alert', file_path: 'invoice.doc', action: 'blocked' });
    expect(virus.extra).toMatchObject({ virus: 'W97M/Agent.EMT!tr' });
    const ips = one('date=2024-10-14 time=13:46:40 logid="0419016384" type="utm" subtype="ips" level="alert" severity="critical" attack="Emotet.Botnet" action="dropped"');
    expect(ips).toMatchObject({ category: 'alert', severity: 'critical' });
    expect(one('date=2024-10-14 time=13:46:40 logid="1059028704" type="utm" subtype="app-ctrl" action="pass"').category).toBe('alert');
    expect(one('date=2013-10-14 time=13:46:40 log_id=0211008192 type=virus subtype=infected status=blocked').category).toBe('alert');
    expect(one('date=2024-10-14 time=13:46:40 logid="1501054802" type="utm" subtype="dns" qname="c2.example"').category).toBe('dns');
  });

  it('rejects a record with no type=, with the reason', () => {
    expect(rejectReason('date=2024-10-14 time=13:46:40 logid="0000000013" srcip=1.2.3.4')).toMatch(/no type= field/);
    expect(rejectReason('just some words')).toMatch(/no key=value pairs/);
  });

  it('skips blank lines', () => {
    expect(fortigateFormat.createParser(TOKYO).parseLine('  ', 1)).toEqual({ kind: 'skip' });
  });
});

describe('fortigate: hostile input', () => {
  const head = 'date=2024-10-14 time=13:46:40 tz="+0900" logid="0316013056" type="utm" subtype="webfilter"';

  it('keeps what a line cut inside a quoted value holds, and says so', () => {
    const e = one(`${head} srcip=10.0.0.7 url="http://a.example/very/long/pa`);
    expect(e.url).toBe('http://a.example/very/long/pa');
    expect(e.extra?.unterminated_quote).toBe(true);
  });

  it('rejects a line cut before type=', () => {
    expect(rejectReason('date=2024-10-14 time=13:46:40 logid="03160')).toMatch(/no type= field/);
  });

  it('parses a 1 MB value without loss', () => {
    const big = 'A'.repeat(1024 * 1024);
    const e = one(`${head} url="http://a.example/${big}" srcip=10.0.0.7`);
    expect(e.url).toBe(`http://a.example/${big}`);
    expect(e.src_ip).toBe('10.0.0.7');
  });

  it('passes formula and script payloads through unaltered', () => {
    const e = one(`${head} user="=cmd|' /C calc'!A0" url="/<script>alert(1)</script>" msg="<img src=x onerror=alert(1)>"`);
    expect(e.user).toBe("=cmd|' /C calc'!A0");
    expect(e.url).toBe('/<script>alert(1)</script>');
    expect(e.message).toBe('<img src=x onerror=alert(1)>');
  });

  it('preserves Japanese text', () => {
    const e = one(`${head} user="山田太郎" url="http://files.example/請求書.doc" msg="ブロックされました"`);
    expect(e.user).toBe('山田太郎');
    expect(e.url).toBe('http://files.example/請求書.doc');
    expect(e.message).toBe('ブロックされました');
  });

  it('does not let a repeated key override the first, nor __proto__ change extra', () => {
    const e = one(`${head} action="blocked" type="traffic" action="passthrough" __proto__="x" constructor="y"`);
    expect(e.category).toBe('web');
    expect(e.action).toBe('blocked');
    expect(Object.getPrototypeOf(e.extra)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(e.extra, '__proto__')?.value).toBe('x');
    expect(e.extra?.constructor).toBe('y');
    expect(JSON.parse(JSON.stringify(e.extra))).toHaveProperty('__proto__');
  });

  it('stays linear on a 1 MB line of 100k keys, and still finds keys past the first hundred', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => `k${i}=v`).join(' ');
    const started = Date.now();
    const e = one(`${head} ${many} srcip=10.9.9.9 srcip=10.8.8.8 k5=again`);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(e.src_ip).toBe('10.9.9.9');
    expect(e.extra?.k5).toBe('v');
    expect(e.extra?.dropped_keys).toBeGreaterThan(99_000);
  });

  it('bounds extra on a line with thousands of keys', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `k${i}=v${i}`).join(' ');
    const e = one(`${head} ${many}`);
    expect(Object.keys(e.extra!).length).toBeLessThanOrEqual(258);
    expect(e.extra?.dropped_keys).toBeGreaterThan(4700);
  });
});

describe('fortigate: sniff', () => {
  it('refuses other formats and garbage', () => {
    const no = (lines: string[]) => expect(fortigateFormat.sniff(textSample('x', lines))).toBeLessThan(0.5);
    no(['1691514939.857     68 172.16.1.21 TCP_MISS/200 3705 GET http://a/ - HIER_DIRECT/1.2.3.4 text/html']);
    no(['{"date":"2017-11-15","time":"11:44:16","type":"x"}']);
    no(['update=2017-11-15 runtime=11:44:16 type=x']);
    no(['Sep 30 10:09:23 host kernel: [123.4] IN=eth0 OUT= SRC=1.2.3.4 DST=5.6.7.8 PROTO=TCP']);
    no(['\u0000\u0001\u0002\ufffd\ufffd ElfFile']);
    no([]);
    no(['garbage', 'date=2017-11-15 time=11:44:16 logid="0000000013" type="traffic"']);
  });
  it('still recognises a log with a few corrupted lines', () => {
    const lines = readSampleLines('fortigate_kv', 'crowdsec_fortinet-vpn-bf.log');
    const damaged = [lines[0]!, lines[1]!.slice(0, 20), ...lines.slice(2)];
    expect(fortigateFormat.sniff(textSample('x', damaged))).toBeGreaterThanOrEqual(0.5);
  });
  it('gives a lower confidence without a FortiOS logid', () => {
    const c = fortigateFormat.sniff(textSample('x', ['date=2017-11-15 time=11:44:16 type=traffic srcip=1.2.3.4']));
    expect(c).toBeGreaterThanOrEqual(0.5);
    expect(c).toBeLessThan(0.9);
  });
});
