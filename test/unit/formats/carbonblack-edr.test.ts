import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { carbonBlackEdrFormat, messageType } from '../../../electron/engine/formats/carbonblack-edr';
import type { ParsedEvent } from '../../../electron/engine/formats/types';
import { readSampleLines, repoRoot, textSample } from '../helpers/samples';

const ctx = { fileName: 'cb.jsonl', timezone: 'Asia/Tokyo', baseYear: 2024 };
const DIR = 'carbonblack_edr_json';

function parseAll(lines: string[]): { events: ParsedEvent[]; rejects: string[] } {
  const parser = carbonBlackEdrFormat.createParser(ctx);
  const events: ParsedEvent[] = [];
  const rejects: string[] = [];
  lines.forEach((l, i) => {
    const o = parser.parseLine(l, i + 1);
    if (o.kind === 'events') events.push(...o.events);
    else if (o.kind === 'reject') rejects.push(`line ${i + 1}: ${o.reason}`);
  });
  return { events, rejects };
}

function events(line: string): ParsedEvent[] {
  const out = carbonBlackEdrFormat.createParser(ctx).parseLine(line, 1);
  if (out.kind !== 'events') throw new Error(`expected events, got ${JSON.stringify(out)}`);
  return out.events;
}

function rejectReason(line: string): string {
  const out = carbonBlackEdrFormat.createParser(ctx).parseLine(line, 1);
  if (out.kind !== 'reject') throw new Error(`expected a reject, got ${JSON.stringify(out)}`);
  return out.reason;
}

describe('carbonblack-edr: real bus samples', () => {
  const cases = [
    ['cbedr_bus_alert.watchlist.hit.query.process.jsonl', 97, 97],
    ['cbedr_bus_feed.query.hit.process.jsonl', 5, 5],
    ['cbedr_bus_watchlist.hit.process.jsonl', 6, 12],
    ['cbedr_bus_watchlist.storage.hit.process.jsonl', 11, 11],
  ] as const;
  for (const [file, lineCount, eventCount] of cases) {
    it(`${file}: sniffed, ${eventCount} events from ${lineCount} lines, 0 rejects`, () => {
      const lines = readSampleLines(DIR, file);
      expect(lines).toHaveLength(lineCount);
      expect(carbonBlackEdrFormat.sniff(textSample(file, lines))).toBeGreaterThanOrEqual(0.9);
      const { events: evs, rejects } = parseAll(lines);
      expect(rejects).toEqual([]);
      expect(evs).toHaveLength(eventCount);
      for (const e of evs) {
        expect(e.category).toBe('alert');
        expect(e.timeZone).toBe('UTC');
        expect(Number.isFinite(e.ts)).toBe(true);
      }
    });
  }

  it('alert.watchlist.hit.query.process: first record field by field', () => {
    const e = parseAll(readSampleLines(DIR, 'cbedr_bus_alert.watchlist.hit.query.process.jsonl')).events[0]!;
    expect(e).toMatchObject({
      ts: Date.parse('2016-07-19T16:26:49.830Z'),
      timeRaw: '2016-07-19T16:26:49.830563Z',
      timeZone: 'UTC',
      category: 'alert',
      action: 'alert.watchlist.hit.query.process',
      severity: '40.5',
      host: 'WIN-IA9NQ1GN8OI',
      user: 'WIN-IA9NQ1GN8OI\\bit9rad',
      process_name: 'chrome.exe',
      process_path: 'c:\\program files (x86)\\google\\chrome\\application\\chrome.exe',
      process_hash: '028228c7068de998d9251c82e61d13a4',
      message: 'Alert watchlist.hit.query.process: watchlist "Chrome" - chrome.exe on WIN-IA9NQ1GN8OI',
    });
    expect(e.process_pid).toBeUndefined();
    expect(e.extra).toMatchObject({
      alert_type: 'watchlist.hit.query.process',
      watchlist_id: '11',
      watchlist_name: 'Chrome',
      feed_name: 'My Watchlists',
      event_timestamp: 1468945624.954,
      process_id: '00000009-0000-0420-01d1-e1d90eaf1d93',
      process_guid: '00000009-0000-0420-01d1-e1d90eaf1d93',
      comms_ip: '172.22.10.2',
      interface_ip: '172.22.5.141',
      report_score: '75',
      status: 'Unresolved',
      type_inferred: true,
      // ioc_attr arrives as a JSON string; it is decoded.
      ioc_attr: {
        highlights: [
          'c:\\program files (x86)\\google\\chrome\\application\\PREPREPREchrome.exePOSTPOSTPOST',
          'c:\\program files (x86)\\google\\chrome\\application\\PREPREPREchrome.exePOSTPOSTPOST',
          'PREPREPREchrome.exePOSTPOSTPOST',
        ],
      },
    });
    expect(e.extra).not.toHaveProperty('created_time');
    expect(e.extra).not.toHaveProperty('md5');
  });

  it('watchlist.hit.process: one event per doc, signed int32 IPs converted', () => {
    const { events: evs } = parseAll(readSampleLines(DIR, 'cbedr_bus_watchlist.hit.process.jsonl'));
    const e = evs[0]!;
    expect(e).toMatchObject({
      ts: Date.parse('2015-11-16T18:20:03.240Z'),
      timeRaw: '1447698003.24',
      action: 'watchlist.hit.process',
      host: 'WIN-OTEMNUTBS23',
      user: 'WIN-OTEMNUTBS23\\Administrator',
      process_name: 'procexp64.exe',
      process_path: 'c:\\users\\administrator\\appdata\\local\\temp\\2\\procexp64.exe',
      process_command_line: '"C:\\Users\\Administrator\\Downloads\\procexp.exe" ',
      process_pid: 4052,
      parent_process_name: 'procexp.exe',
      process_hash: '445c3e95c8cb05403aedaec3baaa3a1d',
      message: 'Watchlist hit: watchlist "Non-System Filemods to system32" - procexp64.exe on WIN-OTEMNUTBS23',
    });
    expect(e.extra).toMatchObject({
      watchlist_id: 2,
      server_name: 'cbtest',
      interface_ip: '172.31.30.0',
      interface_ip_raw: -1407246848,
      comms_ip: '54.175.150.228',
      comms_ip_raw: 917477092,
      parent_pid: 4040,
      process_guid: '00000007-0000-0fd4-01d1-209aa22a57ee',
      unique_id: '00000007-0000-0fd4-01d1-209aa22a57ee-00000001',
      type_inferred: true,
    });
    // Docs of one message share its time.
    const lines = readSampleLines(DIR, 'cbedr_bus_watchlist.hit.process.jsonl');
    const docsPerLine = lines.map((l) => (JSON.parse(l) as { docs: unknown[] }).docs.length);
    expect(docsPerLine.reduce((a, b) => a + b, 0)).toBe(12);
  });

  it('feed.query.hit.process: feed and report named, ioc_value decoded', () => {
    const e = parseAll(readSampleLines(DIR, 'cbedr_bus_feed.query.hit.process.jsonl')).events[0]!;
    expect(e).toMatchObject({
      ts: Date.parse('2016-04-05T13:19:31.310Z'),
      timeRaw: '1459862371.31',
      action: 'feed.query.hit.process',
      host: 'JASON-WIN81-VM',
      user: 'JASON-WIN81-VM\\admin',
      process_name: 'notepad.exe',
      process_pid: 3856,
      parent_process_name: 'explorer.exe',
      process_hash: '24da05ade2a978e199875da0d859e7eb',
      message: 'Feed hit: feed "testquery2" (report unsignednotepad) - notepad.exe on JASON-WIN81-VM',
    });
    expect(e.extra).toMatchObject({
      feed_id: 71,
      report_id: 'unsignednotepad',
      ioc_value: { index_type: 'events', search_query: 'cb.urlver=1&q=process_name%3Anotepad.exe%20-digsig_result%3AUnsigned' },
      // All-zero placeholder kept as written; empty IP strings dropped.
      parent_md5: '000000000000000000000000000000',
      start: '2016-04-05T13:23:28.25Z',
    });
    expect(e.extra).not.toHaveProperty('comms_ip');
  });

  it('watchlist.storage.hit.process: recognised by shape, 64-bit ids kept exact', () => {
    const lines = readSampleLines(DIR, 'cbedr_bus_watchlist.storage.hit.process.jsonl');
    const e = parseAll(lines).events[0]!;
    expect(e).toMatchObject({
      ts: Date.parse('2015-11-16T18:26:56.266Z'),
      timeRaw: '1447698416.266',
      action: 'watchlist.storage.hit.process',
      process_name: 'procexp64.exe',
      process_pid: 4052,
    });
    expect(e.host).toBeUndefined(); // neither the message nor its doc names the host
    expect(e.extra).toMatchObject({ parent_id: '2211398595607011599', watchlist_2: '2015-11-16T18:20:03.069204Z' });
  });
});

describe('carbonblack-edr: endpoint events (fixtures written from the documentation)', () => {
  const fixture = path.join(repoRoot, 'test/fixtures/carbonblack_edr/ingress_events.jsonl');
  const lines = readFileSync(fixture, 'utf8').split('\n').filter((l) => l !== '');
  const { events: evs, rejects } = parseAll(lines);
  const byAction = (a: string) => evs.filter((e) => e.action === a);

  it('sniffed, 11 events, 0 rejects', () => {
    expect(carbonBlackEdrFormat.sniff(textSample('x', lines))).toBeGreaterThanOrEqual(0.9);
    expect(rejects).toEqual([]);
    expect(evs).toHaveLength(11);
  });

  it('procstart: the new process, its parent, user and hash', () => {
    expect(evs[0]).toMatchObject({
      ts: Date.parse('2026-10-05T00:12:41Z'),
      timeRaw: '1791159161',
      timeZone: 'UTC',
      category: 'process',
      action: 'process_start',
      host: 'WKS-ACCT-07',
      user: 'ACME\\yamada.taro',
      process_name: 'winword.exe',
      process_path: 'c:\\program files\\microsoft office\\root\\office16\\winword.exe',
      process_command_line:
        '"C:\\Program Files\\Microsoft Office\\Root\\Office16\\WINWORD.EXE" /n "C:\\Users\\yamada.taro\\Downloads\\請求書.doc" /o ""',
      process_pid: 2860,
      process_hash: '3f0c1d7e2b9a4c5d6e7f8091a2b3c4d5',
      parent_process_name: 'explorer.exe',
    });
    expect(evs[0]!.extra).toMatchObject({
      parent_pid: 1884,
      parent_path: 'c:\\windows\\explorer.exe',
      process_guid: '00000012-0000-0b2c-01dd-3a521b4c6e80',
      // 5209617310478224221 > 2^53: kept as exact text, not rounded.
      parent_guid: '5209617310478224221',
    });
    expect(evs[2]).toMatchObject({ action: 'process_start', timeRaw: '1791159164.25', ts: Date.parse('2026-10-05T00:12:44.250Z') });
    expect(byAction('process_end')).toHaveLength(1);
  });

  it('childproc: the child as the process, the reporter as the parent', () => {
    const [e] = byAction('child_process_start');
    expect(e).toMatchObject({
      category: 'process',
      process_name: 'powershell.exe',
      process_pid: 4120,
      parent_process_name: 'winword.exe',
      process_hash: '7353f60b1739074eb17c5f4dddefe239',
      user: 'ACME\\yamada.taro',
    });
    expect(e!.process_command_line).toMatch(/^powershell -nop -w hidden -enc /);
    expect(e!.extra).toMatchObject({ pid: 2860, process_path: 'c:\\program files\\microsoft office\\root\\office16\\winword.exe' });
  });

  it('netconn: outbound local->remote, inbound remote->local', () => {
    const [out, inb] = byAction('connection');
    expect(out).toMatchObject({
      category: 'network',
      src_ip: '10.20.30.47',
      src_port: 51734,
      dst_ip: '203.0.113.50',
      dst_port: 80,
      domain: 'invoice-portal.example',
      process_name: 'powershell.exe',
      message: 'outbound tcp 10.20.30.47:51734 -> 203.0.113.50:80 (invoice-portal.example)',
    });
    expect(inb).toMatchObject({ src_ip: '10.20.30.51', src_port: 49821, dst_ip: '10.20.30.47', dst_port: 445 });
    expect(inb!.domain).toBeUndefined();
  });

  it('filemod, regmod, moduleload, crossprocopen', () => {
    expect(byAction('create')[0]).toMatchObject({ category: 'file', file_path: 'c:\\users\\yamada.taro\\appdata\\local\\temp\\qzx81.dll' });
    expect(byAction('lastwrite')[0]!.extra).toMatchObject({ filetype_name: 'PE', file_md5: 'b1a5e2f0c9d8e7f6a5b4c3d2e1f0a9b8' });
    expect(byAction('writeval')[0]).toMatchObject({
      category: 'registry',
      registry_path: '\\registry\\user\\s-1-5-21-1004336348-1177238915-682003330-1107\\software\\microsoft\\windows\\currentversion\\run\\qzx81',
      process_name: 'rundll32.exe',
    });
    const mod = byAction('module_load')[0]!;
    expect(mod).toMatchObject({ category: 'process', process_name: 'rundll32.exe', file_path: 'c:\\users\\yamada.taro\\appdata\\local\\temp\\qzx81.dll' });
    expect(mod.process_hash).toBeUndefined(); // md5 is the module's
    expect(mod.extra).toMatchObject({ md5: 'b1a5e2f0c9d8e7f6a5b4c3d2e1f0a9b8' });
    expect(byAction('open_process')[0]).toMatchObject({
      category: 'process',
      process_name: 'rundll32.exe',
      message: 'Cross-process open_process: c:\\windows\\system32\\lsass.exe (pid 712)',
    });
  });

  it('maps numeric filemod/regmod action codes (documented enums)', () => {
    const base = '"timestamp":1791159161,"computer_name":"H","pid":1,"path":"c:\\\\x"';
    expect(events(`{"type":"ingress.event.filemod",${base},"actiontype":4}`)[0]!.action).toBe('delete');
    expect(events(`{"type":"ingress.event.regmod",${base},"action":"8"}`)[0]!.action).toBe('delval');
    expect(events(`{"type":"ingress.event.regmod",${base},"action":32}`)[0]!.action).toBe('unknown (32)');
  });
});

describe('carbonblack-edr: recognition and unknown types', () => {
  it('infers bus types by shape and trusts a declared type', () => {
    expect(messageType({ alert_type: 'watchlist.hit.query.binary', watchlist_id: '1' })).toEqual({ type: 'alert.watchlist.hit.query.binary', inferred: true });
    expect(messageType({ docs: [{ md5: 'A' }], watchlist_id: 1 })).toEqual({ type: 'watchlist.hit.binary', inferred: true });
    expect(messageType({ docs: [], feed_id: 3, ioc_type: 'md5' })).toEqual({ type: 'feed.storage.hit.binary', inferred: true });
    expect(messageType({ feed_id: 3, ioc_type: 'dns', process_guid: 'x' })).toEqual({ type: 'feed.ingress.hit.process', inferred: true });
    expect(messageType({ md5: 'A', scores: {}, watchlists: {}, hostname: 'h' })).toEqual({ type: 'binaryinfo.host.observed', inferred: true });
    expect(messageType({ type: 'watchlist.hit.process', docs: [] })).toEqual({ type: 'watchlist.hit.process', inferred: false });
    expect(messageType({ foo: 1 })).toBeNull();
  });

  it('reads the forwarder output of a hit (type, timestamp, one doc)', () => {
    const [e] = events(
      '{"type":"watchlist.hit.process","timestamp":1447698003.24,"watchlist_name":"W","computer_name":"HOST1","docs":[{"process_name":"a.exe","path":"c:\\\\a.exe","process_pid":"77","unique_id":"00000007-0000-0fd4-01d1-209aa22a57ee-00000001","start":"2015-11-16T18:14:28.819Z"}]}',
    );
    expect(e).toMatchObject({ action: 'watchlist.hit.process', host: 'HOST1', process_pid: 77, process_name: 'a.exe', ts: 1447698003240 });
    expect(e!.extra).not.toHaveProperty('type_inferred');
  });

  it('makes a category "other" event of an unknown type, never a reject', () => {
    const [a] = events('{"type":"ingress.event.newthing","timestamp":1791159161,"computer_name":"H","sensor_id":1,"process_guid":"g","pid":5}');
    expect(a).toMatchObject({ category: 'other', action: 'newthing', host: 'H', process_pid: 5 });
    const [b] = events('{"hostname":"H","sensor_id":7,"md5":"EDB8DE74E38F1B6E4A9B8B8000334DF7","scores":{},"watchlists":{},"event_timestamp":1447697628.646}');
    expect(b).toMatchObject({ category: 'other', action: 'binaryinfo.host.observed', host: 'H', ts: 1447697628646 });
    const [c] = events('{"cb_version":"7.0","timestamp":1700000000,"something":"new"}');
    expect(c).toMatchObject({ category: 'other', ts: 1700000000000, message: 'Carbon Black EDR message of unrecognised type' });
  });

  it('uses a doc start time only when the message has none', () => {
    const [e] = events('{"watchlist_id":1,"watchlist_name":"W","docs":[{"process_name":"a.exe","start":"2015-11-16T18:14:28.819Z"}]}');
    expect(e).toMatchObject({ ts: Date.parse('2015-11-16T18:14:28.819Z'), timeRaw: '2015-11-16T18:14:28.819Z' });
  });
});

describe('carbonblack-edr: hostile and broken input', () => {
  const line0 = readSampleLines(DIR, 'cbedr_bus_watchlist.hit.process.jsonl')[0]!;

  it('rejects truncated JSON with "invalid JSON: <detail>"', () => {
    expect(rejectReason(line0.slice(0, 200))).toMatch(/^invalid JSON: ./);
    expect(rejectReason('not json at all')).toMatch(/^invalid JSON: /);
    expect(rejectReason('{"a":1')).toMatch(/^invalid JSON: /);
  });

  it('rejects JSON that is not an object, or has no time', () => {
    expect(rejectReason('[1,2,3]')).toBe('not a JSON object (array)');
    expect(rejectReason('42')).toBe('not a JSON object (number)');
    expect(rejectReason('null')).toBe('not a JSON object (null)');
    expect(rejectReason('{"type":"ingress.event.netconn","computer_name":"H"}')).toMatch(/^no timestamp/);
    expect(rejectReason('{"alert_type":"watchlist.hit.query.process","watchlist_id":"1"}')).toMatch(/^no timestamp/);
  });

  it('skips blank lines', () => {
    expect(carbonBlackEdrFormat.createParser(ctx).parseLine(' ', 1)).toEqual({ kind: 'skip' });
  });

  it('parses a 1 MB command line without loss', () => {
    const cmd = `powershell -enc ${'A'.repeat(1024 * 1024)}`;
    const [e] = events(JSON.stringify({ type: 'ingress.event.procstart', timestamp: 1791159161, computer_name: 'H', pid: 1, path: 'c:\\p.exe', command_line: cmd }));
    expect(e!.process_command_line).toBe(cmd);
  });

  it('passes formula and script payloads through unaltered; __proto__ stays data', () => {
    const formula = "=cmd|' /C calc'!A0";
    const script = '<script>alert(1)</script>';
    const line = `{"type":"ingress.event.procstart","timestamp":1791159161,"computer_name":"${script}","username":"${formula}","command_line":"${script}","__proto__":{"polluted":true},"constructor":"x"}`;
    const [e] = events(line);
    expect(e!.host).toBe(script);
    expect(e!.user).toBe(formula);
    expect(e!.process_command_line).toBe(script);
    expect(Object.getPrototypeOf(e!.extra)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(e!.extra, '__proto__')?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('preserves Japanese text', () => {
    const [e] = events('{"alert_type":"watchlist.hit.query.process","watchlist_id":"1","watchlist_name":"請求書","created_time":"2016-07-19T16:26:49Z","hostname":"経理-PC","username":"ACME\\\\山田太郎","process_path":"c:\\\\users\\\\山田\\\\請求書.doc.exe"}');
    expect(e).toMatchObject({ host: '経理-PC', user: 'ACME\\山田太郎', process_name: '請求書.doc.exe', message: 'Alert watchlist.hit.query.process: watchlist "請求書" - 請求書.doc.exe on 経理-PC' });
  });

  it('reads numbers written as strings', () => {
    const [e] = events('{"watchlist_id":"3","event_timestamp":"1447698003.24","docs":[{"process_name":"a.exe","process_pid":"4052"}]}');
    expect(e).toMatchObject({ process_pid: 4052, ts: 1447698003240, timeRaw: '1447698003.24' });
  });
});

describe('carbonblack-edr: sniff', () => {
  const no = (lines: string[]) => expect(carbonBlackEdrFormat.sniff(textSample('x', lines))).toBe(0);
  it('refuses JSON of other products, text and garbage', () => {
    no(['{"ts":1588205201.0,"uid":"C1","id_orig_h":"10.0.1.5","id_resp_h":"10.0.0.4","method":"GET"}']);
    no(['{"message":"x","timestamp":123456789,"datetime":"2020-01-01T00:00:00+00:00","timestamp_desc":"Event"}']);
    no(['{"type":"alert.something","timestamp":1}']);
    no(['{', '  "type": "WATCHLIST",']);
    no(['1691514939.857 68 10.0.0.1 TCP_MISS/200 3 GET http://a/ - HIER_NONE/- -']);
    no(['\u0000\u0001{\ufffd\ufffd ElfFile']);
    no([]);
    // One Cb line among other JSON is not a Cb file.
    const cb = readSampleLines(DIR, 'cbedr_bus_feed.query.hit.process.jsonl')[0]!;
    no([cb, '{"ts":1,"uid":"C1"}', '{"ts":2,"uid":"C2"}']);
  });
  it('still recognises a file with a cut-off line', () => {
    const lines = readSampleLines(DIR, 'cbedr_bus_feed.query.hit.process.jsonl');
    const damaged = [lines[0]!, lines[1]!.slice(0, 100), ...lines.slice(2)];
    expect(carbonBlackEdrFormat.sniff(textSample('x', damaged))).toBeGreaterThanOrEqual(0.5);
  });
});
