import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cbcCsvFormat, cbcJsonFormat } from '../../../../electron/engine/formats/edr/cbc';
import { repoRoot, samplePath, textSample } from '../../helpers/samples';
import { parseLines } from '../windows/helpers';
import { fileSample, readDocument } from './helpers';

const DIR = 'carbonblack_cloud_json';
const sample = (f: string) => readFileSync(samplePath(DIR, f));

describe('carbonblack-cloud-json: real samples', () => {
  const cases = [
    ['cbc_sdk_process_search_results.json', 1],
    ['cbc_sdk_enriched_event_search_results.json', 10],
    ['cbc_sdk_alert_v7_search_response.json', 1],
    ['cbc_sdk_alert_v7_watchlist.json', 1],
  ] as const;
  for (const [file, count] of cases) {
    it(`${file}: sniffed, ${count} events, 0 rejects, at any chunk size`, () => {
      expect(cbcJsonFormat.sniff(fileSample(samplePath(DIR, file)))).toBeGreaterThanOrEqual(0.9);
      const whole = readDocument(cbcJsonFormat, sample(file));
      expect(whole.rejects).toEqual([]);
      expect(whole.events).toHaveLength(count);
      for (const size of [1, 7, 333]) expect(readDocument(cbcJsonFormat, sample(file), size).events).toEqual(whole.events);
    });
  }

  it('process search result field by field (lists: first value in the column, all in extra)', () => {
    const r = readDocument(cbcJsonFormat, sample('cbc_sdk_process_search_results.json'));
    const e = r.events[0]!;
    expect(e).toMatchObject({
      ts: Date.parse('2020-09-11T19:32:12.821Z'),
      timeRaw: '2020-09-11T19:32:12.821Z',
      timeZone: 'UTC',
      category: 'process',
      action: 'process',
      host: 'Windows10Device',
      user: 'Username',
      process_name: 'vmtoolsd.exe',
      process_path: 'c:\\program files\\vmware\\vmware tools\\vmtoolsd.exe',
      process_command_line: '"C:\\Program Files\\VMware\\VMware Tools\\vmtoolsd.exe"',
      process_pid: 5653,
      process_guid: 'test-0034d5f2-00000ba0-00000000-1d68709850fe522getprocjobres',
      process_hash: '5920199e4fbfa47c1717b863814722148a353e54f8c10912cf1f991a1c86309d',
      parent_process_name: 'services.exe',
      parent_process_guid: 'test-0002b226-00000001-00000000-1d6225bbba74c00procsearchparent',
    });
    expect(e.extra).toMatchObject({ process_pid: [5653, 16139], backend_timestamp: '2020-09-11T19:35:02.972Z', ingress_time: 1599852859660, parent_name: 'c:\\windows\\system32\\services.exe', parent_pid: 644, device_internal_ip: '192.168.0.2' });
    // The record's exact place in the file.
    const rec = r.records[0]!;
    const text = sample('cbc_sdk_process_search_results.json').subarray(rec.offset, rec.offset + rec.length).toString('utf8');
    expect(text.startsWith('{') && text.endsWith('}')).toBe(true);
    expect(JSON.parse(text)).toMatchObject({ device_name: 'Windows10Device' });
  });

  it('enriched event: modload with the module as the file', () => {
    const e = readDocument(cbcJsonFormat, sample('cbc_sdk_enriched_event_search_results.json')).events[0]!;
    expect(e).toMatchObject({
      ts: Date.parse('2020-08-26T21:38:17.090Z'),
      timeRaw: '2020-08-26T21:38:17.090Z',
      category: 'process',
      action: 'module_load',
      process_guid: 'J7G6DTLN-006633e3-00000334-00000000-1d677bedfbb1c2e',
      process_pid: 820,
      file_path: 'c:\\windows\\system32\\kernel.appcore.dll',
      file_hash: 'bf0b1a5d4cea656695ffb45d930f6add63519aeae9f8aed21e4e50708fe5e84c',
      message: 'Module load: c:\\windows\\system32\\kernel.appcore.dll',
    });
    expect(e.extra).toMatchObject({ event_guid: 'v1PSfkXGQAilYw5MYwoWQA', modload_md5: '0d50f3c3d50b878ceae21b9be3f6a638', backend_timestamp: '2020-08-26T21:39:42.695Z' });
  });

  it('v7 alerts: detection time, severity, reason; the single-object file too', () => {
    const [a] = readDocument(cbcJsonFormat, sample('cbc_sdk_alert_v7_search_response.json')).events;
    expect(a).toMatchObject({
      ts: Date.parse('2023-12-01T14:25:18.539Z'),
      timeRaw: '2023-12-01T14:25:18.539Z',
      category: 'alert',
      action: 'alert_watchlist',
      severity: '1',
      host: 'test',
      process_name: 'cmd.exe',
      process_pid: 9660380,
      process_guid: 'EWRTY2PK-0114761a-009367dc-00000000-19db1ded53e8000',
      process_hash: 'b1f11107d63211d73c04020c7390e2b3070750d45ac89ccbb06450ae6dcadd2f',
      message: 'Process cmd.exe was detected by the report "scale and performance test report" in watchlist "perf_automation_feed_qrcialhx"',
    });
    expect(a!.extra).toMatchObject({ first_event_timestamp: '2023-12-01T14:19:44.392Z', id: '14b3238e-cff8-49bf-a1c0-d0c6587d41e4', report_name: 'scale and performance test report' });
    const [w] = readDocument(cbcJsonFormat, sample('cbc_sdk_alert_v7_watchlist.json')).events;
    expect(w).toMatchObject({ ts: Date.parse('2023-07-17T17:41:57.829Z'), severity: '10', host: 'Kognos-W19-CB-3', process_name: 'powershell.exe', category: 'alert' });
    expect(w!.extra).not.toHaveProperty('user_update_timestamp'); // "null" as text is none
  });
});

describe('carbonblack-cloud-json: hostile and generated input', () => {
  const ev = { event_type: 'netconn', event_timestamp: '2026-10-05T00:12:47.101Z', process_guid: 'ABCD1234-0114761a-00001018-00000000-1db1e3a5b9c1d00', device_name: '経理-PC', netconn_remote_ipv4: '203.0.113.50', netconn_remote_port: 80, netconn_local_ipv4: '10.20.30.47', netconn_local_port: 51734, netconn_domain: 'invoice-portal.example', process_cmdline: ["=cmd|' /C calc'!A0 <script>x</script>"] };
  it('netconn, Japanese host, formula/script payload unaltered', () => {
    const r = readDocument(cbcJsonFormat, Buffer.from(JSON.stringify({ results: [ev] })));
    expect(r.events[0]).toMatchObject({ category: 'network', action: 'connection', host: '経理-PC', src_ip: '10.20.30.47', dst_ip: '203.0.113.50', dst_port: 80, domain: 'invoice-portal.example', process_command_line: "=cmd|' /C calc'!A0 <script>x</script>" });
  });
  it('childproc: the child is the process, the reporter its parent', () => {
    const child = { ...ev, event_type: 'childproc', process_name: 'c:\\windows\\system32\\windowspowershell\\v1.0\\powershell.exe', process_cmdline: ['powershell -enc x'], childproc_name: 'c:\\windows\\system32\\rundll32.exe', childproc_cmdline: 'rundll32 x.dll,f', childproc_pid: 5012, childproc_guid: 'ABCD1234-0114761a-00001394-00000000-1db1e3a5c0f8e20' };
    const [e] = readDocument(cbcJsonFormat, Buffer.from(JSON.stringify({ results: [child] }))).events;
    expect(e).toMatchObject({ action: 'child_process_start', process_name: 'rundll32.exe', process_pid: 5012, process_command_line: 'rundll32 x.dll,f', parent_process_name: 'powershell.exe', parent_process_command_line: 'powershell -enc x', parent_process_guid: ev.process_guid, process_guid: child.childproc_guid });
  });
  it('truncated document: last record rejected; a record without time rejected; 1 MB command line kept', () => {
    const doc = JSON.stringify({ results: [ev, ev, ev] });
    const r = readDocument(cbcJsonFormat, Buffer.from(doc.slice(0, -40)), 100);
    expect(r.events).toHaveLength(2);
    expect(r.rejects).toEqual(['file ends inside this record (truncated document?)']);
    const noTime = readDocument(cbcJsonFormat, Buffer.from(JSON.stringify({ results: [{ ...ev, event_timestamp: 'x' }] })));
    expect(noTime.rejects[0]).toMatch(/^no usable time/);
    const big = 'A'.repeat(1 << 20);
    expect(readDocument(cbcJsonFormat, Buffer.from(JSON.stringify({ results: [{ ...ev, process_cmdline: [big] }] }))).events[0]!.process_command_line).toBe(big);
  });
  it('50,000 generated events', () => {
    const doc = JSON.stringify({ num_found: 50000, results: Array.from({ length: 50000 }, (_, i) => ({ ...ev, netconn_remote_port: i })) });
    const r = readDocument(cbcJsonFormat, Buffer.from(doc));
    expect(r.events).toHaveLength(50000);
    expect(r.events[49999]!.dst_port).toBe(49999);
  });
  it('refuses other JSON documents', () => {
    const no = (text: string) => expect(cbcJsonFormat.sniff({ fileName: 'x', head: Buffer.from(text), lines: text.split('\n') })).toBe(0);
    no('{"results":[{"a":1}]}');
    no('{"event_0":{"timestamp":1,"message":"x"}}');
    no(JSON.stringify([ev]));
    no('{"id":"x","type":"WATCHLIST"}');
  });
});

describe('carbonblack-cloud-csv: fixture with the API field names', () => {
  const lines = readFileSync(path.join(repoRoot, 'test/fixtures/carbonblack_cloud/alerts_export.csv'), 'utf8').split('\r\n').filter((l) => l !== '');
  it('sniffed, 2 alerts, 0 rejects, mapped like the JSON', () => {
    expect(cbcCsvFormat.sniff(textSample('x.csv', lines))).toBeGreaterThanOrEqual(0.9);
    const r = parseLines(cbcCsvFormat, lines);
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(2);
    expect(r.events[0]).toMatchObject({
      ts: Date.parse('2026-10-05T00:12:55.102Z'),
      category: 'alert',
      action: 'alert_cb_analytics',
      severity: '8',
      host: 'ACME\\WKS-ACCT-07',
      user: 'ACME\\yamada.taro',
      process_name: 'rundll32.exe',
      process_pid: 5012,
      parent_process_name: 'powershell.exe',
      src_ip: '10.20.30.47',
      dst_ip: '198.51.100.23',
      dst_port: 8080,
      message: 'A known virus (Trojan: Emotet) was detected running.',
    });
    expect(r.events[1]!.message).toContain('請求書 watch');
  });
  it('refuses a header of other fields', () => {
    expect(cbcCsvFormat.sniff(textSample('x', ['time,host,message', '1,2,3']))).toBe(0);
  });
});
