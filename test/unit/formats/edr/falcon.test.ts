import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { falconCefFormat } from '../../../../electron/engine/formats/edr/falcon-cef';
import { parseCef } from '../../../../electron/engine/formats/edr/cef';
import { falconCsvFormat, falconJsonFormat, falconJsonlFormat } from '../../../../electron/engine/formats/edr/falcon-export';
import { readSampleLines, repoRoot, textSample } from '../../helpers/samples';
import { parseLines } from '../windows/helpers';
import { fileSample, readDocument } from './helpers';

const FILE = 'azsentinel_CrowdStrike_FalconHost_AuditEvent_RawLogs.cef.txt';

describe('crowdstrike-falcon-cef: real sample', () => {
  const lines = readSampleLines('crowdstrike_falcon', FILE);
  const r = parseLines(falconCefFormat, lines);
  it(`${FILE}: sniffed, 56 events, 0 rejects`, () => {
    expect(falconCefFormat.sniff(textSample(FILE, lines))).toBeGreaterThanOrEqual(0.9);
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(56);
  });
  it('first record field by field', () => {
    expect(r.events[0]).toMatchObject({
      ts: 1694066533000,
      timeRaw: '1694066533000',
      timeZone: 'UTC',
      category: 'other',
      action: 'delete_report_execution',
      severity: '1',
      user: 'CrowdStrike',
      process_name: 'scheduled_reports',
      message: 'UserActivityAuditEvent: delete_report_execution by CrowdStrike (scheduled_reports)',
    });
    expect(r.events[0]!.extra).toEqual({ cef_vendor: 'CrowdStrike', cef_product: 'FalconHost', cef_version: '1.0', event_type: 'UserActivityAuditEvent', cat: 'UserActivityAuditEvent', Offset: '25855' });
  });
  it('auth audit events: labelled custom fields by their labels; the zone-less date kept as written', () => {
    const e = r.events[6]!;
    expect(e).toMatchObject({ category: 'auth', action: 'UpdateAPIClient', user: 'sanitized@sanitized.com', ts: 1694175548204 });
    expect(e.extra).toMatchObject({ Timestamp: 'Sep 08 2023 17:49:08', outcome: 'true', destinationTranslatedAddress: '160.110.200.120', Offset: '26152' });
  });
});

describe('crowdstrike-falcon-cef: syslog, detections, hostile input', () => {
  const det =
    'CEF:0|CrowdStrike|FalconHost|1.0|DetectionSummaryEvent|Detection Summary Event|5|cat=DetectionSummaryEvent dhost=WKS-ACCT-07 duser=yamada.taro fname=powershell.exe filePath=\\\\Device\\\\HarddiskVolume3\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\ cs1Label=CommandLine cs1=powershell -nop -enc SQBFAFgA cn2Label=ProcessId cn2=98765432101 fileHash=de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c msg=A process triggered a high severity detection \\= bad rt=1791159165000';
  it('a detection behind a syslog header', () => {
    const lines = [`<14>Oct  5 09:12:46 falcon-connector ${det}`];
    expect(falconCefFormat.sniff(textSample('x', lines))).toBeGreaterThanOrEqual(0.9);
    const r = parseLines(falconCefFormat, lines);
    expect(r.rejects).toEqual([]);
    expect(r.events[0]).toMatchObject({
      ts: 1791159165000,
      category: 'alert',
      host: 'WKS-ACCT-07',
      user: 'yamada.taro',
      process_name: 'powershell.exe',
      process_path: '\\Device\\HarddiskVolume3\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      process_command_line: 'powershell -nop -enc SQBFAFgA',
      process_hash: 'de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c',
      message: 'A process triggered a high severity detection = bad',
    });
  });
  it('falls back to the syslog time without rt; CEF dates take the file zone', () => {
    const r = parseLines(falconCefFormat, ['<14>2026-10-05T00:12:46Z h CEF:0|CrowdStrike|FalconHost|1.0|X|Y|1|duser=a', 'CEF:0|CrowdStrike|FalconHost|1.0|X|Y|1|start=Oct 05 2026 09:12:46'], 'Asia/Tokyo');
    expect(r.events.map((e) => e.ts)).toEqual([Date.parse('2026-10-05T00:12:46Z'), Date.parse('2026-10-05T00:12:46Z')]);
    expect(r.events[1]!.timeZone).toBe('Asia/Tokyo (assumed)');
  });
  it('rejects truncated and time-less records; keeps payloads, Japanese and 1 MB values', () => {
    const r = parseLines(falconCefFormat, ['CEF:0|CrowdStrike|FalconHost|1.0|X', 'CEF:0|CrowdStrike|FalconHost|1.0|X|Y|1|duser=a', 'hello']);
    expect(r.rejects).toEqual([
      'line 1: malformed CEF header (expected 7 "|"-separated fields)',
      'line 2: no usable time: expected rt or start (epoch ms or CEF date), or a syslog header',
      'line 3: no CEF record on this line',
    ]);
    const big = 'A'.repeat(1 << 20);
    const [e] = parseLines(falconCefFormat, [`CEF:0|CrowdStrike|FalconHost|1.0|X|Y|1|duser==cmd|' /C calc'!A0 msg=<script>請求書</script> cs1Label=CommandLine cs1=${big} rt=1791159165000`]).events;
    expect(e).toMatchObject({ user: "=cmd|' /C calc'!A0", message: '<script>請求書</script>' });
    expect(e!.process_command_line).toBe(big);
  });
  it('parseCef unescapes header pipes and extension equals/newlines', () => {
    const c = parseCef('CEF:0|Crowd\\|Strike|P|1|S|N\\\\x|3|a=1\\=2 b=line\\nnext c=  spaced value ');
    expect(c).toMatchObject({ vendor: 'Crowd|Strike', name: 'N\\x', ext: { a: '1=2', b: 'line\nnext', c: '  spaced value' } });
  });
  it('50,000 generated lines', () => {
    const lines = Array.from({ length: 50000 }, (_, i) => `CEF:0|CrowdStrike|FalconHost|1.0|UserActivityAuditEvent|op${i}|1|duser=u${i} rt=${1791159165000 + i}`);
    const r = parseLines(falconCefFormat, lines);
    expect(r.events).toHaveLength(50000);
    expect(r.events[49999]).toMatchObject({ action: 'op49999', ts: 1791159165000 + 49999 });
  });
  it('refuses CEF of other vendors', () => {
    expect(falconCefFormat.sniff(textSample('x', ['CEF:0|Fortinet|FortiGate|1|x|y|1|a=b']))).toBe(0);
  });
});

describe('crowdstrike-falcon-events: Event Search exports (fixtures from the data dictionary)', () => {
  const csvPath = path.join(repoRoot, 'test/fixtures/crowdstrike/event_search.csv');
  const jsonPath = path.join(repoRoot, 'test/fixtures/crowdstrike/event_search.json');
  const csvLines = readFileSync(csvPath, 'utf8').split('\n').filter((l) => l !== '');
  const csv = parseLines(falconCsvFormat, csvLines);

  it('CSV and JSON array: sniffed, 6 events each, 0 rejects, same events', () => {
    expect(falconCsvFormat.sniff(textSample('x', csvLines))).toBeGreaterThanOrEqual(0.9);
    expect(falconJsonFormat.sniff(fileSample(jsonPath))).toBeGreaterThanOrEqual(0.9);
    expect(csv.rejects).toEqual([]);
    expect(csv.events).toHaveLength(6);
    const json = readDocument(falconJsonFormat, readFileSync(jsonPath), 100);
    expect(json.rejects).toEqual([]);
    expect(json.events.map((e) => [e.ts, e.category, e.action])).toEqual(csv.events.map((e) => [e.ts, e.category, e.action]));
  });

  it('ProcessRollup2 field by field, others linked by ContextProcessId', () => {
    const [proc, dns, net, file, reg, logon] = csv.events;
    expect(proc).toMatchObject({
      ts: Date.parse('2026-10-05T00:12:44.250Z'),
      timeRaw: '1791159164.250',
      timeZone: 'UTC',
      category: 'process',
      action: 'process_start',
      host: 'WKS-ACCT-07',
      user: 'yamada.taro',
      process_name: 'powershell.exe',
      process_path: '\\Device\\HarddiskVolume3\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      process_pid: 4120,
      process_guid: '98765432101',
      parent_process_guid: '98765432100',
      parent_process_name: 'WINWORD.EXE',
      process_hash: 'de96a6e69944335375dc1ac238336066889d9ffc7d73628ef4fe1b1b160ab32c',
    });
    expect(proc!.extra).toMatchObject({ timestamp: '1791159164301', aid: '4d2c1b0a9f8e7d6c5b4a39281706f5e4' });
    expect(dns).toMatchObject({ category: 'dns', domain: 'invoice-portal.example', process_guid: '98765432101', ts: Date.parse('2026-10-05T00:12:47.011Z') });
    expect(net).toMatchObject({ category: 'network', src_ip: '10.20.30.47', src_port: 51734, dst_ip: '203.0.113.50', dst_port: 80 });
    expect(file).toMatchObject({ category: 'file', file_path: '\\Device\\HarddiskVolume3\\Users\\yamada.taro\\AppData\\Local\\Temp\\qzx81.dll' });
    expect(reg).toMatchObject({ category: 'registry', registry_path: expect.stringMatching(/CurrentVersion\\Run$/) as unknown as string });
    expect(logon).toMatchObject({ category: 'auth', action: 'UserLogon', src_ip: '10.20.30.47', host: 'FS01' });
  });

  it('JSONL; hostile and generated input', () => {
    const base = { event_simpleName: 'ProcessRollup2', aid: 'a', timestamp: 1791159164301, CommandLine: "=cmd|' /C calc'!A0 <script> 請求書" };
    const lines = [JSON.stringify(base), JSON.stringify({ ...base, timestamp: 'bad' }), '{"event_simpleName":'];
    expect(falconJsonlFormat.sniff(textSample('x', lines.slice(0, 1)))).toBeGreaterThanOrEqual(0.9);
    const r = parseLines(falconJsonlFormat, lines);
    expect(r.events[0]).toMatchObject({ process_command_line: base.CommandLine, ts: 1791159164301 });
    expect(r.rejects).toEqual([expect.stringMatching(/^line 2: no usable time/), expect.stringMatching(/^line 3: invalid JSON/)]);
    const many = Array.from({ length: 50000 }, (_, i) => JSON.stringify({ ...base, RawProcessId: i }));
    expect(parseLines(falconJsonlFormat, many).events[49999]!.process_pid).toBe(49999);
  });
});
