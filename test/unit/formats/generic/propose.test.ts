import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MappingProposal } from '../../../../electron/common/import-mapping';
import { proposeMapping } from '../../../../electron/engine/ingest/mapping/propose-mapping';
import { tempDir } from '../../helpers/tmp';

function write(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** source -> target of the proposal, for the columns that got a guess. */
function targets(p: Pick<MappingProposal, 'columns'>): Record<string, string> {
  return Object.fromEntries(p.columns.filter((c) => c.target !== 'extra').map((c) => [c.source, c.target]));
}

describe('proposeMapping', () => {
  it('reads a Japanese Excel export: BOM, CRLF, Japanese column names, YYYY/MM/DD times', () => {
    const dir = tempDir();
    const file = write(
      dir,
      'プロキシ.csv',
      '\ufeff日時,ホスト名,ユーザー名,送信元IP,宛先IP,URL,操作,備考\r\n' +
        '2026/10/05 9:12:41,PC-01,CORP\\tanaka,10.0.0.5,203.0.113.9,http://evil.example/請求書.doc,ダウンロード,\r\n' +
        '2026/10/05 9:13:02,PC-02,CORP\\suzuki,10.0.0.6,203.0.113.9,http://evil.example/a.dll,ダウンロード,要確認\r\n',
    );
    const p = proposeMapping(file, 'プロキシ.csv');
    expect(p.mapping.format).toBe('generic-csv');
    expect(p.mapping.csv).toEqual({ delimiter: ',', header: true, skipRecords: 0 });
    expect(p.time).toMatchObject({ columns: ['日時'], format: 'ymd', parseRate: 1 });
    expect(targets(p)).toEqual({
      日時: 'time',
      ホスト名: 'host',
      ユーザー名: 'user',
      送信元IP: 'src_ip',
      宛先IP: 'dst_ip',
      URL: 'url',
      操作: 'action',
    });
    expect(p.rows[0]).toEqual(['2026/10/05 9:12:41', 'PC-01', 'CORP\\tanaka', '10.0.0.5', '203.0.113.9', 'http://evil.example/請求書.doc', 'ダウンロード', '']);
    // Every guess carries its confidence and reason for the examiner to judge.
    const host = p.columns.find((c) => c.source === 'ホスト名')!;
    expect(host.confidence).toBeGreaterThan(0.5);
    expect(host.reason).toMatch(/name/);
  });

  it('reads JSON lines with nested keys and epoch milliseconds', () => {
    const dir = tempDir();
    const rows = [
      { ts: 1791159161857, host: { name: 'pc01' }, src: { ip: '10.0.0.5', port: 50123 }, dst: { ip: '198.51.100.7', port: 8080 }, msg: 'beacon' },
      { ts: 1791159221857, host: { name: 'pc01' }, src: { ip: '10.0.0.5', port: 50124 }, dst: { ip: '198.51.100.7', port: 8080 }, msg: 'beacon' },
    ];
    const file = write(dir, 'c2.jsonl', rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const p = proposeMapping(file, 'c2.jsonl');
    expect(p.mapping.format).toBe('generic-jsonl');
    expect(p.time).toMatchObject({ columns: ['ts'], format: 'epoch_ms' });
    expect(p.sources).toEqual(['ts', 'host.name', 'src.ip', 'src.port', 'dst.ip', 'dst.port', 'msg']);
    expect(targets(p)).toMatchObject({ ts: 'time', 'host.name': 'host', 'src.ip': 'src_ip', 'dst.ip': 'dst_ip', msg: 'message' });
  });

  it('reads US dates with AM/PM and guesses addresses from the values when names say little', () => {
    const dir = tempDir();
    const file = write(
      dir,
      'export.csv',
      'When,Computer,Account,Peer A,Peer B,Details\n' +
        '10/25/2026 09:12:41 PM,WS01,alice@corp.example,10.1.1.1,192.0.2.10,"logon, interactive"\n' +
        '10/26/2026 01:00:00 AM,WS02,bob@corp.example,10.1.1.2,192.0.2.11,logoff\n',
    );
    const p = proposeMapping(file, 'export.csv');
    expect(p.time).toMatchObject({ columns: ['When'], format: 'mdy' });
    expect(p.time?.ambiguity).toBeUndefined();
    expect(targets(p)).toMatchObject({ Computer: 'host', Account: 'user', 'Peer A': 'src_ip', 'Peer B': 'dst_ip', Details: 'message' });
  });

  it('tells TSV from CSV even when values hold commas, and skips a report title above the table', () => {
    const dir = tempDir();
    const file = write(
      dir,
      'report.tsv',
      'Firewall report, exported 2026-10-05\n' +
        'timestamp\tsrc_ip\tdst_ip\tdst_port\taction\tnote\n' +
        '2026-10-05T00:12:41Z\t10.0.0.5\t198.51.100.7\t8080\tallow\tbeacon, 60s\n' +
        '2026-10-05T00:13:41Z\t10.0.0.5\t198.51.100.7\t8080\tallow\tbeacon, 60s\n',
    );
    const p = proposeMapping(file, 'report.tsv');
    expect(p.mapping.csv).toEqual({ delimiter: '\t', header: true, skipRecords: 1 });
    expect(p.sources).toEqual(['timestamp', 'src_ip', 'dst_ip', 'dst_port', 'action', 'note']);
    expect(targets(p)).toMatchObject({ timestamp: 'time', src_ip: 'src_ip', dst_ip: 'dst_ip', dst_port: 'dst_port', action: 'action' });
  });

  it('reads a JSON document whose array property holds the records', () => {
    const dir = tempDir();
    const doc = {
      total: 2,
      results: [
        { event: { created: '2026-10-05T09:12:41+09:00', action: 'file_write' }, device: { hostname: 'pc01' }, file: { path: 'C:\\Users\\a\\請求書.doc' } },
        { event: { created: '2026-10-05T09:12:45+09:00', action: 'process_start' }, device: { hostname: 'pc01' }, file: { path: 'C:\\Windows\\System32\\rundll32.exe' } },
      ],
    };
    const file = write(dir, 'edr.json', JSON.stringify(doc, null, 2));
    const p = proposeMapping(file, 'edr.json');
    expect(p.mapping.format).toBe('generic-json');
    expect(p.mapping.json).toEqual({ arrayKey: 'results' });
    expect(p.time).toMatchObject({ columns: ['event.created'], format: 'iso8601' });
    expect(targets(p)).toMatchObject({ 'event.created': 'time', 'event.action': 'action', 'device.hostname': 'host', 'file.path': 'file_path' });
  });

  it('gives the same signature to files with the same columns, another to a different header', () => {
    const dir = tempDir();
    const a = write(dir, 'a.csv', 'time,host\n2026-10-05 00:00:00,pc01\n');
    const b = write(dir, 'b.csv', 'Time,Host\n2026-10-06 00:00:00,pc09\n2026-10-06 00:00:01,pc09\n');
    const c = write(dir, 'c.csv', 'time,host,user\n2026-10-05 00:00:00,pc01,a\n');
    expect(proposeMapping(a, 'a').signature).toBe(proposeMapping(b, 'b').signature);
    expect(proposeMapping(a, 'a').signature).not.toBe(proposeMapping(c, 'c').signature);
  });

  it('says so when no column holds times', () => {
    const dir = tempDir();
    const file = write(dir, 'hosts.csv', 'host,owner\npc01,alice\npc02,bob\n');
    const p = proposeMapping(file, 'hosts.csv');
    expect(p.time).toBeNull();
    expect(p.warnings.join(' ')).toMatch(/no column reads as timestamps/);
  });

  it('refuses a binary file with a clear reason', () => {
    const dir = tempDir();
    const file = write(dir, 'blob.bin', Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]));
    expect(() => proposeMapping(file, 'blob.bin')).toThrow(/binary file/);
  });
});
