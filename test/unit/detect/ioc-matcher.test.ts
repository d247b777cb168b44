// Matching indicators against event fields: exact and CIDR addresses (IPv4 and IPv6), domains
// with their subdomains, URLs exactly or as a path prefix, hashes in any case.
import { describe, expect, it } from 'vitest';
import { CidrSet, isInternalIp } from '../../../electron/engine/detect/ioc/cidr';
import { parseIndicatorContent } from '../../../electron/engine/detect/ioc/load';
import { IocMatcher, type MatchableRow } from '../../../electron/engine/detect/ioc/matcher';

const empty: MatchableRow = { src_ip: null, dst_ip: null, domain: null, url: null, process_hash: null, file_hash: null };
const matcher = new IocMatcher([
  parseIndicatorContent(
    'feed.txt',
    [
      '198.51.100.23',
      '203.0.113.0/25',
      '2001:db8:bad::/48',
      'evil.example',
      'hxxp://shop-kobe[.]example/wp-content/x7/',
      'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855',
    ].join('\n'),
  ),
]);
const hit = (row: Partial<MatchableRow>) => matcher.match({ ...empty, ...row }).map((m) => `${m.field}:${m.indicator.value}`);

describe('IocMatcher', () => {
  it('matches addresses exactly and by CIDR, on either side', () => {
    expect(hit({ dst_ip: '198.51.100.23' })).toEqual(['dst_ip:198.51.100.23']);
    expect(hit({ src_ip: '203.0.113.127' })).toEqual(['src_ip:203.0.113.0/25']);
    expect(hit({ dst_ip: '203.0.113.128' })).toEqual([]);
    expect(hit({ dst_ip: '2001:DB8:BAD:1::5' })).toEqual(['dst_ip:2001:db8:bad::/48']);
    expect(hit({ dst_ip: '2001:db8:bae::5' })).toEqual([]);
  });
  it('matches a domain and its subdomains, in the domain field and in URL hosts, never a look-alike', () => {
    expect(hit({ domain: 'EVIL.example.' })).toEqual(['domain:evil.example']);
    expect(hit({ domain: 'cdn.evil.example' })).toEqual(['domain:evil.example']);
    expect(hit({ url: 'https://a.b.evil.example:8443/x' })).toEqual(['url:evil.example']);
    expect(hit({ domain: 'notevil.example' })).toEqual([]);
    expect(hit({ url: 'http://198.51.100.23:8080/gate.php' })).toEqual(['url:198.51.100.23']);
  });
  it('matches a URL exactly or as a prefix at a path or query boundary', () => {
    expect(hit({ url: 'http://SHOP-KOBE.example/wp-content/x7/' })).toEqual(['url:http://shop-kobe.example/wp-content/x7']);
    expect(hit({ url: 'http://shop-kobe.example:80/wp-content/x7/?id=3' })).toEqual(['url:http://shop-kobe.example/wp-content/x7']);
    expect(hit({ url: 'http://shop-kobe.example/wp-content/x7/payload.dll' })).toEqual(['url:http://shop-kobe.example/wp-content/x7']);
    expect(hit({ url: 'http://shop-kobe.example/wp-content/x70' })).toEqual([]);
    expect(hit({ url: 'http://shop-kobe.example/' })).toEqual([]);
  });
  it('matches hashes on process and file hash fields, any case', () => {
    expect(hit({ file_hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })).toEqual([
      'file_hash:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ]);
    expect(hit({ process_hash: 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855' })).toHaveLength(1);
  });
  it('reports one match per indicator even when several fields carry it', () => {
    expect(hit({ dst_ip: '198.51.100.23', domain: '198.51.100.23', url: 'http://198.51.100.23/' })).toEqual(['dst_ip:198.51.100.23']);
  });
});

describe('CIDR and internal addresses', () => {
  it('finds the most specific network', () => {
    const s = new CidrSet();
    s.add('10.0.0.0/8');
    s.add('10.20.30.0/24');
    expect(s.lookup('10.20.30.47')).toBe('10.20.30.0/24');
    expect(s.lookup('10.99.0.1')).toBe('10.0.0.0/8');
    expect(s.lookup('11.0.0.1')).toBeNull();
    expect(s.add('10.0.0.0/33')).toBe(false);
  });
  it('knows private, loopback, link-local and CGNAT ranges', () => {
    for (const ip of ['10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '127.0.0.1', '169.254.1.1', '100.64.0.1', 'fd00::1', 'fe80::1']) expect(isInternalIp(ip)).toBe(true);
    for (const ip of ['172.32.0.1', '8.8.8.8', '198.51.100.23', '2001:db8::1']) expect(isInternalIp(ip)).toBe(false);
  });
});
