import { describe, expect, it } from 'vitest';
import { plasoJsonLineFormat, microsToMs } from '../../../../electron/engine/formats/proxy/plaso-json-line';
import { L2TCSV_HEADER, plasoL2tCsvFormat } from '../../../../electron/engine/formats/proxy/plaso-l2tcsv';
import { timelineCategory } from '../../../../electron/engine/formats/proxy/timeline';
import { readSampleLines, textSample } from '../../helpers/samples';
import { FORMULA, JAPANESE, MB, SCRIPT, TOKYO, oneEvent, rejectOf, runLines } from './helpers';

const l2t = (cells: Partial<Record<string, string>>): string => {
  const base: Record<string, string> = {
    date: '01/22/2012', time: '07:52:33', timezone: 'UTC', MACB: 'M...', source: 'LOG', sourcetype: 'Log File',
    type: 'Content Modification Time', user: '-', host: 'h', short: 's', desc: 'd', version: '2',
    filename: 'OS:/var/log/x', inode: '-', notes: '-', format: 'text/syslog_traditional', extra: '-',
  };
  return L2TCSV_HEADER.split(',').map((k) => cells[k] ?? base[k]).join(',');
};

describe('plaso l2tcsv: real samples', () => {
  const utc = readSampleLines('plaso_l2tcsv', 'plaso_end_to_end_l2tcsv.csv');
  const cet = readSampleLines('plaso_l2tcsv', 'plaso_end_to_end_l2tcsv_time_zone.csv');

  it('parses plaso_end_to_end_l2tcsv.csv: 19 events, 0 rejects, the header skipped', () => {
    const r = runLines(plasoL2tCsvFormat, utc);
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(19);
    expect(r.skips).toBe(1);
  });

  it('maps the first record field by field (non-ASCII kept)', () => {
    expect(runLines(plasoL2tCsvFormat, utc).events[0]).toEqual({
      ts: Date.parse('2012-01-22T07:52:33Z'),
      timeRaw: '01/22/2012 07:52:33 UTC',
      timeZone: 'UTC',
      category: 'other',
      action: 'Content Modification Time',
      host: 'myhostname.myhost.com',
      message: '[client  pid: 30840] INFO No new content in ímynd.dd.',
      extra: {
        MACB: 'M...',
        source: 'LOG',
        sourcetype: 'Log File',
        version: '2',
        filename: 'OS:/tmp/test/test_data/syslog/syslog',
        format: 'text/syslog_traditional',
        extra: 'sha256_hash: 1f0105612f6ad2d225d6bd9ba631148740e312598878adcd2b74098a3dab50c4',
      },
    });
  });

  it('maps a filestat row to a file event', () => {
    const e = runLines(plasoL2tCsvFormat, utc).events[16]!;
    expect(e).toMatchObject({ category: 'file', file_path: '/tmp/test/test_data/syslog/syslog', action: 'Content Modification Time; Metadata Modification Time' });
    expect(e.extra).toMatchObject({ MACB: 'M.C.', inode: '351025', format: 'filestat' });
  });

  it('parses the CET-rendered sample to the same instants (CET and CEST columns)', () => {
    const a = runLines(plasoL2tCsvFormat, utc);
    const b = runLines(plasoL2tCsvFormat, cet);
    expect(b.rejects).toEqual([]);
    expect(b.events).toHaveLength(19);
    expect(b.events.map((e) => e.ts)).toEqual(a.events.map((e) => e.ts));
    expect(b.events[0]!.timeZone).toBe('+01:00 (CET)');
    expect(b.events[16]!.timeZone).toBe('+02:00 (CEST)');
    expect(b.events[16]!.timeRaw).toBe('07/02/2026 19:47:57 CEST');
  });

  it('is sniffed as l2tcsv', () => {
    expect(plasoL2tCsvFormat.sniff(textSample('x.csv', utc))).toBeGreaterThanOrEqual(0.9);
    expect(plasoL2tCsvFormat.sniff(textSample('x.csv', cet))).toBeGreaterThanOrEqual(0.9);
  });
});

describe('plaso l2tcsv: time', () => {
  const header = [L2TCSV_HEADER];
  it('converts IANA zone names with their rules', () => {
    expect(oneEvent(plasoL2tCsvFormat, l2t({ date: '07/01/2020', time: '12:00:00', timezone: 'Asia/Tokyo' }), header).ts).toBe(Date.parse('2020-07-01T03:00:00Z'));
    expect(oneEvent(plasoL2tCsvFormat, l2t({ date: '07/01/2020', time: '12:00:00', timezone: 'America/New_York' }), header).ts).toBe(Date.parse('2020-07-01T16:00:00Z'));
  });

  it('takes the file zone (assumed) for an ambiguous abbreviation', () => {
    const e = oneEvent(plasoL2tCsvFormat, l2t({ date: '07/01/2020', time: '12:00:00', timezone: 'CST' }), header);
    expect(e.ts).toBe(Date.parse('2020-07-01T03:00:00Z'));
    expect(e.timeZone).toMatch(/^Asia\/Tokyo \(assumed/);
  });

  it('keeps plaso "no date" rows at ts 0 and rejects impossible dates', () => {
    expect(oneEvent(plasoL2tCsvFormat, l2t({ date: '00/00/0000', time: '--:--:--' }), header).ts).toBe(0);
    expect(rejectOf(plasoL2tCsvFormat, l2t({ date: '02/30/2012' }), header)).toMatch(/impossible/);
    expect(rejectOf(plasoL2tCsvFormat, l2t({ date: '2012-01-22' }), header)).toMatch(/MM\/DD\/YYYY/);
  });
});

describe('plaso l2tcsv: hostile input', () => {
  it('rejects a truncated record', () => {
    expect(rejectOf(plasoL2tCsvFormat, '01/22/2012,07:52:33,UTC,M...,LOG')).toMatch(/expected 17/);
  });

  it('keeps literal quotes, formulas, scripts, Japanese text and 1 MB values', () => {
    const big = 'B'.repeat(MB);
    const e = oneEvent(plasoL2tCsvFormat, l2t({ desc: `"${FORMULA} ${SCRIPT}`, user: JAPANESE, short: big }));
    expect(e.message).toBe(`"${FORMULA} ${SCRIPT}`);
    expect(e.user).toBe(JAPANESE);
    expect(e.extra?.short).toBe(big);
  });

  it('reads a quoted (RFC 4180) record when the plain split does not give 17 fields', () => {
    const e = oneEvent(plasoL2tCsvFormat, l2t({ desc: '"a, b"' }));
    expect(e.message).toBe('a, b');
  });
});

describe('plaso l2tcsv: generated input', () => {
  it('parses 100k synthetic rows without a reject', () => {
    const lines = [L2TCSV_HEADER];
    for (let i = 0; i < 100_000; i++) lines.push(l2t({ time: `0${i % 10}:00:00`, desc: `event ${i}`, timezone: i % 2 ? 'UTC' : 'CET' }));
    const r = runLines(plasoL2tCsvFormat, lines);
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(100_000);
  });
});

describe('plaso json_line: real sample', () => {
  const lines = readSampleLines('plaso_json_line', 'plaso_end_to_end_json_line.jsonl');

  it('parses plaso_end_to_end_json_line.jsonl: 20 events, 0 rejects', () => {
    const r = runLines(plasoJsonLineFormat, lines);
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(20);
  });

  it('maps the cron record field by field', () => {
    const e = runLines(plasoJsonLineFormat, lines).events[2]!;
    expect(e).toEqual({
      ts: Date.parse('2012-01-22T07:53:01Z'),
      timeRaw: '1327218781000000',
      timeZone: 'UTC',
      category: 'process',
      action: 'Content Modification Time',
      host: 'myhostname.myhost.com',
      user: 'root',
      message: 'Cron ran: touch /var/run/crond.somecheck for user: root pid: 31051',
      process_pid: 31051,
      process_command_line: 'touch /var/run/crond.somecheck',
      extra: {
        data_type: 'syslog:cron:task_run',
        parser: 'text/syslog_traditional',
        display_name: 'OS:/tmp/test/test_data/syslog/syslog',
        message_body: '(root) CMD (touch /var/run/crond.somecheck)',
        pathspec: { __type__: 'PathSpec', location: '/tmp/test/test_data/syslog/syslog', type_indicator: 'OS' },
        reporter: 'CRON',
        sha256_hash: '1f0105612f6ad2d225d6bd9ba631148740e312598878adcd2b74098a3dab50c4',
      },
    });
  });

  it('maps fs:stat to file events with path and hash, truncating microseconds', () => {
    const e = runLines(plasoJsonLineFormat, lines).events[19]!;
    expect(e).toMatchObject({
      category: 'file',
      file_path: '/tmp/test/test_data/syslog/syslog',
      file_hash: '1f0105612f6ad2d225d6bd9ba631148740e312598878adcd2b74098a3dab50c4',
      action: 'Last Access Time',
      ts: 1783014480586,
    });
  });

  it('ignores the file time zone', () => {
    expect(runLines(plasoJsonLineFormat, lines, { ...TOKYO, timezone: 'UTC' }).events).toEqual(runLines(plasoJsonLineFormat, lines).events);
  });

  it('is sniffed as plaso json_line', () => {
    expect(plasoJsonLineFormat.sniff(textSample('x.jsonl', lines))).toBeGreaterThanOrEqual(0.9);
  });
});

describe('plaso json_line: time and hostile input', () => {
  const rec = (o: Record<string, unknown>) =>
    JSON.stringify({ __container_type__: 'event', data_type: 'x:y', parser: 'p', timestamp: 1327218781123456, timestamp_desc: 'Written', ...o });

  it('reads µs as UTC, before 1970 too, and huge integers exactly', () => {
    expect(microsToMs(1327218781123456)).toBe(1327218781123);
    expect(microsToMs(-1500)).toBe(-2);
    expect(microsToMs('-1500')).toBe(-2);
    expect(microsToMs('12345678901234567890')).toBeNaN();
    expect(microsToMs(1.5)).toBeNaN();
  });

  it('rejects truncated lines and records without a timestamp', () => {
    expect(rejectOf(plasoJsonLineFormat, rec({}).slice(0, 40))).toMatch(/not JSON/);
    expect(rejectOf(plasoJsonLineFormat, rec({ timestamp: 'soon' }))).toMatch(/timestamp/);
    expect(rejectOf(plasoJsonLineFormat, '[1,2]')).toMatch(/object/);
  });

  it('passes formulas, scripts, Japanese text, __proto__ keys and 1 MB values through', () => {
    const big = 'C'.repeat(MB);
    const line = rec({ message: `${FORMULA}${SCRIPT}`, filename: JAPANESE, big }).replace('{', '{"__proto__":{"x":1},');
    const e = oneEvent(plasoJsonLineFormat, line);
    expect(e.message).toBe(`${FORMULA}${SCRIPT}`);
    expect(e.extra?.filename).toBe(JAPANESE);
    expect(e.extra?.big).toBe(big);
    expect(Object.keys(e.extra!)).toContain('__proto__');
  });

  it('maps categories by data type where obvious', () => {
    expect(timelineCategory('windows:evtx:record', 'winevtx')).toBe('other');
    expect(timelineCategory('windows:registry:key_value', 'winreg')).toBe('registry');
    expect(timelineCategory('chrome:history:page_visited', undefined)).toBe('web');
    expect(timelineCategory(undefined, 'winreg/windows_run')).toBe('registry');
    expect(timelineCategory(undefined, 'nope')).toBe('other');
  });

  it('refuses Timesketch JSONL, other JSON and l2tcsv', () => {
    const no = (lines: string[]) => expect(plasoJsonLineFormat.sniff(textSample('x', lines))).toBe(0);
    no(readSampleLines('timesketch_jsonl', 'timesketch_sigma_events.jsonl'));
    no(readSampleLines('plaso_l2tcsv', 'plaso_end_to_end_l2tcsv.csv'));
    no(['{"ts":1588205201.123,"uid":"C1"}']);
  });

  it('parses 100k synthetic lines without a reject', () => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) lines.push(rec({ timestamp: 1327218781000000 + i, message: `m${i}` }));
    const r = runLines(plasoJsonLineFormat, lines);
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(100_000);
  });
});
