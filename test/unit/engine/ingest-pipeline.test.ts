// The fast ingest pipeline (worker thread, batched rows bound straight into SQLite's heap,
// case saved from SQLite's own file image) must store exactly what the plain path stores.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../../electron/engine/ingest/file-ingest';
import { setIngestWorkerScript } from '../../../electron/engine/ingest/worker-pass';
import { CaseStore } from '../../../electron/engine/store/case-store';
import { loadedSqlJs, loadSqlJs } from '../../../electron/engine/store/sqljs';
import { fileHashes } from '../helpers/hash';
import { samplePath } from '../helpers/samples';
import { tempDir } from '../helpers/tmp';
import { buildWorkerBundle } from '../helpers/worker-bundle';

let workerScript = '';

beforeAll(async () => {
  // The worker as the build writes it, from the sources under test.
  const dir = tempDir();
  workerScript = path.join(dir, 'ingest-worker.mjs');
  await buildWorkerBundle('electron/engine/ingest/ingest-worker.ts', workerScript);
}, 60_000);

afterEach(() => setIngestWorkerScript(undefined));

/** An NCSA log with ~3 MiB of lines (several chunks and batches), Japanese text, blanks and broken lines. */
function ncsaLog(dir: string, lines = 16_000): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    if (i % 5000 === 17) out.push('this is not an access log line');
    else if (i % 4000 === 3) out.push('');
    else {
      const ip = `10.${i % 7}.${i % 251}.${1 + (i % 200)}`;
      const pathPart = i % 3 === 0 ? '/請求書.doc' : `/static/app${i}.js?q=${'x'.repeat(i % 90)}`;
      out.push(`${ip} - ${i % 11 === 0 ? 'ユーザー' : '-'} [10/Oct/2025:13:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} +0900] "GET ${pathPart} HTTP/1.1" 200 ${i} "-" "agent ${i % 13}"`);
    }
  }
  const file = path.join(dir, 'access.log');
  writeFileSync(file, `${out.join('\r\n')}\n`);
  return file;
}

async function ingestInto(dir: string, name: string, file: string, worker: boolean) {
  setIngestWorkerScript(worker ? workerScript : null);
  const store = await CaseStore.create(path.join(dir, `${name}.tlcase`), { timezone: 'UTC' });
  const ev = await ingestFile(store, { path: file, timezone: 'Asia/Tokyo' });
  const rows = store.db.exec('SELECT * FROM event_row ORDER BY id')[0]!.values;
  const rejects = store.db.exec('SELECT evidence_id, line, byte_offset, reason, raw FROM rejected_record ORDER BY id')[0]?.values ?? [];
  return { store, ev, rows, rejects };
}

describe('ingest pipeline', () => {
  it('stores the same rows, rejects, counts and hashes with the parse worker as without it', async () => {
    const dir = tempDir();
    const file = ncsaLog(dir);
    const plain = await ingestInto(dir, 'plain', file, false);
    const worker = await ingestInto(dir, 'worker', file, true);
    expect(worker.ev.events).toBe(plain.ev.events);
    expect(worker.ev.rejected).toBe(4);
    expect(plain.ev.rejected).toBe(4);
    expect(worker.ev.events + worker.ev.rejected).toBe(16_000 - 4); // four blank lines are skipped
    expect({ sha256: worker.ev.sha256, sha1: worker.ev.sha1, md5: worker.ev.md5 }).toEqual(fileHashes(file));
    expect(worker.rows).toEqual(plain.rows);
    expect(worker.rejects).toEqual(plain.rejects);
    // Text went through UTF-8 byte buffers and raw binds: check it came back as written.
    const ja = plain.store.db.exec("SELECT count(*) FROM event_row WHERE url = '/請求書.doc' AND user = 'ユーザー'")[0]!.values[0]![0];
    expect(ja).toBeGreaterThan(0);
    plain.store.close();
    worker.store.close();
  });

  it('stores the same rows through plain sql.js statements when the vendored heap hook is missing', async () => {
    await loadSqlJs();
    const SQL = loadedSqlJs()!;
    const dir = tempDir();
    const file = ncsaLog(dir, 3000);
    const fast = await ingestInto(dir, 'fast', file, false);
    const heap = SQL.tracelightHeap;
    delete SQL.tracelightHeap;
    try {
      const slow = await ingestInto(dir, 'slow', file, false);
      expect(slow.rows).toEqual(fast.rows);
      expect(slow.rejects).toEqual(fast.rejects);
      slow.store.close();
    } finally {
      SQL.tracelightHeap = heap;
    }
    fast.store.close();
  });

  it('reports a damaged .gz read by the worker with the same reason as without it', async () => {
    const dir = tempDir();
    const good = gzipSync(Buffer.from('1691514939.857     68 172.16.1.21 TCP_MISS/200 1234 GET http://a.example/ - HIER_DIRECT/1.2.3.4 text/html\n'.repeat(4000)));
    const file = path.join(dir, 'access.log.gz');
    writeFileSync(file, good.subarray(0, good.length - 40));
    const reasons: string[] = [];
    for (const worker of [false, true]) {
      setIngestWorkerScript(worker ? workerScript : null);
      const store = await CaseStore.create(path.join(dir, `gz-${worker}.tlcase`), { timezone: 'UTC' });
      reasons.push(await ingestFile(store, { path: file, timezone: 'UTC' }).then(() => 'ingested', (e: Error) => `${e.name}: ${e.message}`));
      expect(Number(store.scalar('SELECT count(*) FROM event_row'))).toBe(0);
      store.close();
    }
    expect(reasons[1]).toBe(reasons[0]);
    expect(reasons[0]).toMatch(/^UnreadableInputError: /);
  });

  it('saves from SQLite\'s own image, reopens without copying, and keeps growing after reopening', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'c.tlcase');
    setIngestWorkerScript(workerScript);
    let store = await CaseStore.create(file, { timezone: 'UTC' });
    await ingestFile(store, { path: samplePath('squid_native', 'logscale_squid_access.log'), timezone: 'UTC' });
    store.save();
    const first = Number(store.scalar('SELECT count(*) FROM event_row'));
    store.close();
    store = await CaseStore.open(file);
    await ingestFile(store, { path: ncsaLog(dir), timezone: 'UTC' });
    store.save();
    const both = Number(store.scalar('SELECT count(*) FROM event_row'));
    store.close();
    store = await CaseStore.open(file);
    expect(Number(store.scalar('SELECT count(*) FROM event_row'))).toBe(both);
    expect(both).toBeGreaterThan(first);
    expect(store.db.exec('PRAGMA integrity_check')[0]!.values[0]![0]).toBe('ok');
    // A save inside a transaction would write pages that are not a consistent database.
    store.db.exec('BEGIN');
    expect(() => store.save()).toThrow(/transaction/);
    store.db.exec('ROLLBACK');
    store.close();
  });
});
