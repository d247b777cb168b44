import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../../electron/engine/ingest/file-ingest';
import { CaseStore } from '../../../electron/engine/store/case-store';
import { eventDetail } from '../../../electron/engine/ingest/original-record';
import { firstEvents } from '../../../electron/engine/store/event-pages';
import { listEvidence } from '../../../electron/engine/store/evidence-registry';
import { fileHashes } from '../helpers/hash';
import { samplePath } from '../helpers/samples';
import { tempDir } from '../helpers/tmp';

const SQUID = samplePath('squid_native', 'logscale_squid_access.log');
const FORTIGATE = samplePath('fortigate_kv', 'crowdsec_fortinet-vpn-bf.log');
const CB_EDR = samplePath('carbonblack_edr_json', 'cbedr_bus_watchlist.hit.process.jsonl');

async function newCase(dir: string): Promise<CaseStore> {
  return CaseStore.create(path.join(dir, 'c.tlcase'), { timezone: 'Asia/Tokyo' });
}

describe('ingestFile', () => {
  it('hashes, sniffs and parses the three foundation formats with no rejects', async () => {
    const dir = tempDir();
    const store = await newCase(dir);
    for (const [file, format] of [
      [SQUID, 'squid'],
      [FORTIGATE, 'fortigate'],
      [CB_EDR, 'carbonblack-edr'],
    ] as const) {
      const ev = await ingestFile(store, { path: file, timezone: 'Asia/Tokyo' });
      expect(ev.format).toBe(format);
      expect(ev.events).toBeGreaterThan(0);
      expect(ev.rejected).toBe(0);
      expect(ev.status).toBe('complete');
      expect({ sha256: ev.sha256, sha1: ev.sha1, md5: ev.md5 }).toEqual(fileHashes(file));
    }
    store.close();
  });

  it('keeps provenance: each event points at its record as written', async () => {
    const dir = tempDir();
    const store = await newCase(dir);
    await ingestFile(store, { path: SQUID, timezone: 'UTC' });
    const [first] = firstEvents(store, undefined, 1);
    expect(first!.time).toBe('2023-08-08T17:15:39.857Z');
    expect(first!.source_line).toBe(1);
    const detail = eventDetail(store, Number(first!.id));
    expect(detail.original).toMatch(/^1691514939\.857\s+68 172\.16\.1\.21 TCP_MISS\/200/);
    expect(detail.provenance.sha256).toBe(fileHashes(SQUID).sha256);
    store.close();
  });

  it('survives close and reopen with the same events and hashes', async () => {
    const dir = tempDir();
    const store = await newCase(dir);
    await ingestFile(store, { path: SQUID, timezone: 'UTC' });
    await ingestFile(store, { path: FORTIGATE, timezone: 'UTC' });
    store.save();
    const before = { events: firstEvents(store, undefined, 1000), evidence: listEvidence(store) };
    store.close();
    const reopened = await CaseStore.open(path.join(dir, 'c.tlcase'));
    expect(firstEvents(reopened, undefined, 1000)).toEqual(before.events);
    expect(listEvidence(reopened)).toEqual(before.evidence);
    reopened.close();
  });

  it('stores unparseable records with line number and reason, never dropping them', async () => {
    const dir = tempDir();
    const store = await newCase(dir);
    const lines = readLinesOf(SQUID);
    const file = path.join(dir, 'access.log');
    writeFileSync(file, [lines[0], 'garbage that is not squid', lines[1], '1691520434.652 {truncated', ''].join('\n'));
    const ev = await ingestFile(store, { path: file, timezone: 'UTC' });
    expect(ev.events).toBe(2);
    expect(ev.rejected).toBe(2);
    const rejects = store.all<{ line: number; reason: string; raw: string }>(
      'SELECT line, reason, raw FROM rejected_record ORDER BY line',
    );
    expect(rejects.map((r) => r.line)).toEqual([2, 4]);
    expect(rejects[0]!.raw).toBe('garbage that is not squid');
    expect(rejects[0]!.reason.length).toBeGreaterThan(5);
    store.close();
  });

  it('streams: lines crossing 1 MiB chunk boundaries keep exact counts and offsets', async () => {
    const dir = tempDir();
    const store = await newCase(dir);
    const base = readLinesOf(SQUID);
    const out: string[] = [];
    for (let i = 0; i < 30_000; i++) out.push(base[i % base.length]!);
    const file = path.join(dir, 'big.log');
    writeFileSync(file, out.join('\n') + '\n');
    const ev = await ingestFile(store, { path: file, timezone: 'UTC' });
    expect(ev.events).toBe(30_000);
    expect(ev.rejected).toBe(0);
    const last = store.all<{ id: number; source_line: number }>(
      'SELECT id, source_line FROM events ORDER BY source_line DESC LIMIT 1',
    )[0]!;
    expect(last.source_line).toBe(30_000);
    expect(eventDetail(store, last.id).original).toBe(out[29_999]);
    store.close();
  });

  it('refuses binary and empty files and an already-ingested file, naming the reason', async () => {
    const dir = tempDir();
    const store = await newCase(dir);
    const bin = path.join(dir, 'random.bin');
    writeFileSync(bin, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const empty = path.join(dir, 'empty.log');
    writeFileSync(empty, '');
    await expect(ingestFile(store, { path: bin, timezone: 'UTC' })).rejects.toThrow(/binary/);
    await expect(ingestFile(store, { path: empty, timezone: 'UTC' })).rejects.toThrow(/empty file/);
    await ingestFile(store, { path: SQUID, timezone: 'UTC' });
    await expect(ingestFile(store, { path: SQUID, timezone: 'UTC' })).rejects.toThrow(/already in this case as evidence #1/);
    expect(listEvidence(store)).toHaveLength(1);
    expect(Number(store.scalar('SELECT count(*) FROM event_row'))).toBe(5);
    store.close();
  });

  it('reads UTF-16LE with BOM and Japanese text', async () => {
    const dir = tempDir();
    const store = await newCase(dir);
    const line = 'date=2024-10-14 time=13:46:40 logid="0100032001" type="event" subtype="user" level="notice" user="山田太郎" action="login" msg="請求書.doc を開いた"';
    const file = path.join(dir, 'fgt-utf16.log');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${line}\r\n${line}\r\n`, 'utf16le')]));
    const ev = await ingestFile(store, { path: file, timezone: 'Asia/Tokyo' });
    expect(ev.encoding).toBe('utf-16le');
    expect(ev.events).toBe(2);
    const [first] = firstEvents(store, undefined, 1);
    expect(first!.user).toBe('山田太郎');
    expect(first!.time).toBe('2024-10-14T04:46:40.000Z');
    expect(eventDetail(store, Number(first!.id)).original).toBe(line);
    store.close();
  });
});

function readLinesOf(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean);
}
