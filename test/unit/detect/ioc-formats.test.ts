// Indicator files as analysts receive them: plain (defanged) lists, headed CSV feeds (the real
// VMware TAU Emotet lists, Feodo Tracker's layout), STIX 2.x bundles and MISP events; and the
// files that hold no indicators (MISP galaxies, a STIX malware object) refused with the reason.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { classify, refang } from '../../../electron/engine/detect/ioc/classify';
import { loadIndicatorFile, parseIndicatorContent } from '../../../electron/engine/detect/ioc/load';
import { patternComparisons } from '../../../electron/engine/detect/ioc/stix-pattern';
import { samplePath } from '../helpers/samples';

const values = (f: { indicators: { type: string; value: string }[] }) => f.indicators.map((i) => `${i.type}:${i.value}`);

describe('refang and classify', () => {
  it('undoes hxxp, [.], (.), [:] and [dot] defanging', () => {
    expect(refang('hxxp://evil[.]example/a')).toBe('http://evil.example/a');
    expect(refang('hXXps[:]//evil(.)example')).toBe('https://evil.example');
    expect(refang('198.51.100[.]7')).toBe('198.51.100.7');
    expect(refang('evil[dot]example')).toBe('evil.example');
  });
  it('tells IPs, CIDRs, URLs, domains and hashes apart and rejects file names and versions', () => {
    expect(classify('203.0.113.9')).toEqual({ type: 'ip', value: '203.0.113.9', port: null });
    expect(classify('203.0.113.9:8080')).toEqual({ type: 'ip', value: '203.0.113.9', port: 8080 });
    expect(classify('203.0.113.0/24')?.type).toBe('cidr');
    expect(classify('2001:DB8::1')).toEqual({ type: 'ip', value: '2001:db8::1', port: null });
    expect(classify('HXXP://Evil.Example:80/Path/')?.value).toBe('http://evil.example/Path');
    expect(classify('evil.example/x.dll')?.value).toBe('http://evil.example/x.dll');
    expect(classify('Sub.Evil.Example.')?.value).toBe('sub.evil.example');
    expect(classify('D41D8CD98F00B204E9800998ECF8427E')?.type).toBe('md5');
    expect(classify('da39a3ee5e6b4b0d3255bfef95601890afd80709')?.type).toBe('sha1');
    expect(classify('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')?.type).toBe('sha256');
    expect(classify('qzx81.dll')).toBeNull();
    expect(classify('請求書.doc')).toBeNull();
    expect(classify('10.0.19041')).toBeNull();
    expect(classify('C2 server')).toBeNull();
  });
});

describe('plain lists', () => {
  it('reads one indicator per line with comments, defanged forms and trailing notes', () => {
    const f = parseIndicatorContent(
      'list.txt',
      ['# Emotet wave 2026-10', '', 'hxxp://invoice-portal[.]example/請求書.doc  # lure', '198.51.100[.]23', '203.0.113.0/28', '// removed', 'bad-c2(.)example', 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00 lure document', 'not an indicator'].join('\n'),
    );
    expect(f.format).toBe('plain');
    expect(values(f)).toEqual([
      'url:http://invoice-portal.example/請求書.doc',
      'ip:198.51.100.23',
      'cidr:203.0.113.0/28',
      'domain:bad-c2.example',
      'sha256:c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00',
    ]);
    expect(f.indicators[0]!.context).toBe('lure');
    expect(f.indicators[4]!.context).toBe('lure document');
    expect(f.indicators.map((i) => i.line)).toEqual([3, 4, 5, 7, 8]);
    expect(f.skipped.map(({ line, reason }) => ({ line, reason }))).toEqual([{ line: 9, reason: '"not an indicator" is not an IP, CIDR, domain, URL or hash' }]);
  });
  it('refuses a file with no indicator, naming the file and the first bad line', () => {
    expect(() => parseIndicatorContent('notes.txt', 'hello world\nsecond line\n')).toThrow(
      'notes.txt: no indicators found (line 1: "hello world" is not an IP, CIDR, domain, URL or hash)',
    );
    expect(() => parseIndicatorContent('blob.bin', new Uint8Array(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)))).toThrow(
      'blob.bin: binary file (not an indicator list)',
    );
    expect(() => parseIndicatorContent('e.txt', new Uint8Array())).toThrow('e.txt: empty file');
  });
  it('reads a Shift_JIS list (comments in Japanese)', () => {
    const sjis = Buffer.from([0x23, 0x20, 0x8e, 0x77, 0x95, 0x57, 0x0a]); // "# 指標\n"
    const f = parseIndicatorContent('sjis.txt', Buffer.concat([sjis, Buffer.from('198.51.100.23\n')]));
    expect(values(f)).toEqual(['ip:198.51.100.23']);
  });
});

describe('CSV feeds', () => {
  it('VMware TAU "IoC,Data,Note" (BOM, defanged): IPs, hashes, URLs; report rows skipped', () => {
    const f = loadIndicatorFile(samplePath('emotet_ioc', 'vmware_tau_2022-02_Emotet_IoCs_Feb2022.csv'));
    expect(f.format).toBe('csv');
    expect(f.source).toBe('vmware_tau_2022-02_Emotet_IoCs_Feb2022.csv');
    const byType = (t: string) => f.indicators.filter((i) => i.type === t).length;
    const lines = readFileSync(samplePath('emotet_ioc', 'vmware_tau_2022-02_Emotet_IoCs_Feb2022.csv'), 'utf8').trim().split('\n').slice(1);
    expect(f.indicators.length + f.skipped.length).toBe(lines.length);
    expect(f.skipped.every((s) => /type "report"/.test(s.reason))).toBe(true);
    expect(byType('ip')).toBeGreaterThan(0);
    expect(byType('url')).toBeGreaterThan(0);
    expect(f.indicators.find((i) => i.raw === '185.7.214[.]7')).toMatchObject({ type: 'ip', value: '185.7.214.7', context: 'C2 server - Cluster B', line: 3 });
    expect(values(f)).toContain('url:http://althyplane.com/wp-admin/ELWa8YcOqlJn');
  });
  it('VMware TAU C2 config: every row an IP with its port', () => {
    const f = loadIndicatorFile(samplePath('emotet_ioc', 'vmware_tau_2022-03_emotet_ioc_c2_config.csv'));
    const rows = readFileSync(samplePath('emotet_ioc', 'vmware_tau_2022-03_emotet_ioc_c2_config.csv'), 'utf8').trim().split('\n').length - 1;
    expect(f.indicators).toHaveLength(rows);
    expect(f.skipped).toEqual([]);
    expect(f.indicators[0]).toMatchObject({ type: 'ip', value: '46.41.130.218', port: 8080, line: 2 });
  });
  it('VMware TAU payload updates (IPs not defanged, SHA1 columns) and DLL hashes', () => {
    const p = loadIndicatorFile(samplePath('emotet_ioc', 'vmware_tau_2022-H2_emotet_ioc_payload_updates.csv'));
    expect(p.indicators.find((i) => i.line === 2 && i.type === 'ip')).toMatchObject({ value: '188.225.32.231', port: 4143, context: 'Core' });
    expect(p.indicators.some((i) => i.value === 'f6bf7804e3e80a1d4df75022e1f2dd5cc3338dc4' && i.type === 'sha1')).toBe(true);
    expect(p.skipped).toEqual([]);
    const d = loadIndicatorFile(samplePath('emotet_ioc', 'vmware_tau_2022-H2_emotet_ioc_dlls_first5000.csv'));
    expect(d.indicators).toHaveLength(5000);
    expect(d.indicators.every((i) => i.type === 'sha256')).toBe(true);
  });
  it('Feodo Tracker layout: header in a comment line, quoted fields', () => {
    const text = [
      '################################################################',
      '# abuse.ch Feodo Tracker Botnet C2 IP Blocklist (CSV)           #',
      '################################################################',
      '#',
      '# "first_seen_utc","dst_ip","dst_port","c2_status","last_online","malware"',
      '"2026-10-01 07:44:46","198.51.100.23","8080","online","2026-10-05","Emotet"',
      '"2026-10-02 01:02:03","203.0.113.77","7080","offline","2026-10-04","Emotet"',
      '# end',
    ].join('\r\n');
    const f = parseIndicatorContent('ipblocklist.csv', text);
    expect(f.format).toBe('csv');
    expect(f.indicators.map((i) => [i.value, i.port, i.context, i.line])).toEqual([
      ['198.51.100.23', 8080, 'online — Emotet', 6],
      ['203.0.113.77', 7080, 'offline — Emotet', 7],
    ]);
  });
});

describe('STIX 2.x', () => {
  const bundle = (objects: unknown[]) => JSON.stringify({ type: 'bundle', id: 'bundle--1', spec_version: '2.0', objects });
  const indicator = (pattern: string, extra: Record<string, unknown> = {}) => ({
    type: 'indicator', id: 'indicator--a', name: 'Emotet infra', pattern, pattern_type: 'stix', indicator_types: ['malicious-activity'], ...extra,
  });

  it('reads IP, domain, URL and file-hash patterns, OR-ed comparisons and IN lists', () => {
    const f = parseIndicatorContent(
      'emotet.stix.json',
      bundle([
        indicator("[ipv4-addr:value = '198.51.100.23' OR ipv4-addr:value = '203.0.113.0/24']"),
        indicator("[domain-name:value IN ('bad-c2.example', 'b.example')] OR [url:value = 'http://invoice-portal.example/a\\'b']"),
        indicator("[file:hashes.'SHA-256' = 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855' AND file:name = 'x.dll']"),
        indicator("[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']"),
        indicator("[network-traffic:dst_ref.value = '192.0.2.50' AND network-traffic:dst_port = 7080]"),
        { type: 'malware', id: 'malware--1', name: 'Emotet' },
      ]),
    );
    expect(values(f)).toEqual([
      'ip:198.51.100.23',
      'cidr:203.0.113.0/24',
      'domain:bad-c2.example',
      'domain:b.example',
      "url:http://invoice-portal.example/a'b",
      'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'md5:d41d8cd98f00b204e9800998ecf8427e',
      'ip:192.0.2.50',
    ]);
    expect(f.indicators[7]!.port).toBe(7080);
    expect(f.indicators[0]!.context).toBe('Emotet infra — malicious-activity');
    expect(f.skipped.map((s) => s.reason)).toEqual(['indicator "Emotet infra": comparison on file:name is not matched against events']);
  });
  it('reports negations and non-STIX pattern languages instead of matching them', () => {
    const f = parseIndicatorContent(
      'mixed.json',
      bundle([
        indicator("[ipv4-addr:value != '10.0.0.1']"),
        indicator('alert tcp any any -> any any', { pattern_type: 'snort' }),
        indicator("[domain-name:value = 'ok.example']"),
      ]),
    );
    expect(values(f)).toEqual(['domain:ok.example']);
    expect(f.skipped.map((s) => s.reason)).toEqual([
      'indicator "Emotet infra": "ipv4-addr:value !=" is not supported',
      'indicator "Emotet infra": pattern type "snort" is not STIX patterning',
    ]);
  });
  it('splits comparisons of a pattern', () => {
    expect(patternComparisons("[a:value = 'x'] AND NOT [b:value IN ('y', 'z')]")).toEqual([
      { path: 'a:value', operator: '=', values: ['x'], negated: false },
      { path: 'b:value', operator: 'IN', values: ['y', 'z'], negated: false },
    ]);
  });
  it('the real MITRE ATT&CK Emotet bundle (a malware object) says "no indicators found"', () => {
    expect(() => loadIndicatorFile(samplePath('stix', 'mitre_cti_emotet_S0367_malware--32066e94.json'))).toThrow(
      /mitre_cti_emotet_S0367_malware--32066e94\.json: no indicators found \(STIX content without indicator objects \(1 malware\)\)$/,
    );
  });
});

describe('MISP', () => {
  it('reads Event.Attribute and Object attributes, splits composite types, honours to_ids', () => {
    const event = {
      Event: {
        info: 'Emotet 請求書 campaign',
        Attribute: [
          { type: 'ip-dst|port', value: '198.51.100.23|8080', to_ids: true, comment: 'C2' },
          { type: 'domain', value: 'bad-c2.example', to_ids: true },
          { type: 'url', value: 'hxxp://invoice-portal[.]example/inv.doc', to_ids: true },
          { type: 'link', value: 'https://blog.example/report', to_ids: false },
          { type: 'ip-src', value: '192.0.2.10', to_ids: false },
          { type: 'text', value: 'free text', to_ids: true },
        ],
        Object: [
          { name: 'file', Attribute: [{ type: 'filename|sha256', value: 'qzx81.dll|E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855', to_ids: true }] },
          { name: 'domain-ip', Attribute: [{ type: 'hostname', value: 'cdn.bad.example', to_ids: true }, { type: 'domain|ip', value: 'x.example|203.0.113.5', to_ids: true }] },
        ],
      },
    };
    const f = parseIndicatorContent('event.json', JSON.stringify(event));
    expect(f.format).toBe('misp');
    expect(values(f)).toEqual([
      'ip:198.51.100.23',
      'domain:bad-c2.example',
      'url:http://invoice-portal.example/inv.doc',
      'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'domain:cdn.bad.example',
      'domain:x.example',
      'ip:203.0.113.5',
    ]);
    expect(f.indicators[0]).toMatchObject({ port: 8080, context: 'C2 — Emotet 請求書 campaign' });
    expect(f.skipped.map((s) => s.line)).toEqual([4, 5, 6]);
  });
  it('a REST search response ({"response":[{"Event":...}]}) is read too', () => {
    const f = parseIndicatorContent('search.json', JSON.stringify({ response: [{ Event: { info: 'x', Attribute: [{ type: 'md5', value: 'd41d8cd98f00b204e9800998ecf8427e', to_ids: true }] } }] }));
    expect(values(f)).toEqual(['md5:d41d8cd98f00b204e9800998ecf8427e']);
  });
  it('the real MISP galaxy clusters are refused as "no indicators found"', () => {
    for (const name of ['misp-galaxy_malpedia_emotet_only.json', 'misp-galaxy_tool_emotet_only.json', 'misp-galaxy_mitre-malware_emotet_only.json']) {
      expect(() => loadIndicatorFile(samplePath('misp_galaxy', name))).toThrow(`${samplePath('misp_galaxy', name)}: no indicators found (a MISP galaxy cluster (descriptions and references, not an event))`);
    }
  });
  it('truncated JSON names the file and the line', () => {
    expect(() => parseIndicatorContent('cut.json', '{\n  "Event": {\n    "Attribute": [\n      {"type": "md5", ')).toThrow(/^cut\.json: not valid JSON \(line 4: /);
  });
});
