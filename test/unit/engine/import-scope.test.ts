// Import scoping (ingest/scope/): an ingest told to keep a time window, some hosts or
// addresses, or what an indicator list names keeps exactly that, says in the custody log what
// it was told and how much it left out, and still hashes the file whole.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ingestWithCustody } from '../../../electron/engine/custody/ingest-custody';
import { CaseSession } from '../../../electron/engine/custody/session';
import type { ImportScope } from '../../../electron/engine/ingest/scope/types';
import { readIndicatorList } from '../../../electron/engine/ingest/scope/ioc-list';
import { setIngestWorkerScript } from '../../../electron/engine/ingest/worker-pass';
import { tempDir } from '../helpers/tmp';
import { buildWorkerBundle } from '../helpers/worker-bundle';

let workerScript = '';

beforeAll(async () => {
  // The worker as the build writes it, from the sources under test: the scope is decided there.
  workerScript = path.join(mkdtempSync(path.join(os.tmpdir(), 'tracelight-worker-')), 'ingest-worker.mjs');
  await buildWorkerBundle('electron/engine/ingest/ingest-worker.ts', workerScript);
}, 60_000);

afterEach(() => setIngestWorkerScript(undefined));

// A Squid log, one line a minute from 2026-10-05T00:00:00Z, clients 10.0.0.1-10.0.0.4, sites
// site0..site4 (one of them Japanese), written here so the expected sets are computed from
// the lines themselves, not from the parser.
const T0 = Date.parse('2026-10-05T00:00:00Z');
const N = 240;
const SITES = ['site0.example', 'site1.example', 'evil.example-invoice.top', 'site3.example', '請求書.example.jp'];
const line = (i: number) => {
  const client = `10.0.0.${1 + (i % 4)}`;
  const site = SITES[i % 5]!;
  return { i, time: T0 + i * 60_000, client, site, text: `${((T0 + i * 60_000) / 1000).toFixed(3)}     12 ${client} TCP_MISS/200 512 GET http://${site}/p${i} - HIER_DIRECT/198.51.100.${i % 7} text/html` };
};
const LINES = Array.from({ length: N }, (_, i) => line(i));

async function scoped(scope: ImportScope) {
  const dir = tempDir();
  const file = path.join(dir, 'access.log');
  writeFileSync(file, `${LINES.map((l) => l.text).join('\n')}\n`);
  const s = await CaseSession.open(path.join(dir, 'c.tlcase'), { examiner: 'Examiner A', create: { timezone: 'UTC' } });
  const ev = await ingestWithCustody(s, { path: file, timezone: 'UTC', scope });
  const lines = s.store.all<{ source_line: number }>('SELECT source_line FROM event_row ORDER BY source_line').map((r) => Number(r.source_line) - 1);
  const log = s.store.all<{ action: string; details: string }>('SELECT action, details FROM custody_log ORDER BY id');
  const entry = (action: string) => JSON.parse(log.find((e) => e.action === action)!.details) as Record<string, unknown>;
  const result = { ev, kept: lines, parsed: entry('evidence.parsed'), added: entry('evidence.added'), started: entry('ingest.started'), sha256: createHash('sha256').update(readFileSync(file)).digest('hex'), dir };
  s.close();
  return result;
}

describe('import scoping', () => {
  for (const worker of [false, true]) {
    it(`keeps a time window, inclusive at both ends (${worker ? 'worker' : 'single thread'})`, async () => {
      setIngestWorkerScript(worker ? workerScript : null);
      const r = await scoped({ since: '2026-10-05T01:00:00Z', until: '2026-10-05T11:30:00+09:00' });
      const expected = LINES.filter((l) => l.time >= Date.parse('2026-10-05T01:00:00Z') && l.time <= Date.parse('2026-10-05T02:30:00Z')).map((l) => l.i);
      expect(expected.length).toBe(91);
      expect(r.kept).toEqual(expected);
      expect(r.ev.events).toBe(91);
      // The custody log: what was asked, what was kept and left out, and the whole file's hash.
      expect(r.started.scope).toEqual({ since: '2026-10-05T01:00:00Z', until: '2026-10-05T11:30:00+09:00' });
      expect([r.parsed.events, r.parsed.scopedOut, r.parsed.scope]).toEqual([91, N - 91, r.started.scope]);
      expect(r.added.sha256).toBe(r.sha256);
    });
  }

  it('keeps events of the given addresses and CIDR blocks (source or destination)', async () => {
    const r = await scoped({ ips: ['10.0.0.2', '198.51.100.0/30'] });
    const expected = LINES.filter((l) => l.client === '10.0.0.2' || l.i % 7 <= 3).map((l) => l.i);
    expect(r.kept).toEqual(expected);
    expect(r.parsed.scopedOut).toBe(N - expected.length);
  });

  it('keeps lines that name an indicator of the list (case-insensitive, Japanese included)', async () => {
    const dir = tempDir();
    const list = path.join(dir, 'iocs.txt');
    writeFileSync(list, '# from the CERT advisory\nEVIL.example-invoice.top\n\n請求書.example.jp\n');
    const indicators = readIndicatorList(list);
    expect(indicators.values).toEqual(['EVIL.example-invoice.top', '請求書.example.jp']);
    const r = await scoped({ indicators });
    const expected = LINES.filter((l) => l.i % 5 === 2 || l.i % 5 === 4).map((l) => l.i);
    expect(r.kept).toEqual(expected);
    expect((r.parsed.scope as ImportScope).indicators!.sha256).toBe(createHash('sha256').update(readFileSync(list)).digest('hex'));
    expect(r.parsed.scopedOut).toBe(N - expected.length);
  });

  it('combines conditions: all must hold', async () => {
    const r = await scoped({ since: '2026-10-05T03:00:00Z', ips: ['10.0.0.1'] });
    expect(r.kept).toEqual(LINES.filter((l) => l.time >= T0 + 3 * 3600_000 && l.client === '10.0.0.1').map((l) => l.i));
  });

  it('an unscoped ingest records no scope', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.log');
    writeFileSync(file, `${LINES[0]!.text}\n`);
    const s = await CaseSession.open(path.join(dir, 'c.tlcase'), { examiner: 'Examiner A', create: { timezone: 'UTC' } });
    await ingestWithCustody(s, { path: file, timezone: 'UTC' });
    const parsed = JSON.parse(String(s.store.scalar("SELECT details FROM custody_log WHERE action = 'evidence.parsed'"))) as Record<string, unknown>;
    expect('scope' in parsed || 'scopedOut' in parsed).toBe(false);
    s.close();
  });
});
