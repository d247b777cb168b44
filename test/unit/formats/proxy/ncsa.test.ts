import { describe, expect, it } from 'vitest';
import { ncsaFormat } from '../../../../electron/engine/formats/proxy/ncsa';
import { parseClfStamp } from '../../../../electron/engine/formats/proxy/clf-time';
import { textSample } from '../../helpers/samples';
import { FORMULA, JAPANESE, MB, SCRIPT, TOKYO, oneEvent, readFixtureLines, rejectOf, runLines } from './helpers';

const one = (line: string) => oneEvent(ncsaFormat, line);

describe('ncsa: fixtures from the Apache mod_log_config documentation', () => {
  it('lines sharing a stamp, then a bad stamp and another zone, each get their own time', () => {
    const r = runLines(ncsaFormat, [
      '192.0.2.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 200 1',
      '192.0.2.2 - - [10/Oct/2000:13:55:36 -0700] "GET /a HTTP/1.1" 200 1',
      '192.0.2.3 - - [10/Oct/2000:25:55:36 -0700] "GET /b HTTP/1.1" 200 1',
      '192.0.2.3 - - [10/Oct/2000:25:55:36 -0700] "GET /b HTTP/1.1" 200 1',
      '192.0.2.4 - - [10/Oct/2000:13:55:36 +0900] "GET /c HTTP/1.1" 200 1',
    ]);
    expect(r.events.map((e) => [e.ts, e.timeRaw, e.timeZone])).toEqual([
      [Date.parse('2000-10-10T20:55:36Z'), '10/Oct/2000:13:55:36 -0700', '-07:00'],
      [Date.parse('2000-10-10T20:55:36Z'), '10/Oct/2000:13:55:36 -0700', '-07:00'],
      [Date.parse('2000-10-10T04:55:36Z'), '10/Oct/2000:13:55:36 +0900', '+09:00'],
    ]);
    expect(r.rejects).toHaveLength(2);
  });

  it('parses ncsa_common.log: 3 events, 0 rejects', () => {
    const r = runLines(ncsaFormat, readFixtureLines('ncsa_common.log'));
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(3);
    expect(r.events[1]).toMatchObject({ action: 'POST', http_status: 302, bytes_in: 0, src_ip: '192.0.2.10' });
    expect(r.events[2]!.src_ip).toBe('2001:db8::7');
  });

  it('maps the documented Common Log Format example field by field', () => {
    const e = runLines(ncsaFormat, readFixtureLines('ncsa_common.log')).events[0];
    expect(e).toEqual({
      ts: Date.parse('2000-10-10T20:55:36.000Z'),
      timeRaw: '10/Oct/2000:13:55:36 -0700',
      timeZone: '-07:00',
      category: 'web',
      action: 'GET',
      src_ip: '127.0.0.1',
      user: 'frank',
      url: '/apache_pb.gif',
      http_status: 200,
      bytes_in: 2326,
      extra: { protocol: 'HTTP/1.0' },
    });
  });

  it('parses ncsa_combined.log: 5 events, 0 rejects, referer and user agent in extra', () => {
    const r = runLines(ncsaFormat, readFixtureLines('ncsa_combined.log'));
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(5);
    expect(r.events[0]!.extra).toEqual({
      protocol: 'HTTP/1.0',
      referrer: 'http://www.example.com/start.html',
      user_agent: 'Mozilla/4.08 [en] (Win98; I ;Nav)',
    });
    // An escaped quote inside the user agent does not end it; escapes are kept as written.
    expect(r.events[3]!.extra?.user_agent).toBe('Mozilla/5.0 (X11; Linux x86_64) \\"quoted\\"');
    expect(r.events[4]).toMatchObject({ action: 'CONNECT', url: 'www.example.com:443', domain: 'www.example.com', dst_port: 443 });
  });

  it('keeps a binary (TLS) request line as an event with the raw request', () => {
    const e = runLines(ncsaFormat, readFixtureLines('ncsa_combined.log')).events[1]!;
    expect(e.action).toBeUndefined();
    expect(e.url).toBe('\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xfc\\x03\\x03');
    expect(e.http_status).toBe(400);
    expect(e.extra).toEqual({ invalid_request: true });
  });

  it('keeps a "-" request (408, no request received) without url', () => {
    const e = runLines(ncsaFormat, readFixtureLines('ncsa_combined.log')).events[2]!;
    expect(e).toMatchObject({ http_status: 408, bytes_in: 0 });
    expect(e.url).toBeUndefined();
    expect(e.extra).toBeUndefined();
  });

  it('parses ncsa_vhost_combined.log with the virtual host in url and domain', () => {
    const r = runLines(ncsaFormat, readFixtureLines('ncsa_vhost_combined.log'));
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(2);
    expect(r.events[0]).toMatchObject({
      src_ip: '127.0.0.1',
      user: 'frank',
      url: 'www.example.com:80/apache_pb.gif',
      domain: 'www.example.com',
      dst_port: 80,
      extra: { vhost: 'www.example.com:80' },
    });
    expect(r.events[1]!.url).toBe('shop.example.org:443/cart?id=1%27%20OR%201=1--');
  });

  it('is sniffed as NCSA', () => {
    for (const f of ['ncsa_common.log', 'ncsa_combined.log', 'ncsa_vhost_combined.log']) {
      expect(ncsaFormat.sniff(textSample(f, readFixtureLines(f)))).toBeGreaterThanOrEqual(0.9);
    }
  });
});

describe('ncsa: time', () => {
  it('keeps the stated offset and ignores the file time zone', () => {
    const line = '10.0.0.1 - - [29/Feb/2024:23:30:00 +0900] "GET / HTTP/1.1" 200 1';
    const tokyo = one(line);
    expect(tokyo.ts).toBe(Date.parse('2024-02-29T14:30:00Z'));
    expect(tokyo.timeZone).toBe('+09:00');
    expect(oneEvent(ncsaFormat, line, [], { ...TOKYO, timezone: 'UTC' })).toEqual(tokyo);
    expect(one('10.0.0.1 - - [01/Jan/2024:00:00:00 +0000] "GET / HTTP/1.1" 200 1').timeZone).toBe('UTC');
    expect(one('10.0.0.1 - - [01/Jan/2024:00:00:00 -0330] "GET / HTTP/1.1" 200 1').ts).toBe(Date.parse('2024-01-01T03:30:00Z'));
  });

  it('refuses impossible dates', () => {
    expect(parseClfStamp('31/Feb/2024:00:00:00 +0000')).toBeNull();
    expect(parseClfStamp('29/Feb/2023:00:00:00 +0000')).toBeNull();
    expect(parseClfStamp('10/Oct/2000:24:00:00 +0000')).toBeNull();
    expect(parseClfStamp('10/Okt/2000:13:55:36 -0700')).toBeNull();
    expect(parseClfStamp('10/Oct/2000:13:55:36 -9900')).toBeNull();
  });
});

describe('ncsa: hostile and broken input', () => {
  it('rejects truncated lines with a reason', () => {
    expect(rejectOf(ncsaFormat, '127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0')).toMatch(/cut off/);
    expect(rejectOf(ncsaFormat, '127.0.0.1 - frank [10/Oct/2000:13:55')).toMatch(/timestamp/);
    expect(rejectOf(ncsaFormat, '127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200')).toMatch(/cut off/);
    expect(rejectOf(ncsaFormat, 'frank [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 1')).toMatch(/host ident user/);
  });

  it('finds the end of a request holding a bare quote', () => {
    const e = one('10.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET /a" b" HTTP/1.1" 404 1 "-" "x"');
    expect(e.url).toBe('/a" b"');
    expect(e.http_status).toBe(404);
  });

  it('skips blank lines', () => {
    expect(ncsaFormat.createParser(TOKYO).parseLine('  ', 1)).toEqual({ kind: 'skip' });
  });

  it('parses a 1 MB request without loss', () => {
    const path = `/${'A'.repeat(MB)}`;
    const e = one(`10.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET ${path} HTTP/1.1" 414 0 "-" "x"`);
    expect(e.url).toBe(path);
  });

  it('passes formula and script payloads through unaltered', () => {
    const e = one(`10.0.0.1 - ${FORMULA.replaceAll(' ', '')} [10/Oct/2000:13:55:36 -0700] "GET /${SCRIPT} HTTP/1.1" 200 1 "${FORMULA}" "${SCRIPT}"`);
    expect(e.url).toBe(`/${SCRIPT}`);
    expect(e.user).toBe(FORMULA.replaceAll(' ', ''));
    expect(e.extra).toMatchObject({ referrer: FORMULA, user_agent: SCRIPT });
  });

  it('preserves Japanese text', () => {
    const e = one(`10.0.0.1 - 山田 [10/Oct/2000:13:55:36 -0700] "GET /files/${JAPANESE} HTTP/1.1" 200 1 "-" "日本語"`);
    expect(e.url).toBe(`/files/${JAPANESE}`);
    expect(e.user).toBe('山田');
    expect(e.extra?.user_agent).toBe('日本語');
  });

  it('keeps fields a custom format appends, and takes a client name as host', () => {
    const e = one('wks-07.acme.local - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 200 1 "-" "x" "10.1.1.1, 10.2.2.2" 1234');
    expect(e.host).toBe('wks-07.acme.local');
    expect(e.src_ip).toBeUndefined();
    expect(e.extra?.trailing).toBe('"10.1.1.1, 10.2.2.2" 1234');
  });
});

describe('ncsa: syslog-wrapped (nginx access_log syslog:)', () => {
  it('reads the record behind a BSD or RFC 5424 header, keeping the header in extra', () => {
    const rec = '192.0.2.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 200 5 "-" "curl/8.0"';
    const e = one(`<190>Oct 10 13:55:36 web01 nginx: ${rec}`);
    expect(e).toMatchObject({ src_ip: '192.0.2.1', ts: Date.parse('2000-10-10T20:55:36Z'), extra: { syslog_host: 'web01', syslog_app: 'nginx', syslog_time: 'Oct 10 13:55:36', user_agent: 'curl/8.0' } });
    expect(one(`<190>1 2000-10-10T20:55:36Z web01 nginx - - - ${rec}`).extra).toMatchObject({ syslog_host: 'web01' });
    expect(ncsaFormat.sniff(textSample('x', [`<190>Oct 10 13:55:36 web01 nginx: ${rec}`]))).toBeGreaterThanOrEqual(0.9);
  });
});

describe('ncsa: sniff', () => {
  it('refuses other formats', () => {
    const no = (lines: string[]) => expect(ncsaFormat.sniff(textSample('x', lines))).toBe(0);
    no(['1691514939.857 68 10.0.0.1 TCP_MISS/200 3 GET http://a/ - HIER_NONE/- -']);
    no(['2020-05-02 02:16:40 122207 172.188.21.165 - - - OBSERVED "Technology/Internet" -  200 TCP_TUNNELED CONNECT - tcp x 443 / - -']);
    no(['<134>Sep 28 10:38:09 host app: [10/Oct/2000] "GET"']);
    no([]);
  });
});

describe('ncsa: generated input', () => {
  it('parses 100k synthetic combined lines without a reject', () => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const s = String(i % 60).padStart(2, '0');
      lines.push(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255} - - [10/Oct/2000:13:${s}:${s} -0700] "GET /p/${i}?q=${i} HTTP/1.1" ${200 + (i % 5)} ${i} "http://ref.example/${i}" "Mozilla/5.0 (${i})"`);
    }
    const r = runLines(ncsaFormat, lines);
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(100_000);
    expect(r.events[99_999]).toMatchObject({ src_ip: '10.1.134.159', bytes_in: 99_999, http_status: 204 });
  });
});
