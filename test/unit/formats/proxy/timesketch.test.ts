import { describe, expect, it } from 'vitest';
import { timesketchCsvFormat } from '../../../../electron/engine/formats/proxy/timesketch-csv';
import { timesketchJsonlFormat } from '../../../../electron/engine/formats/proxy/timesketch-jsonl';
import { readSampleLines, textSample } from '../../helpers/samples';
import { FORMULA, JAPANESE, MB, SCRIPT, TOKYO, oneEvent, rejectOf, runLines } from './helpers';

const CSV_HEADER = 'message,datetime,timestamp_desc,timestamp,hostname,username,data_type';

describe('timesketch csv: real samples', () => {
  const part = readSampleLines('timesketch_csv', 'timesketch_evtx_part.csv');
  const direct = readSampleLines('timesketch_csv', 'timesketch_evtx_direct.csv');

  it('parses timesketch_evtx_part.csv: 13 events over 316 physical lines, 0 rejects', () => {
    expect(part).toHaveLength(316);
    const r = runLines(timesketchCsvFormat, part);
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(13);
  });

  it('maps the first record field by field (multi-line xml_string kept whole)', () => {
    const e = runLines(timesketchCsvFormat, part).events[0]!;
    expect(e).toMatchObject({
      ts: Date.parse('2012-03-14T04:17:38.276Z'),
      timeRaw: '2012-03-14 04:17:38.276340+00:00',
      timeZone: 'UTC',
      category: 'other',
      action: 'Content Modification Time',
      host: 'WKS-WIN764BITB.shieldbase.local',
      message: expect.stringMatching(/^\[7036 \/ 0x1b7c\] Source Name: Service Control Manager .* Event Level: 4$/) as unknown,
    });
    expect(e.extra).toMatchObject({
      __ts_timeline_id: '35',
      data_type: 'windows:evtx:record',
      parser: 'winevtx',
      event_identifier: '7036',
      record_number: '12050',
      source_name: 'Service Control Manager',
      timestamp: '1331698658276340',
      path_spec: '{"__type__": "PathSpec", "location": "/root/System.evtx", "type_indicator": "OS"}',
    });
    const xml = e.extra?.xml_string as string;
    expect(xml.startsWith('<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">\n  <System>')).toBe(true);
    expect(xml.endsWith('</Event>\n')).toBe(true);
  });

  it('parses timesketch_evtx_direct.csv: 13 events, 0 rejects', () => {
    const r = runLines(timesketchCsvFormat, direct);
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(13);
    expect(r.events[1]).toMatchObject({ action: 'Creation Time', host: 'WKS-WIN764BITB.shieldbase.local' });
  });

  it('is sniffed as Timesketch CSV', () => {
    expect(timesketchCsvFormat.sniff(textSample('x.csv', part))).toBeGreaterThanOrEqual(0.9);
    expect(timesketchCsvFormat.sniff(textSample('x.csv', direct))).toBeGreaterThanOrEqual(0.9);
  });
});

describe('timesketch csv: time', () => {
  it('takes the file zone for a zone-less datetime and keeps stated offsets', () => {
    const local = oneEvent(timesketchCsvFormat, 'm,2020-07-01 12:00:00,Written,,,,', [CSV_HEADER]);
    expect(local.ts).toBe(Date.parse('2020-07-01T03:00:00Z'));
    expect(local.timeZone).toBe('Asia/Tokyo (assumed)');
    const stated = oneEvent(timesketchCsvFormat, 'm,2020-07-01T12:00:00.5+02:00,Written,,,,', [CSV_HEADER]);
    expect(stated).toMatchObject({ ts: Date.parse('2020-07-01T10:00:00.500Z'), timeZone: '+02:00' });
  });

  it('falls back to timestamp (µs, UTC) only without a readable datetime', () => {
    const e = oneEvent(timesketchCsvFormat, 'm,,Written,1331698658276340,,,', [CSV_HEADER]);
    expect(e).toMatchObject({ ts: 1331698658276, timeZone: 'UTC', timeRaw: '1331698658276340' });
    expect(rejectOf(timesketchCsvFormat, 'm,yesterday,Written,,,,', [CSV_HEADER])).toMatch(/unreadable datetime/);
  });
});

describe('timesketch csv: hostile input', () => {
  it('rejects a truncated record and a header without the required columns', () => {
    expect(rejectOf(timesketchCsvFormat, 'm,2020-07-01 12:00:00', [CSV_HEADER])).toMatch(/expected 7 fields/);
    expect(runLines(timesketchCsvFormat, ['a,b,c', '1,2,3']).rejects[0]).toMatch(/lacks Timesketch column/);
  });

  it('keeps formulas, scripts, Japanese text and 1 MB quoted values with newlines', () => {
    const big = `x\n${'D'.repeat(MB)}`;
    const line = `"${FORMULA}",2020-07-01T00:00:00Z,"${SCRIPT}",,${JAPANESE},"a ""b""","${big}"`;
    const r = runLines(timesketchCsvFormat, [CSV_HEADER, ...line.split('\n')]);
    expect(r.rejects).toEqual([]);
    expect(r.events[0]).toMatchObject({ message: FORMULA, action: SCRIPT, host: JAPANESE, user: 'a "b"' });
    expect(r.events[0]!.extra?.data_type).toBe(big);
  });

  it('parses 100k synthetic rows without a reject', () => {
    const lines = [CSV_HEADER];
    for (let i = 0; i < 100_000; i++) lines.push(`"event ${i}, with comma",2020-07-01T00:00:${String(i % 60).padStart(2, '0')}Z,Written,,h${i},u,x:y`);
    const r = runLines(timesketchCsvFormat, lines);
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(100_000);
  });
});

describe('timesketch jsonl: real sample', () => {
  const lines = readSampleLines('timesketch_jsonl', 'timesketch_sigma_events.jsonl');

  it('parses timesketch_sigma_events.jsonl: 4 events, 0 rejects, datetime over the placeholder timestamp', () => {
    const r = runLines(timesketchJsonlFormat, lines);
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(4);
    expect(r.events.map((e) => new Date(e.ts).toISOString())).toEqual([
      '2015-07-24T19:01:01.000Z',
      '2015-07-24T19:01:02.000Z',
      '2015-07-24T19:01:03.000Z',
      '2015-07-24T19:01:03.000Z',
    ]);
  });

  it('maps the apt record field by field', () => {
    expect(runLines(timesketchJsonlFormat, lines).events[3]).toEqual({
      ts: Date.parse('2015-07-24T19:01:03Z'),
      timeRaw: '2015-07-24T19:01:03+00:00',
      timeZone: 'UTC',
      category: 'other',
      action: 'foo',
      message: 'Install: zmap:amd64 (1.1.0-1) [Commandline: apt-get install zmap]',
      process_command_line: 'Commandline: apt-get install zmap',
      extra: {
        data_type: 'apt:history:line',
        parser: 'apt_history',
        timestamp: 123456791,
        display_name: 'GZIP:/var/log/apt/history.log.1.gz',
        filename: '/var/log/apt/history.log.1.gz',
        packages: 'Install: zmap:amd64 (1.1.0-1)',
      },
    });
  });

  it('is sniffed as Timesketch JSONL, and plaso json_line is not', () => {
    expect(timesketchJsonlFormat.sniff(textSample('x.jsonl', lines))).toBeGreaterThanOrEqual(0.9);
    expect(timesketchJsonlFormat.sniff(textSample('x', readSampleLines('plaso_json_line', 'plaso_end_to_end_json_line.jsonl')))).toBe(0);
  });
});

describe('timesketch jsonl: time and hostile input', () => {
  const rec = (o: Record<string, unknown>) => JSON.stringify({ message: 'm', datetime: '2020-07-01T12:00:00', timestamp_desc: 'Written', ...o });

  it('reads a zone-less datetime in the file zone, an offset as stated, a lone timestamp as UTC', () => {
    expect(oneEvent(timesketchJsonlFormat, rec({})).ts).toBe(Date.parse('2020-07-01T03:00:00Z'));
    expect(oneEvent(timesketchJsonlFormat, rec({}), [], { ...TOKYO, timezone: 'UTC' }).ts).toBe(Date.parse('2020-07-01T12:00:00Z'));
    expect(oneEvent(timesketchJsonlFormat, rec({ datetime: '2020-07-01T12:00:00-05:00' })).timeZone).toBe('-05:00');
    expect(oneEvent(timesketchJsonlFormat, rec({ datetime: undefined, timestamp: 1593604800000000 })).ts).toBe(Date.parse('2020-07-01T12:00:00Z'));
  });

  it('rejects truncated lines and records without any time', () => {
    expect(rejectOf(timesketchJsonlFormat, rec({}).slice(0, 30))).toMatch(/not JSON/);
    expect(rejectOf(timesketchJsonlFormat, '{"message":"m","timestamp_desc":"x"}')).toMatch(/no datetime/);
  });

  it('keeps formulas, scripts, Japanese text and 1 MB values', () => {
    const big = 'E'.repeat(MB);
    const e = oneEvent(timesketchJsonlFormat, rec({ message: FORMULA, username: JAPANESE, tag: SCRIPT, big }));
    expect(e).toMatchObject({ message: FORMULA, user: JAPANESE });
    expect(e.extra).toMatchObject({ tag: SCRIPT, big });
  });

  it('parses 100k synthetic lines without a reject', () => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) lines.push(rec({ message: `m${i}`, datetime: `2020-07-01T00:00:${String(i % 60).padStart(2, '0')}+00:00` }));
    const r = runLines(timesketchJsonlFormat, lines);
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(100_000);
  });
});
