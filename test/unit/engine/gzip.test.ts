import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../../electron/engine/ingest/file-ingest';
import { CaseStore } from '../../../electron/engine/store/case-store';
import { eventDetail } from '../../../electron/engine/ingest/original-record';
import { firstEvents } from '../../../electron/engine/store/event-pages';
import { fileHashes } from '../helpers/hash';
import { samplePath } from '../helpers/samples';
import { tempDir } from '../helpers/tmp';

const SQUID = samplePath('squid_native', 'logscale_squid_access.log');

async function newCase(dir: string): Promise<CaseStore> {
  return CaseStore.create(path.join(dir, 'c.tlcase'));
}

describe('gzip-compressed evidence', () => {
  it('ingests a .gz log: hashes of the file as given, records from its content, originals shown', async () => {
    const dir = tempDir();
    const gz = path.join(dir, 'access.log.1.gz');
    writeFileSync(gz, gzipSync(readFileSync(SQUID)));
    const store = await newCase(dir);
    const ev = await ingestFile(store, { path: gz, timezone: 'UTC' });
    expect([ev.format, ev.events, ev.rejected]).toEqual(['squid', 5, 0]);
    expect({ sha256: ev.sha256, sha1: ev.sha1, md5: ev.md5 }).toEqual(fileHashes(gz));
    const rows = firstEvents(store, undefined, 10);
    expect(rows[0]!.time).toBe('2023-08-08T17:15:39.857Z');
    const lines = readFileSync(SQUID, 'utf8').split('\n');
    expect(eventDetail(store, Number(rows[4]!.id)).original).toBe(lines[4]);
    store.close();
  });

  it('reads a large .gz as a stream, with lines crossing chunk boundaries', async () => {
    const dir = tempDir();
    const base = readFileSync(SQUID, 'utf8').trim().split('\n');
    // Distinct lines (the elapsed field varies) so the file does not compress like a bomb.
    const text = Array.from({ length: 40_000 }, (_, i) => base[i % 5]!.replace(/^(\S+)\s+\d+/, `$1 ${String(i).padStart(6)}`)).join('\n');
    const gz = path.join(dir, 'big.log.gz');
    writeFileSync(gz, gzipSync(text));
    const store = await newCase(dir);
    const ev = await ingestFile(store, { path: gz, timezone: 'UTC' });
    expect([ev.events, ev.rejected]).toEqual([40_000, 0]);
    const last = store.all<{ id: number }>('SELECT id FROM events ORDER BY source_line DESC LIMIT 1')[0]!;
    expect(eventDetail(store, last.id).original).toBe(text.slice(text.lastIndexOf('\n') + 1));
    store.close();
  });

  it('stops a decompression bomb with a clear reason and keeps nothing of it', async () => {
    const dir = tempDir();
    const line = readFileSync(SQUID, 'utf8').split('\n')[0]!;
    const gz = path.join(dir, 'bomb.log.gz');
    // A valid first line (so the file is recognized), then 200 MB of one repeated byte.
    writeFileSync(gz, gzipSync(Buffer.concat([Buffer.from(`${line}\n`), Buffer.alloc(200 << 20, 0x41)]), { level: 9 }));
    const store = await newCase(dir);
    await expect(ingestFile(store, { path: gz, timezone: 'UTC' })).rejects.toThrow(/possible decompression bomb/);
    expect(Number(store.scalar('SELECT count(*) FROM evidence'))).toBe(0);
    expect(Number(store.scalar('SELECT count(*) FROM event_row'))).toBe(0);
    store.close();
  });

  it('refuses damaged gzip data by name', async () => {
    const dir = tempDir();
    const gz = path.join(dir, 'cut.log.gz');
    const whole = gzipSync(readFileSync(SQUID));
    writeFileSync(gz, Buffer.concat([whole.subarray(0, 10), Buffer.alloc(64, 0xff)]));
    const store = await newCase(dir);
    await expect(ingestFile(store, { path: gz, timezone: 'UTC' })).rejects.toThrow(/gzip/);
    store.close();
  });
});
