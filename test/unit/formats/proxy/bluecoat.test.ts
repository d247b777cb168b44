import { describe, expect, it } from 'vitest';
import { blueCoatFormat, PROXYSG_MAIN_FIELDS, PROXYSG_REPORTER_V1_FIELDS } from '../../../../electron/engine/formats/proxy/bluecoat';
import { readSampleLines, textSample } from '../../helpers/samples';
import { FORMULA, JAPANESE, MB, SCRIPT, TOKYO, oneEvent, readFixtureLines, rejectOf, runLines } from './helpers';

const HEADER = ['#Software: SGOS 6.7.5.1', `#Fields: ${PROXYSG_MAIN_FIELDS.join(' ')}`];
/** A main-layout data line with some fields replaced (by ELFF name). */
function mainLine(over: Record<string, string> = {}): string {
  const base: Record<string, string> = {
    date: '2020-05-02', time: '02:10:01', 'time-taken': '35', 'c-ip': '10.1.2.3', 'cs-username': 'jdoe', 'cs-auth-group': '-',
    'x-exception-id': '-', 'sc-filter-result': 'OBSERVED', 'cs-categories': '"Technology/Internet"', 'cs(Referer)': '-',
    'sc-status': '200', 's-action': 'TCP_NC_MISS', 'cs-method': 'GET', 'rs(Content-Type)': 'text/html', 'cs-uri-scheme': 'http',
    'cs-host': 'www.example.com', 'cs-uri-port': '80', 'cs-uri-path': '/index.html', 'cs-uri-query': '-', 'cs-uri-extension': 'html',
    'cs(User-Agent)': '"Mozilla/5.0"', 's-ip': '192.0.2.254', 'sc-bytes': '5120', 'cs-bytes': '410', 'x-virus-id': '-',
    'x-bluecoat-application-name': '"none"', 'x-bluecoat-application-operation': '"none"',
  };
  return PROXYSG_MAIN_FIELDS.map((f) => over[f] ?? base[f]).join(' ');
}

describe('bluecoat: real sample (Sentinel SyslogMessage excerpt, no #Fields)', () => {
  const lines = readSampleLines('bluecoat_proxysg_elff', 'azsentinel_SymantecProxySG_syslogmessage_excerpt.log');

  it('parses all 9 lines with the documented main layout, 0 rejects', () => {
    const r = runLines(blueCoatFormat, lines);
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(9);
  });

  it('maps the first line field by field (double space, sanitised IPs kept as written)', () => {
    expect(runLines(blueCoatFormat, lines).events[0]).toEqual({
      ts: Date.parse('2020-05-02T02:16:40Z'),
      timeRaw: '2020-05-02 02:16:40',
      timeZone: 'UTC',
      category: 'web',
      action: 'CONNECT',
      src_ip: '172.188.21.165',
      url: 'xxx-xxxx-xxxx-xxxx.oms.opinsights.azure.com:443',
      domain: 'xxx-xxxx-xxxx-xxxx.oms.opinsights.azure.com',
      dst_port: 443,
      http_status: 200,
      bytes_in: 5414,
      bytes_out: 2416,
      duration_ms: 122207,
      extra: {
        'sc-filter-result': 'OBSERVED',
        'cs-categories': 'Technology/Internet',
        's-action': 'TCP_TUNNELED',
        's-ip': '172.88.888.2',
        'x-bluecoat-application-name': 'none',
        'x-bluecoat-application-operation': 'none',
        'cs-uri-scheme': 'tcp',
        field_28: '80',
        field_29: 'Ambiguous%20-%20Special%20Use',
        field_30: '2',
      },
    });
  });

  it('rebuilds a plain HTTP URL with a non-default port and keeps the quoted user agent', () => {
    const { events } = runLines(blueCoatFormat, lines);
    expect(events[3]).toMatchObject({
      url: 'http://download.windowsupdate.com/d/msdownload/update/software/defu/2020/05/am_delta_patch_1.313.2734.0_e38ac8744b0322bae706aa231908f7ca92197b7e.exe',
      http_status: 206,
      extra: { user_agent: 'Microsoft BITS/7.5', 'rs(Content-Type)': 'application/octet-stream' },
    });
    expect(events[5]).toMatchObject({ user: 'user76', duration_ms: 4393 });
    expect(events[5]!.extra?.user_agent).toMatch(/^Mozilla\/5\.0 \(Windows NT 6\.1 {2}Win64/);
    expect(events[6]).toMatchObject({ url: 'http://http-proxy.abcd.com:31415/accelerated_pac_base.pac', dst_port: 31415 });
    expect(events[6]!.http_status).toBeUndefined(); // sc-status 0: no response
  });

  it('ignores the file time zone (ELFF date/time are UTC)', () => {
    expect(runLines(blueCoatFormat, lines, { ...TOKYO, timezone: 'UTC' }).events).toEqual(runLines(blueCoatFormat, lines).events);
  });

  it('is sniffed as Blue Coat', () => {
    expect(blueCoatFormat.sniff(textSample('x.log', lines))).toBeGreaterThanOrEqual(0.9);
  });
});

describe('bluecoat: documented variants', () => {
  it('parses the #Fields fixture: 3 events, 0 rejects, query with its "?"', () => {
    const r = runLines(blueCoatFormat, readFixtureLines('bluecoat_elff_main.log'));
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(3);
    expect(r.events[0]).toMatchObject({ url: 'http://www.example.com/index.html?a=1', user: 'jdoe', extra: { 'cs-auth-group': 'CN=Users' } });
    expect(r.events[1]).toMatchObject({ http_status: 403, url: 'http://evil.example.net:8080/payload.exe', extra: { 'x-exception-id': 'policy_denied', 'sc-filter-result': 'DENIED' } });
  });

  it('parses the syslog fixture, keeping the syslog envelope in extra', () => {
    const r = runLines(blueCoatFormat, readFixtureLines('bluecoat_syslog.log'));
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(2);
    expect(r.events[0]).toMatchObject({ ts: Date.parse('2020-05-02T02:16:40Z'), src_ip: '10.1.2.5', extra: { syslog_host: 'proxysg01', syslog_app: 'bluecoat', syslog_time: 'May  2 02:16:40' } });
  });

  it('reads header-less lines of the later bcreportermain_v1 layout (supplier fields)', () => {
    const v: Record<string, string> = {};
    for (const f of PROXYSG_REPORTER_V1_FIELDS) v[f] = '-';
    Object.assign(v, { date: '2021-01-01', time: '00:00:00', 'time-taken': '5', 'c-ip': '10.0.0.9', 'sc-filter-result': 'PROXIED', 's-supplier-name': 'origin.example', 'cs-threat-risk': '7', 'cs-method': 'GET', 'cs-host': 'origin.example', 'cs-uri-scheme': 'https', 'cs-uri-port': '443', 'cs-uri-path': '/' });
    const e = oneEvent(blueCoatFormat, PROXYSG_REPORTER_V1_FIELDS.map((f) => v[f]).join(' '));
    expect(e).toMatchObject({ url: 'https://origin.example/', src_ip: '10.0.0.9', extra: { 's-supplier-name': 'origin.example', 'cs-threat-risk': '7' } });
  });

  it('takes r-ip as the destination, not the appliance s-ip', () => {
    const e = oneEvent(blueCoatFormat, '2020-05-02 02:10:01 10.1.2.3 GET http example.com 80 / 198.51.100.9 192.0.2.254 OBSERVED', [
      '#Fields: date time c-ip cs-method cs-uri-scheme cs-host cs-uri-port cs-uri-path r-ip s-ip sc-filter-result',
    ]);
    expect(e).toMatchObject({ dst_ip: '198.51.100.9', extra: { 's-ip': '192.0.2.254' } });
  });
});

describe('bluecoat: hostile and broken input', () => {
  it('rejects truncated lines', () => {
    expect(rejectOf(blueCoatFormat, mainLine().slice(0, 45), HEADER)).toMatch(/expected 27 fields/);
    expect(rejectOf(blueCoatFormat, mainLine({ 'cs(User-Agent)': '"Mozilla/5.0 (cut' }).split(' 192.0.2.254')[0]!, HEADER)).toMatch(/cut off/);
    expect(rejectOf(blueCoatFormat, '2020-05-02 02:16:40 122207 172.188.21.165 - - - OBSERVED')).toMatch(/no #Fields/);
  });

  it('passes formula, script, Japanese and "" quotes through unaltered', () => {
    const e = oneEvent(
      blueCoatFormat,
      mainLine({ 'cs-username': FORMULA.replaceAll(' ', ''), 'cs(User-Agent)': `"${SCRIPT} ""x"""`, 'cs-uri-path': `/${JAPANESE}`, 'cs-categories': `"${FORMULA}"` }),
      HEADER,
    );
    expect(e.user).toBe(FORMULA.replaceAll(' ', ''));
    expect(e.url).toBe(`http://www.example.com/${JAPANESE}`);
    expect(e.extra).toMatchObject({ user_agent: `${SCRIPT} "x"`, 'cs-categories': FORMULA });
  });

  it('parses a 1 MB path without loss', () => {
    const path = `/${'F'.repeat(MB)}`;
    expect(oneEvent(blueCoatFormat, mainLine({ 'cs-uri-path': path }), HEADER).url).toBe(`http://www.example.com${path}`);
  });

  it('refuses Squid, IIS, Windows Firewall and NCSA lines', () => {
    const no = (lines: string[]) => expect(blueCoatFormat.sniff(textSample('x', lines))).toBe(0);
    no(readSampleLines('squid_native', 'logscale_squid_access.log'));
    no(readSampleLines('winfw_pfirewall', 'plaso_windows_firewall.log'));
    no(readFixtureLines('iis_w3c.log'));
    no(readFixtureLines('ncsa_combined.log'));
  });

  it('parses 100k synthetic header-less lines without a reject', () => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) lines.push(mainLine({ time: `02:${String(i % 60).padStart(2, '0')}:00`, 'cs-uri-path': `/p/${i}`, 'sc-bytes': String(i) }));
    const r = runLines(blueCoatFormat, lines);
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(100_000);
    expect(r.events[99_999]!.bytes_in).toBe(99_999);
  });
});
