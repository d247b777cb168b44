import { describe, expect, it } from 'vitest';
import { iisFormat } from '../../../../electron/engine/formats/proxy/iis';
import { readSampleLines, textSample } from '../../helpers/samples';
import { FORMULA, JAPANESE, MB, SCRIPT, TOKYO, oneEvent, readFixtureLines, rejectOf, runLines } from './helpers';

const HEADER = [
  '#Software: Microsoft Internet Information Services 10.0',
  '#Version: 1.0',
  '#Date: 2019-03-01 00:00:00',
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
];
const one = (line: string, header: readonly string[] = HEADER) => oneEvent(iisFormat, line, header);

describe('iis: fixture from the Microsoft W3C logging documentation', () => {
  const lines = readFixtureLines('iis_w3c.log');

  it('parses iis_w3c.log: 6 events, 0 rejects, 8 directive lines skipped', () => {
    const r = runLines(iisFormat, lines);
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(6);
    expect(r.skips).toBe(8);
  });

  it('maps the first line field by field', () => {
    expect(runLines(iisFormat, lines).events[0]).toEqual({
      ts: Date.parse('2019-03-01T00:00:05.000Z'),
      timeRaw: '2019-03-01 00:00:05',
      timeZone: 'UTC',
      category: 'web',
      action: 'GET',
      url: '/default.htm',
      src_ip: '192.0.2.15',
      dst_ip: '10.0.0.4',
      dst_port: 80,
      http_status: 200,
      duration_ms: 15,
      extra: { user_agent: 'Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)', 'sc-substatus': '0', 'sc-win32-status': '0' },
    });
  });

  it('joins stem and query, keeps a domain user', () => {
    const { events } = runLines(iisFormat, lines);
    expect(events[2]).toMatchObject({ action: 'POST', user: 'CONTOSO\\jdoe', http_status: 302, dst_port: 443 });
    expect(events[3]!.url).toBe('/aspnet_client/system_web/shell.aspx?cmd=whoami');
    expect(events[1]!.extra?.referrer).toBe('http://www.contoso.com/default.htm');
  });

  it('honours a #Fields change mid-file', () => {
    const e = runLines(iisFormat, lines).events[4]!;
    expect(e).toMatchObject({ domain: 'www.contoso.com', bytes_in: 924, bytes_out: 412, duration_ms: 16, src_ip: '192.0.2.15' });
    expect(e.extra).toMatchObject({ 's-sitename': 'W3SVC1', 's-computername': 'WEB01', 'cs-version': 'HTTP/1.1' });
  });

  it('is sniffed as IIS', () => {
    expect(iisFormat.sniff(textSample('u_ex190301.log', lines))).toBeGreaterThanOrEqual(0.9);
  });
});

describe('iis: time', () => {
  it('reads date and time as UTC whatever the file zone, with milliseconds', () => {
    const line = '2019-03-01 23:59:59.250 10.0.0.4 GET / - 80 - 192.0.2.1 - - 200 0 0 1';
    const e = one(line);
    expect(e.ts).toBe(Date.parse('2019-03-01T23:59:59.250Z'));
    expect(e.timeZone).toBe('UTC');
    expect(oneEvent(iisFormat, line, HEADER, { ...TOKYO, timezone: 'UTC' })).toEqual(e);
  });

  it('takes the date from #Date when the fields have time only', () => {
    const e = one('13:00:01 192.0.2.1 GET /x 200', ['#Date: 2019-03-02 12:00:00', '#Fields: time c-ip cs-method cs-uri-stem sc-status']);
    expect(e.ts).toBe(Date.parse('2019-03-02T13:00:01Z'));
  });

  it('rejects impossible dates', () => {
    expect(rejectOf(iisFormat, '2019-02-29 00:00:00 10.0.0.4 GET / - 80 - 192.0.2.1 - - 200 0 0 1', HEADER)).toMatch(/bad date/);
  });
});

describe('iis: hostile and broken input', () => {
  it('rejects a truncated line', () => {
    expect(rejectOf(iisFormat, '2019-03-01 00:00:05 10.0.0.4 GET /default.htm - 80', HEADER)).toMatch(/expected 15 fields.*found 7/);
  });

  it('reads header-less lines with the IIS default field list', () => {
    const e = oneEvent(iisFormat, '2019-03-01 00:00:05 10.0.0.4 GET /a - 80 - 192.0.2.1 - - 200 0 0 1', []);
    expect(e).toMatchObject({ url: '/a', src_ip: '192.0.2.1', http_status: 200 });
  });

  it('parses a 1 MB query without loss', () => {
    const q = 'a'.repeat(MB);
    expect(one(`2019-03-01 00:00:05 10.0.0.4 GET /x ${q} 80 - 192.0.2.1 - - 414 0 0 1`).url).toBe(`/x?${q}`);
  });

  it('passes formula, script and Japanese text through unaltered', () => {
    const e = one(`2019-03-01 00:00:05 10.0.0.4 GET /${JAPANESE} ${SCRIPT.replaceAll(' ', '+')} 80 ${FORMULA.replaceAll(' ', '+')} 192.0.2.1 ${SCRIPT} - 200 0 0 1`);
    expect(e.url).toBe(`/${JAPANESE}?${SCRIPT}`);
    expect(e.user).toBe("=cmd|'+/C+calc'!A0");
    expect(e.extra?.user_agent).toBe(SCRIPT);
  });

  it('keeps a field named __proto__ as data', () => {
    const e = one('2019-03-01 00:00:05 x', ['#Fields: date time __proto__']);
    expect(Object.keys(e.extra!)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(e.extra)).toBe(Object.prototype);
  });
});

describe('iis: sniff', () => {
  it('refuses Windows Firewall, Zeek and header-less text', () => {
    const no = (lines: string[]) => expect(iisFormat.sniff(textSample('x', lines))).toBe(0);
    no(readSampleLines('winfw_pfirewall', 'plaso_windows_firewall.log'));
    no(readSampleLines('zeek_tsv', 'otrf_lsass05_http.log'));
    no(['2019-03-01 00:00:05 10.0.0.4 GET /a - 80 - 192.0.2.1 - - 200 0 0 1']);
    no(['#Software: SGOS 6.7', '#Fields: date time c-ip cs-uri-stem', '2019-03-01 00:00:05 10.0.0.1 /']);
  });
});

describe('iis: generated input', () => {
  it('parses 100k synthetic lines without a reject', () => {
    const lines = [...HEADER];
    for (let i = 0; i < 100_000; i++) {
      lines.push(`2019-03-01 ${String(i % 24).padStart(2, '0')}:00:00 10.0.0.4 GET /p/${i} q=${i} 443 - 192.0.2.${i % 250} Mozilla/5.0 - 200 0 0 ${i}`);
    }
    const r = runLines(iisFormat, lines);
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(100_000);
    expect(r.events[99_999]).toMatchObject({ url: '/p/99999?q=99999', duration_ms: 99_999 });
  });
});
