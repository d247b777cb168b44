import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../../../electron/common/import-mapping';
import { ingestWithCustody } from '../../../../electron/engine/custody/ingest-custody';
import { CaseSession } from '../../../../electron/engine/custody/session';
import { proposeMapping } from '../../../../electron/engine/ingest/mapping/propose-mapping';
import { saveMapping } from '../../../../electron/engine/custody/save-mapping';
import { listSavedMappings } from '../../../../electron/engine/ingest/mapping/saved-mappings';
import { sniffFormat } from '../../../../electron/engine/formats/registry';
import { UnrecognizedFormatError } from '../../../../electron/engine/errors';
import { eventDetail } from '../../../../electron/engine/ingest/original-record';
import { firstEvents } from '../../../../electron/engine/store/event-pages';
import { tempDir } from '../../helpers/tmp';

const JA_CSV =
  '\ufeff日時,ホスト名,ユーザー名,送信元IP,宛先IP,URL,操作,備考\r\n' +
  '2026/10/05 9:12:41,PC-01,CORP\\tanaka,10.0.0.5,203.0.113.9,http://evil.example/請求書.doc,ダウンロード,"=cmd|\' /C calc\'!A0"\r\n' +
  '2026/10/05 9:13:02,PC-02,CORP\\suzuki,10.0.0.6,203.0.113.9,http://evil.example/a.dll,ダウンロード,"二行の\r\n備考"\r\n' +
  '2026/13/05 9:14:00,PC-03,CORP\\sato,10.0.0.7,203.0.113.9,http://evil.example/b.dll,ダウンロード,\r\n' +
  '2026/10/05 9:15:00,PC-04,CORP\\ito\r\n' +
  ',PC-05,CORP\\kato,10.0.0.8,203.0.113.9,http://evil.example/c.dll,ダウンロード,\r\n';

async function open(dir: string): Promise<CaseSession> {
  return CaseSession.open(path.join(dir, 'c.tlcase'), { examiner: 'Examiner A', create: { timezone: 'Asia/Tokyo' } });
}

function write(dir: string, name: string, content: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe('ingest with a column mapping', () => {
  it('refuses an unknown table as unrecognized (so the UI offers a mapping), never as a generic format by sniffing', async () => {
    const dir = tempDir();
    const file = write(dir, 'proxy.csv', JA_CSV);
    const s = await open(dir);
    await expect(ingestWithCustody(s, { path: file, timezone: 'Asia/Tokyo' })).rejects.toBeInstanceOf(UnrecognizedFormatError);
    const lines = JA_CSV.split('\r\n');
    expect(sniffFormat({ fileName: 'proxy.csv', head: Buffer.from(JA_CSV), lines })).toBeNull();
    s.close();
  });

  it('makes every good row an event, rejects the others with line and reason, keeps formulas as text', async () => {
    const dir = tempDir();
    const file = write(dir, 'proxy.csv', JA_CSV);
    const s = await open(dir);
    const proposal = proposeMapping(file, 'proxy.csv');
    const ev = await ingestWithCustody(s, { path: file, timezone: 'Asia/Tokyo', mapping: proposal.mapping });
    expect(ev.format).toBe('generic-csv');
    expect(ev.events).toBe(2);
    expect(ev.rejected).toBe(3);
    const rejects = s.store.all<{ line: number; reason: string }>('SELECT line, reason FROM rejected_record ORDER BY line');
    expect(rejects).toEqual([
      { line: 5, reason: 'timestamp "2026/13/05 9:14:00" in column "日時" does not read as YYYY/MM/DD hh:mm:ss (Excel in Japan; also - or . between)' },
      { line: 6, reason: '3 fields where the header names 8' },
      { line: 7, reason: 'no timestamp: column "日時" empty' },
    ]);
    const events = firstEvents(s.store, undefined, 10);
    expect(events.map((e) => [e.time, e.time_zone, e.host, e.user, e.src_ip, e.dst_ip, e.url, e.domain, e.action, e.category])).toEqual([
      ['2026-10-05T00:12:41.000Z', 'Asia/Tokyo (assumed)', 'PC-01', 'CORP\\tanaka', '10.0.0.5', '203.0.113.9', 'http://evil.example/請求書.doc', 'evil.example', 'ダウンロード', 'other'],
      ['2026-10-05T00:13:02.000Z', 'Asia/Tokyo (assumed)', 'PC-02', 'CORP\\suzuki', '10.0.0.6', '203.0.113.9', 'http://evil.example/a.dll', 'evil.example', 'ダウンロード', 'other'],
    ]);
    // The unmapped column lands in extra exactly as written; a formula payload stays text.
    expect(JSON.parse(String(events[0]!.extra))).toEqual({ 備考: "=cmd|' /C calc'!A0" });
    // (The line pipeline joins a quoted field's lines with "\n"; the original keeps the CRLF.)
    expect(JSON.parse(String(events[1]!.extra))).toEqual({ 備考: '二行の\n備考' });
    expect(events[0]!.message).toContain('ホスト名=PC-01');
    expect(events[0]!.time_raw).toBe('2026/10/05 9:12:41');
    // Provenance: the record as written (the quoted newline spans two lines).
    expect(eventDetail(s.store, Number(events[1]!.id)).original).toContain('"二行の\r\n備考"');
    // The mapping used is in the custody log.
    const started = s.entries().find((e) => e.action === 'ingest.started')!;
    expect(JSON.parse(started.details)).toMatchObject({ format: 'generic-csv', mappingOrigin: 'given', mapping: { time: { format: 'ymd' } } });
    s.close();
  });

  it('applies the examiner’s corrections: another host column, a category, the mapping’s own zone', async () => {
    const dir = tempDir();
    const file = write(dir, 'proxy.csv', JA_CSV);
    const s = await open(dir);
    const mapping: ColumnMapping = proposeMapping(file, 'proxy.csv').mapping;
    mapping.columns = mapping.columns.map((c) =>
      c.source === 'ホスト名' ? { ...c, target: 'extra' } : c.source === '送信元IP' ? { ...c, target: 'host' } : c,
    );
    mapping.category = 'web';
    mapping.timezone = 'UTC';
    await ingestWithCustody(s, { path: file, timezone: 'Asia/Tokyo', mapping });
    const [first] = firstEvents(s.store, undefined, 1);
    expect([first!.time, first!.time_zone, first!.host, first!.src_ip, first!.category]).toEqual([
      '2026-10-05T09:12:41.000Z',
      'UTC (assumed)',
      '10.0.0.5',
      null,
      'web',
    ]);
    expect(JSON.parse(String(first!.extra))).toMatchObject({ ホスト名: 'PC-01' });
    s.close();
  });

  it('reads nested JSON lines and JSON documents', async () => {
    const dir = tempDir();
    const rows = [
      { ts: 1791159161857, host: { name: 'pc01' }, dst: { ip: '198.51.100.7', port: 8080 }, tags: ['c2', 'beacon'] },
      { ts: 'garbage', host: { name: 'pc01' } },
    ];
    const jsonl = write(dir, 'c2.jsonl', rows.map((r) => JSON.stringify(r)).join('\n') + '\nnot json\n');
    const doc = write(dir, 'c2.json', JSON.stringify({ count: 2, items: rows }));
    const s = await open(dir);
    const a = await ingestWithCustody(s, { path: jsonl, timezone: 'UTC', format: 'generic-jsonl' });
    expect([a.format, a.events, a.rejected]).toEqual(['generic-jsonl', 1, 2]);
    const b = await ingestWithCustody(s, { path: doc, timezone: 'UTC', format: 'generic-json' });
    expect([b.format, b.events, b.rejected]).toEqual(['generic-json', 1, 1]);
    const events = firstEvents(s.store, undefined, 10);
    expect(events.map((e) => [e.time, e.host, e.dst_ip, e.dst_port])).toEqual([
      ['2026-10-05T00:12:41.857Z', 'pc01', '198.51.100.7', 8080],
      ['2026-10-05T00:12:41.857Z', 'pc01', '198.51.100.7', 8080],
    ]);
    expect(JSON.parse(String(events[0]!.extra))).toEqual({ tags: '["c2","beacon"]' });
    const reasons = s.store.all<{ line: number; reason: string }>('SELECT line, reason FROM rejected_record ORDER BY evidence_id, line');
    expect(reasons[0]).toEqual({ line: 2, reason: 'timestamp "garbage" in column "ts" does not read as Epoch milliseconds (1791162761123)' });
    expect(reasons[1]!.line).toBe(3);
    expect(reasons[1]!.reason).toMatch(/^invalid JSON/);
    s.close();
  });

  it('saves a mapping in the case (custody-recorded) and reuses it for a file with the same columns', async () => {
    const dir = tempDir();
    const first = write(dir, 'day1.csv', 'when,who,what\n05/10/2026 09:00,alice,login\n');
    const second = write(dir, 'day2.csv', 'when,who,what\n06/10/2026 10:00,bob,logout\n');
    const s = await open(dir);
    const mapping = proposeMapping(first, 'day1.csv').mapping;
    // The examiner knows these are European dates and says so once.
    mapping.time.format = 'dmy';
    mapping.columns = mapping.columns.map((c) => (c.source === 'who' ? { ...c, target: 'user' } : c));
    const saved = saveMapping(s, 'VPN export (EU)', mapping);
    expect(saved).toMatchObject({ name: 'VPN export (EU)', format: 'generic-csv', created_by: 'Examiner A' });
    expect(listSavedMappings(s.store).map((m) => m.name)).toEqual(['VPN export (EU)']);
    const entry = s.entries().find((e) => e.action === 'mapping.saved')!;
    expect(JSON.parse(entry.details)).toMatchObject({ name: 'VPN export (EU)', mapping: { time: { format: 'dmy' } } });
    // --format generic-csv without a mapping: the saved one is found by the file's signature.
    const ev = await ingestWithCustody(s, { path: second, timezone: 'UTC', format: 'generic-csv' });
    expect(ev.events).toBe(1);
    const [row] = firstEvents(s.store, undefined, 1);
    expect([row!.time, row!.user]).toEqual(['2026-10-06T10:00:00.000Z', 'bob']);
    const started = s.entries().filter((e) => e.action === 'ingest.started').pop()!;
    expect(JSON.parse(started.details)).toMatchObject({ mappingOrigin: { saved: 'VPN export (EU)' } });
    s.close();
    // Replaying the journal / reopening keeps the saved mapping.
    const again = await CaseSession.open(path.join(dir, 'c.tlcase'), { readOnly: true });
    expect(listSavedMappings(again.store)[0]!.mapping.time.format).toBe('dmy');
    again.close();
  });

  it('refuses a mapping that names columns the header lacks, or that is malformed, with the reason', async () => {
    const dir = tempDir();
    const file = write(dir, 'a.csv', 'time,host\n2026-10-05 00:00:00,pc01\n');
    const s = await open(dir);
    const mapping = proposeMapping(file, 'a.csv').mapping;
    const other = { ...mapping, columns: [...mapping.columns, { source: 'user', target: 'user' as const }] };
    await expect(ingestWithCustody(s, { path: file, timezone: 'UTC', mapping: other })).rejects.toThrow(/header lacks "user"/);
    const bad = { ...mapping, time: { format: 'whenever' } } as unknown as ColumnMapping;
    await expect(ingestWithCustody(s, { path: file, timezone: 'UTC', mapping: bad })).rejects.toThrow(/column mapping: time.format must be one of/);
    expect(s.entries().filter((e) => e.action === 'ingest.failed')).toHaveLength(2);
    s.close();
  });
});
