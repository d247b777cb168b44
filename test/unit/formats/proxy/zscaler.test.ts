import { describe, expect, it } from 'vitest';
import { NSS_WEB_DEFAULT_FIELDS, zscalerNssWebFormat } from '../../../../electron/engine/formats/proxy/zscaler';
import { readSampleLines, textSample } from '../../helpers/samples';
import { FORMULA, JAPANESE, MB, SCRIPT, TOKYO, oneEvent, readFixtureLines, rejectOf, runLines } from './helpers';

const UTC = { ...TOKYO, timezone: 'UTC' };

function line(over: Record<string, string> = {}): string {
  const base = readFixtureLines('zscaler_nss_web.csv')[1]!.slice(1, -1).split('","');
  return NSS_WEB_DEFAULT_FIELDS.map((f, i) => `"${(over[f] ?? base[i]!).replaceAll('"', '""')}"`).join(',');
}

describe('zscaler: fixture from the documented default web feed format', () => {
  const lines = readFixtureLines('zscaler_nss_web.csv');

  it('parses zscaler_nss_web.csv: 3 events, 0 rejects', () => {
    const r = runLines(zscalerNssWebFormat, lines, UTC);
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(3);
  });

  it('maps the documentation example field by field', () => {
    expect(runLines(zscalerNssWebFormat, lines, UTC).events[0]).toEqual({
      ts: Date.parse('2022-06-20T15:29:11Z'),
      timeRaw: 'Mon Jun 20 15:29:11 2022',
      timeZone: 'UTC (assumed)',
      category: 'web',
      action: 'GET',
      user: 'new-gre',
      src_ip: '172.17.3.49',
      dst_ip: '66.211.175.229',
      url: 'ebay.com/',
      domain: 'ebay.com',
      http_status: 403,
      bytes_in: 14061,
      bytes_out: 72,
      extra: {
        user_agent: 'curl/7.68.0',
        proto: 'HTTP',
        action: 'Blocked',
        appname: 'Ebay',
        appclass: 'Consumer Apps',
        stime: '0',
        ctime: '0',
        urlclass: 'Productivity Loss',
        urlsupercat: 'Shopping and Auctions',
        urlcat: 'Online Shopping',
        riskscore: '0',
        location: 'new-gre',
        dept: 'Default Department',
        ruletype: 'FwFilter',
        rulelabel: 'Firewall_1',
        contenttype: 'Other',
      },
    });
  });

  it('maps tunnels, device host names, threats and referrers', () => {
    const { events } = runLines(zscalerNssWebFormat, lines, UTC);
    expect(events[1]).toMatchObject({ action: 'CONNECT', domain: 'login.example.net', dst_port: 443, host: 'WKS-0042', user: 'jdoe@example.com' });
    expect(events[2]!.extra).toMatchObject({ threatname: 'W97M/Downloader', malwarecat: 'Virus', referrer: 'https://mail.example.com/' });
  });

  it('is sniffed as Zscaler NSS', () => {
    expect(zscalerNssWebFormat.sniff(textSample('nss.csv', lines))).toBeGreaterThanOrEqual(0.9);
  });
});

describe('zscaler: time', () => {
  it('reads the zone-less time in the file zone (assumed)', () => {
    const e = oneEvent(zscalerNssWebFormat, line({ time: 'Wed Jan  1 09:00:00 2025' }));
    expect(e.ts).toBe(Date.parse('2025-01-01T00:00:00Z'));
    expect(e.timeZone).toBe('Asia/Tokyo (assumed)');
  });

  it('rejects impossible or malformed times', () => {
    expect(rejectOf(zscalerNssWebFormat, line({ time: 'Thu Feb 30 09:00:00 2025' }))).toMatch(/bad time/);
    expect(rejectOf(zscalerNssWebFormat, line({ time: '2025-01-01 09:00:00' }))).toMatch(/bad time/);
  });
});

describe('zscaler: hostile and broken input', () => {
  it('rejects truncated lines', () => {
    const full = line();
    expect(rejectOf(zscalerNssWebFormat, full.slice(0, full.indexOf('"Finance"')))).toMatch(/expected 34 fields/);
    expect(rejectOf(zscalerNssWebFormat, full.slice(0, full.indexOf('"Finance"') + 4))).toMatch(/cut off/);
  });

  it('passes formula, script, quotes, Japanese and 1 MB values through unaltered', () => {
    const big = `/${'G'.repeat(MB)}`;
    const e = oneEvent(zscalerNssWebFormat, line({ login: FORMULA, ua: `${SCRIPT} "q"`, dept: JAPANESE, eurl: `x.example${big}` }));
    expect(e.user).toBe(FORMULA);
    expect(e.url).toBe(`x.example${big}`);
    expect(e.extra).toMatchObject({ user_agent: `${SCRIPT} "q"`, dept: JAPANESE });
  });

  it('keeps fields appended after the default ones', () => {
    expect(oneEvent(zscalerNssWebFormat, `${line()},"extra1"`).extra?.field_35).toBe('extra1');
  });

  it('refuses other CSV and proxy formats', () => {
    const no = (lines: string[]) => expect(zscalerNssWebFormat.sniff(textSample('x', lines))).toBe(0);
    no(readSampleLines('timesketch_csv', 'timesketch_evtx_direct.csv'));
    no(readSampleLines('plaso_l2tcsv', 'plaso_end_to_end_l2tcsv.csv'));
    no(readSampleLines('squid_native', 'logscale_squid_access.log'));
    no(readFixtureLines('ncsa_combined.log'));
  });

  it('parses 100k synthetic lines without a reject', () => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) lines.push(line({ eurl: `h${i}.example/p`, respsize: String(i), time: `Mon Jun 20 ${String(i % 24).padStart(2, '0')}:29:14 2022` }));
    const r = runLines(zscalerNssWebFormat, lines);
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(100_000);
    expect(r.events[99_999]).toMatchObject({ domain: 'h99999.example', bytes_in: 99_999 });
  });
});
