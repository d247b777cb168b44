import { describe, expect, it } from 'vitest';
import { zeekJsonFormat } from '../../../../electron/engine/formats/network/zeek-json';
import { readSampleLines, textSample } from '../../helpers/samples';
import { one, parseAll, rejectReason, TOKYO, UTC } from './parse';

const F = zeekJsonFormat;

const http = (o: Record<string, unknown> = {}): string =>
  JSON.stringify({
    ts: 1588206738.09551, uid: 'ChOJWf3yQbPwENbBK1', 'id.orig_h': '10.0.1.4', 'id.orig_p': 60757, 'id.resp_h': '192.168.0.4', 'id.resp_p': 80,
    method: 'GET', host: 'a.example', uri: '/x', status_code: 200, user_agent: 'curl/8', ...o,
  });

describe('zeek-json: real samples (ROCK NSM, underscore keys, @stream)', () => {
  const cases: [string, number, string][] = [
    ['otrf_apt29d1_NASHUA_conn.log', 479, 'network'],
    ['otrf_apt29d1_SCRANTON_dns.log', 32, 'dns'],
    ['otrf_apt29d1_SCRANTON_http.log', 62, 'web'],
  ];
  for (const [file, n, category] of cases) {
    it(`${file}: sniffed, ${n} events, 0 rejects, all ${category}, all in 2020-04-30 00:06-00:46 UTC`, () => {
      const lines = readSampleLines('zeek_json', file);
      expect(F.sniff(textSample(file, lines))).toBeGreaterThanOrEqual(0.9);
      const { events, rejects } = parseAll(F, lines, { ...TOKYO, fileName: file });
      expect(rejects).toEqual([]);
      expect(events).toHaveLength(n);
      for (const e of events) {
        expect(e.category).toBe(category);
        expect(e.timeZone).toBe('UTC');
        expect(e.ts).toBeGreaterThanOrEqual(Date.parse('2020-04-30T00:06:00Z'));
        expect(e.ts).toBeLessThan(Date.parse('2020-04-30T00:46:00Z'));
        expect(typeof e.extra?.uid).toBe('string');
      }
    });
  }

  it('conn: maps the first record field by field', () => {
    const { events } = parseAll(F, readSampleLines('zeek_json', 'otrf_apt29d1_NASHUA_conn.log'));
    expect(events[0]).toEqual({
      ts: Date.parse('2020-04-30T00:06:39.824Z'),
      timeRaw: '1588205199.82437',
      timeZone: 'UTC',
      category: 'network',
      action: 'connection',
      src_ip: '10.0.1.6',
      src_port: 54243,
      dst_ip: '10.0.0.4',
      dst_port: 53,
      bytes_out: 39,
      bytes_in: 55,
      duration_ms: 1.528,
      extra: {
        '@stream': 'conn',
        '@system': 'bobs.bigwheel.local',
        '@proc': 'zeek',
        uid: 'Cvf4XX17hSAgXDdGEd',
        proto: 'udp',
        service: 'dns',
        conn_state: 'SF',
        missed_bytes: 0,
        history: 'Dd',
        orig_pkts: 1,
        orig_ip_bytes: 67,
        resp_pkts: 1,
        resp_ip_bytes: 83,
        orig_l2_addr: '00:0d:3a:13:e3:69',
        resp_l2_addr: '12:34:56:78:9a:bc',
      },
    });
  });

  it('dns and http: query name as domain; method, url and status', () => {
    const dns = parseAll(F, readSampleLines('zeek_json', 'otrf_apt29d1_SCRANTON_dns.log')).events[0]!;
    expect(dns).toMatchObject({ action: 'query', domain: 'newyork.dmevals.local', extra: { qtype_name: 'A', answers: ['10.0.0.4'], rcode_name: 'NOERROR' } });
    const web = parseAll(F, readSampleLines('zeek_json', 'otrf_apt29d1_SCRANTON_http.log')).events[1]!;
    expect(web).toMatchObject({
      action: 'OPTIONS',
      url: 'http://192.168.0.4/webdav',
      http_status: 401,
      bytes_out: 0,
      bytes_in: 381,
      extra: { user_agent: 'Microsoft-WebDAV-MiniRedir/10.0.18362', status_msg: 'Unauthorized' },
    });
    expect(web.domain).toBeUndefined();
  });
});

describe('zeek-json: layouts', () => {
  it('reads dotted keys (Zeek\'s own JSON writer) and infers the log from its fields', () => {
    const e = one(F, http(), UTC);
    expect(e).toMatchObject({ category: 'web', action: 'GET', src_ip: '10.0.1.4', dst_port: 80, url: 'http://a.example/x', domain: 'a.example', http_status: 200 });
    expect(e.extra).toEqual({ uid: 'ChOJWf3yQbPwENbBK1', user_agent: 'curl/8' });
  });

  it('takes the log from _path, else from the file name', () => {
    const line = JSON.stringify({ ts: 1588206738.5, uid: 'Cabcdefgh1', 'id.orig_h': '10.0.0.1', 'id.resp_h': '10.0.0.2', server_name: 'c2.example', established: false });
    expect(one(F, line, UTC)).toMatchObject({ category: 'network', domain: 'c2.example', action: 'not_established' });
    const files = JSON.stringify({ _path: 'files', ts: 1588206738.5, fuid: 'Fabcdefgh1', tx_hosts: ['203.0.113.9'], rx_hosts: ['10.0.0.5'], filename: 'a.exe', sha1: 'da39a3ee5e6b4b0d3255bfef95601890afd80709' });
    expect(one(F, files, UTC)).toMatchObject({ category: 'file', file_path: 'a.exe', file_hash: 'da39a3ee5e6b4b0d3255bfef95601890afd80709', src_ip: '203.0.113.9', dst_ip: '10.0.0.5' });
    const bare = JSON.stringify({ ts: 1588206738.5, uid: 'Cabcdefgh1', 'id.orig_h': '10.0.0.1', 'id.resp_h': '10.0.0.2', proto: 'tcp' });
    expect(one(F, bare, { ...UTC, fileName: '/evidence/conn.09:00:00-10:00:00.log' }).category).toBe('network');
    expect(one(F, bare, { ...UTC, fileName: '/evidence/SCRANTON_dns.log' }).category).toBe('dns');
  });
});

describe('zeek-json: time', () => {
  it('ts is UTC: the file time zone changes nothing; the written text is kept', () => {
    const line = http({ ts: 1588206738.095510 }).replace('1588206738.09551', '1588206738.095510');
    const tokyo = one(F, line, TOKYO);
    expect(tokyo).toEqual(one(F, line, UTC));
    expect(tokyo.ts).toBe(Date.parse('2020-04-30T00:32:18.095Z'));
    expect(tokyo.timeRaw).toBe('1588206738.095510');
  });

  it('reads JSON::TS_MILLIS and JSON::TS_ISO8601 stamps', () => {
    expect(one(F, http({ ts: 1588206738095 }), UTC).ts).toBe(Date.parse('2020-04-30T00:32:18.095Z'));
    const iso = one(F, http({ ts: '2020-04-30T00:32:18.095510Z' }), UTC);
    expect(iso).toMatchObject({ ts: Date.parse('2020-04-30T00:32:18.095Z'), timeRaw: '2020-04-30T00:32:18.095510Z', timeZone: 'UTC' });
  });

  it('rejects a record without a usable ts, with the reason', () => {
    expect(rejectReason(F, http({ ts: undefined }))).toMatch(/no ts field/);
    expect(rejectReason(F, http({ ts: '2020-04-30 00:32:18' }))).toMatch(/bad ts "2020-04-30 00:32:18"/);
  });
});

describe('zeek-json: hostile and broken input', () => {
  it('rejects a truncated line and a non-object', () => {
    expect(rejectReason(F, http().slice(0, 80))).toMatch(/not valid JSON/);
    expect(rejectReason(F, '[1,2]')).toMatch(/not a JSON object/);
  });

  it('parses a 1 MB uri without loss', () => {
    const uri = `/${'A'.repeat(1024 * 1024)}`;
    expect(one(F, http({ uri }), UTC).url).toBe(`http://a.example${uri}`);
  });

  it('passes formula and script payloads through unaltered; keeps Japanese text', () => {
    const e = one(F, http({ username: "=cmd|' /C calc'!A0", uri: '/<script>alert(1)</script>', user_agent: 'ブラウザ', host: '請求書.example' }), UTC);
    expect(e.user).toBe("=cmd|' /C calc'!A0");
    expect(e.url).toBe('http://請求書.example/<script>alert(1)</script>');
    expect(e.domain).toBe('請求書.example');
    expect(e.extra?.user_agent).toBe('ブラウザ');
  });

  it('a hostile _path naming an Object.prototype member is just an unknown log', () => {
    for (const path of ['constructor', 'toString', '__proto__']) {
      const e = one(F, http({ _path: path, method: undefined, status_code: undefined, uri: undefined }), UTC);
      expect(e.category).toBe('network');
      expect(e.extra?._path).toBe(path);
    }
  });

  it('keeps a __proto__ key as data and bounds extra', () => {
    const e = one(F, http().replace('{', '{"__proto__":"x",'), UTC);
    expect(Object.getPrototypeOf(e.extra)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(e.extra, '__proto__')?.value).toBe('x');
    const many: Record<string, number> = {};
    for (let i = 0; i < 5000; i++) many[`k${i}`] = i;
    const big = one(F, http(many), UTC);
    expect(Object.keys(big.extra!).length).toBeLessThanOrEqual(257);
    expect(big.extra?.dropped_keys).toBeGreaterThan(4700);
  });

  it('parses 100k generated records: 100k events, no rejects', () => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) lines.push(http({ ts: 1588206738 + i / 1000, uri: `/p/${i}` }));
    const { events, rejects } = parseAll(F, lines, UTC);
    expect(rejects).toEqual([]);
    expect(events).toHaveLength(100_000);
    expect(events[99_999]!.url).toBe('http://a.example/p/99999');
  });
});

describe('zeek-json: sniff', () => {
  it('refuses other JSON and text', () => {
    const no = (lines: string[]) => expect(F.sniff(textSample('x', lines))).toBe(0);
    no(['{"EventID":1,"Hostname":"WORKSTATION5","@timestamp":"2020-10-23T02:36:43.547Z"}']);
    no(['{"ts":1588205201.123,"msg":"hello"}']);
    no(['#separator \\x09', '#fields\tts\tuid']);
    no([]);
  });
});
