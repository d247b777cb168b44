import { describe, expect, it } from 'vitest';
import { zeekTsvFormat } from '../../../../electron/engine/formats/network/zeek-tsv';
import { readSampleLines, textSample } from '../../helpers/samples';
import { one, parseAll, rejectReason, TOKYO, UTC } from './parse';

const F = zeekTsvFormat;

const HEADER = [
  '#separator \\x09',
  '#set_separator\t,',
  '#empty_field\t(empty)',
  '#unset_field\t-',
  '#path\thttp',
  '#open\t2023-09-06-01-19-23',
  '#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tmethod\thost\turi\tuser_agent\tstatus_code\tusername\trequest_body_len\tresponse_body_len\ttags\tresp_mime_types',
  '#types\ttime\tstring\taddr\tport\taddr\tport\tstring\tstring\tstring\tstring\tcount\tstring\tcount\tcount\tset[enum]\tvector[string]',
];
const http = (method: string, host: string, uri: string, ua = 'curl/8', user = '-'): string =>
  ['1693975955.866569', 'CGJQSF2AG8Q51cv46e', '192.168.56.30', '53738', '10.0.5.14', '80', method, host, uri, ua, '200', user, '0', '248', '(empty)', 'text/html,application/x-dosexec'].join('\t');

describe('zeek-tsv: real samples', () => {
  const cases: [string, number][] = [
    ['otrf_lsass05_conn.log', 895],
    ['otrf_lsass05_dns.log', 2872],
    ['otrf_lsass05_http.log', 3],
  ];
  for (const [file, n] of cases) {
    it(`${file}: sniffed, ${n} events, 0 rejects, 9 header lines skipped`, () => {
      const lines = readSampleLines('zeek_tsv', file);
      expect(F.sniff(textSample(file, lines))).toBeGreaterThanOrEqual(0.9);
      const { events, rejects, skipped } = parseAll(F, lines, { ...TOKYO, fileName: file });
      expect(rejects).toEqual([]);
      expect(events).toHaveLength(n);
      expect(skipped).toBe(9);
      for (const e of events) {
        expect(e.timeZone).toBe('UTC');
        expect(e.ts).toBeGreaterThanOrEqual(Date.parse('2023-09-06T04:51:00Z'));
        expect(e.ts).toBeLessThan(Date.parse('2023-09-06T05:00:00Z'));
        expect(typeof e.extra?.uid).toBe('string');
      }
    });
  }

  it('conn: maps the first record field by field', () => {
    const { events } = parseAll(F, readSampleLines('zeek_tsv', 'otrf_lsass05_conn.log'));
    expect(events[0]).toEqual({
      ts: Date.parse('2023-09-06T04:51:46.500Z'),
      timeRaw: '1693975906.500310',
      timeZone: 'UTC',
      category: 'network',
      action: 'connection',
      src_ip: '192.168.56.30',
      src_port: 62431,
      dst_ip: '192.168.56.1',
      dst_port: 53,
      bytes_out: 0,
      bytes_in: 24,
      duration_ms: 0.687,
      extra: {
        path: 'conn',
        uid: 'CPgXGz4Ck2S7ZKzsu8',
        proto: 'udp',
        service: 'dns',
        conn_state: 'SHR',
        local_orig: true,
        local_resp: true,
        missed_bytes: 0,
        history: '^d',
        orig_pkts: 0,
        orig_ip_bytes: 0,
        resp_pkts: 2,
        resp_ip_bytes: 80,
      },
    });
  });

  it('http: status, body sizes, sets and vectors; unset fields are absent', () => {
    const { events } = parseAll(F, readSampleLines('zeek_tsv', 'otrf_lsass05_http.log'));
    const e = events[2]!;
    expect(e).toMatchObject({
      category: 'web',
      src_ip: '192.168.56.30',
      dst_ip: '10.0.5.14',
      dst_port: 80,
      http_status: 200,
      bytes_out: 0,
      bytes_in: 7168,
    });
    expect(e.action).toBeUndefined(); // method is unset ("-") in this capture
    expect(e.url).toBeUndefined();
    expect(e.extra).toMatchObject({ tags: [], resp_fuids: ['FBqHrC4yBVUta4Kqee'], resp_mime_types: ['application/x-dosexec'], version: '1.0' });
    expect(e.extra).not.toHaveProperty('method');
    expect(events[1]!.extra).toMatchObject({ status_msg: 'File not found' });
  });

  it('dns: REFUSED query record with bools, and a query name as domain', () => {
    const lines = readSampleLines('zeek_tsv', 'otrf_lsass05_dns.log');
    const { events } = parseAll(F, lines);
    expect(events[0]).toMatchObject({ category: 'dns', action: 'query', dst_port: 53, extra: { rcode_name: 'REFUSED', rejected: true, AA: false } });
    const named = events.find((e) => e.domain !== undefined)!;
    expect(named.category).toBe('dns');
    expect(named.extra).toHaveProperty('qtype_name');
  });
});

describe('zeek-tsv: layouts and mappings', () => {
  it('builds the URL from host and uri, takes domain without port, username, set of enums', () => {
    const e = one(F, http('GET', 'evil.example:8080', '/gate.php?id=1', 'Mozilla/5.0', 'alice'), UTC, HEADER);
    expect(e).toMatchObject({
      action: 'GET',
      url: 'http://evil.example:8080/gate.php?id=1',
      domain: 'evil.example',
      user: 'alice',
      http_status: 200,
      extra: { path: 'http', user_agent: 'Mozilla/5.0', tags: [], resp_mime_types: ['text/html', 'application/x-dosexec'] },
    });
  });

  it('keeps an absolute (proxied) uri as the URL, and an IP host is not a domain', () => {
    const e = one(F, http('GET', '10.0.0.1', 'http://other.example/x'), UTC, HEADER);
    expect(e.url).toBe('http://other.example/x');
    expect(e.domain).toBeUndefined();
  });

  it('reads ssl (server_name -> domain, established -> action) and files (hash, name, tx/rx hosts)', () => {
    const ssl = one(F, '1700000000.000001\tCabcdefgh12\t10.0.0.5\t50000\t203.0.113.9\t443\tTLSv13\tc2.example\tT', UTC, [
      '#separator \\x09', '#path\tssl',
      '#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tversion\tserver_name\testablished',
      '#types\ttime\tstring\taddr\tport\taddr\tport\tstring\tstring\tbool',
    ]);
    expect(ssl).toMatchObject({ category: 'network', domain: 'c2.example', action: 'established', dst_port: 443, extra: { version: 'TLSv13' } });
    const files = one(F, '1700000000.5\tFhash123456\t203.0.113.9\t10.0.0.5\tHTTP\tinvoice.exe\tapplication/x-dosexec\td41d8cd98f00b204e9800998ecf8427e\te3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', UTC, [
      '#separator \\x09', '#path\tfiles',
      '#fields\tts\tfuid\ttx_hosts\trx_hosts\tsource\tfilename\tmime_type\tmd5\tsha256',
      '#types\ttime\tstring\tset[addr]\tset[addr]\tstring\tstring\tstring\tstring\tstring',
    ]);
    expect(files).toMatchObject({
      category: 'file',
      action: 'file_seen',
      file_path: 'invoice.exe',
      file_hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      src_ip: '203.0.113.9',
      dst_ip: '10.0.0.5',
      extra: { fuid: 'Fhash123456', md5: 'd41d8cd98f00b204e9800998ecf8427e', tx_hosts: ['203.0.113.9'] },
    });
  });

  it('a later header block (concatenated logs) replaces the layout', () => {
    const lines = [...HEADER, http('GET', 'a.example', '/'), '#close\t2023-09-06-01-19-24',
      '#separator \\x09', '#path\tdns', '#fields\tts\tuid\tquery', '#types\ttime\tstring\tstring', '1693975999.1\tCx12345678\tb.example'];
    const { events, rejects } = parseAll(F, lines);
    expect(rejects).toEqual([]);
    expect(events.map((e) => e.category)).toEqual(['web', 'dns']);
    expect(events[1]!.domain).toBe('b.example');
  });

  it('another Zeek log keeps its fields in extra (network when it names a connection)', () => {
    const e = one(F, '1693975955.1\tCx12345678\t10.0.0.1\t1\t10.0.0.2\t2\tbad_TCP_checksum', UTC, [
      '#separator \\x09', '#path\tweird', '#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tname', '#types\ttime\tstring\taddr\tport\taddr\tport\tstring',
    ]);
    expect(e).toMatchObject({ category: 'network', src_ip: '10.0.0.1', extra: { path: 'weird', name: 'bad_TCP_checksum' } });
    expect(e.action).toBeUndefined();
  });
});

describe('zeek-tsv: time', () => {
  it('ts is UTC epoch: the file time zone changes nothing', () => {
    const tokyo = one(F, http('GET', 'a.example', '/'), TOKYO, HEADER);
    const utc = one(F, http('GET', 'a.example', '/'), UTC, HEADER);
    expect(tokyo).toEqual(utc);
    expect(utc.ts).toBe(Date.parse('2023-09-06T04:52:35.866Z'));
    expect(utc.timeRaw).toBe('1693975955.866569');
  });

  it('rejects a bad ts with the reason', () => {
    const bad = http('GET', 'a.example', '/').replace('1693975955.866569', '2023-09-06');
    expect(rejectReason(F, bad, UTC, HEADER)).toMatch(/bad ts "2023-09-06"/);
  });
});

describe('zeek-tsv: hostile and broken input', () => {
  it('rejects a cut-off record, and a record before any header', () => {
    const line = http('GET', 'a.example', '/');
    expect(rejectReason(F, line.slice(0, 60), UTC, HEADER)).toMatch(/expected 16 fields per #fields, found \d+/);
    expect(rejectReason(F, line)).toMatch(/#fields line missing/);
  });

  it('parses a 1 MB uri without loss', () => {
    const uri = `/${'A'.repeat(1024 * 1024)}`;
    expect(one(F, http('GET', 'a.example', uri), UTC, HEADER).url).toBe(`http://a.example${uri}`);
  });

  it('passes formula and script payloads through unaltered', () => {
    const e = one(F, http('GET', 'a.example', '/<script>alert(1)</script>', "=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0"), UTC, HEADER);
    expect(e.url).toBe('http://a.example/<script>alert(1)</script>');
    expect(e.user).toBe("=cmd|' /C calc'!A0");
    expect(e.extra?.user_agent).toBe("=cmd|' /C calc'!A0");
  });

  it('preserves Japanese text, and keeps Zeek \\x escapes as written', () => {
    const e = one(F, http('GET', '請求書.example', '/請求書.doc', 'ブラウザ\\x09x', '山田太郎'), UTC, HEADER);
    expect(e.url).toBe('http://請求書.example/請求書.doc');
    expect(e.domain).toBe('請求書.example');
    expect(e.user).toBe('山田太郎');
    expect(e.extra?.user_agent).toBe('ブラウザ\\x09x');
  });

  it('a __proto__ column is kept as data', () => {
    const e = one(F, '1693975955.1\tCx12345678\tx', UTC, ['#separator \\x09', '#fields\tts\tuid\t__proto__', '#types\ttime\tstring\tstring']);
    expect(Object.getPrototypeOf(e.extra)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(e.extra, '__proto__')?.value).toBe('x');
  });

  it('parses 100k generated records: 100k events, no rejects', () => {
    const lines = [...HEADER];
    for (let i = 0; i < 100_000; i++) {
      lines.push(http(i % 2 ? 'GET' : 'POST', `h${i % 97}.example`, `/p/${i}`).replace('1693975955.866569', `${1693975955 + i}.000001`));
    }
    const { events, rejects } = parseAll(F, lines, UTC);
    expect(rejects).toEqual([]);
    expect(events).toHaveLength(100_000);
    expect(events[99_999]!.url).toBe('http://h89.example/p/99999');
  });
});

describe('zeek-tsv: sniff', () => {
  it('refuses other formats', () => {
    const no = (lines: string[]) => expect(F.sniff(textSample('x', lines))).toBe(0);
    no(['#Software: Microsoft Windows Firewall', '#Version: 1.5', '#Fields: date time action']);
    no(['#separator \\x09', '1693975955.1\tCx\tx']); // no #fields
    no(['ts\tuid\tid.orig_h', '1693975955.1\tCx\t10.0.0.1']);
    no([]);
  });
});
