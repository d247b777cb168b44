// Issue 11, "never blocked": the page's reads answered by the reader threads without passing
// through the engine thread (host/router.ts), so a long synchronous step there delays none of
// them; the engine thread answering when no reader runs; a read asked of a case that closes
// never answered from the next one; and a save that never waits for a long read.
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope, Method } from '../../../electron/common/protocol';
import { addTag } from '../../../electron/engine/custody/actions';
import { ingestWithCustody } from '../../../electron/engine/custody/ingest-custody';
import { CaseSession } from '../../../electron/engine/custody/session';
import { routeEngineThread } from '../../../electron/engine/host/engine-worker';
import type { EngineThreadData } from '../../../electron/engine/host/relay-messages';
import type { EngineRouter } from '../../../electron/engine/host/router';
import type { EnvelopeTransport } from '../../../electron/engine/rpc/dispatcher';
import { CaseHost } from '../../../electron/engine/rpc/case-host';
import { READ_METHODS } from '../../../electron/engine/rpc/readers/read-methods';
import { setReaderScript } from '../../../electron/engine/rpc/readers/reader-pool';
import { CaseStore } from '../../../electron/engine/store/case-store';
import { buildCase, FORTIGATE } from '../custody/helpers';
import { tempDir } from '../helpers/tmp';
import { buildWorkerBundle } from '../helpers/worker-bundle';

const REPO_ROOT = path.resolve(__dirname, '../../..');
// Bundles inside the repository, so that they find sql.js (and its vendored build) as dist/ does.
const cache = path.join(REPO_ROOT, 'node_modules', '.cache', 'tracelight-test');
const bundle = (name: string): string => path.join(cache, `${name}-${process.pid}.mjs`);
const gate = path.join(cache, `gate-${process.pid}`);

beforeAll(async () => {
  mkdirSync(cache, { recursive: true });
  // Readers and the engine thread inherit the environment: the gated reader finds its files.
  process.env.TRACELIGHT_TEST_GATE = gate;
  await Promise.all([
    buildWorkerBundle('test/unit/engine/fixtures/blockable-engine-thread.ts', bundle('engine-thread')),
    buildWorkerBundle('test/unit/engine/fixtures/gated-reader-thread.ts', bundle('reader-thread')),
  ]);
}, 120_000);

afterAll(() => {
  delete process.env.TRACELIGHT_TEST_GATE;
  for (const name of ['engine-thread', 'reader-thread']) rmSync(bundle(name), { force: true });
});

afterEach(() => {
  for (const f of ['armed', 'inside', 'release']) rmSync(`${gate}.${f}`, { force: true });
});

/** A page: a transport whose requests the test sends and whose answers it awaits. */
function page(router: EngineRouter): { call(method: string, args: unknown): Promise<Envelope & { type: 'response' }>; close(): void } {
  let deliver: (e: Envelope) => void = () => undefined;
  let closed: () => void = () => undefined;
  const waiting = new Map<number, (e: Envelope & { type: 'response' }) => void>();
  const transport: EnvelopeTransport = {
    send: (e) => {
      if (e.type === 'response') waiting.get(e.seq)?.(e);
    },
    onMessage: (cb) => (deliver = cb),
    onClose: (cb) => (closed = cb),
  };
  router.attach(transport);
  let seq = 1;
  return {
    call: (method, args) =>
      new Promise((resolve) => {
        const s = seq++;
        waiting.set(s, resolve);
        deliver({ type: 'request', seq: s, method: method as Method, args });
      }),
    close: () => closed(),
  };
}

const running: { worker: Worker; router: EngineRouter }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.router.close();
    await r.worker.terminate();
  }
});

async function engine(casePath: string, readers: boolean): Promise<{ worker: Worker; router: EngineRouter }> {
  const data: EngineThreadData = {
    service: { mode: 'desktop', workspaceDir: path.dirname(casePath), casePath },
    readerScript: readers ? bundle('reader-thread') : null,
  };
  const worker = new Worker(bundle('engine-thread'), { workerData: data });
  const router = await routeEngineThread(worker);
  running.push({ worker, router });
  return { worker, router };
}

/** Keeps the engine thread in one synchronous step until the returned function is called. */
async function blockEngine(worker: Worker): Promise<() => void> {
  const cells = new Int32Array(new SharedArrayBuffer(8));
  worker.postMessage({ kind: 'test-block', block: cells.buffer });
  while (Atomics.load(cells, 0) === 0) await new Promise((r) => setTimeout(r, 10));
  return () => {
    Atomics.store(cells, 1, 1);
    Atomics.notify(cells, 1);
  };
}

async function until(file: string): Promise<void> {
  while (!existsSync(file)) await new Promise((r) => setTimeout(r, 10));
}

const PAGE = { filter: { query: 'TCP_MISS OR dst_port:443' }, sort: { column: 'time' as const }, at: { kind: 'first' as const }, limit: 50 };

/** The answers the engine's own read functions give on the case as saved. */
async function direct(casePath: string): Promise<Record<string, unknown>> {
  const store = await CaseStore.open(casePath, { writer: false });
  try {
    return {
      keyset: READ_METHODS['events.keyset'](store, PAGE),
      count: READ_METHODS['events.count'](store, { filter: PAGE.filter }),
      facets: READ_METHODS['facets.counts'](store, { limit: 5 }).facets,
      histogram: READ_METHODS['histogram.get'](store, { stack: 'category' }),
    };
  } finally {
    store.close();
  }
}

/** A second case whose rows are a FortiGate log's, not the Squid log's of buildCase(). */
async function otherCase(dir: string): Promise<string> {
  const casePath = path.join(dir, 'other.tlcase');
  const evidence = path.join(dir, 'traffic.log');
  copyFileSync(FORTIGATE, evidence);
  const s = await CaseSession.open(casePath, { examiner: 'Examiner A', create: { timezone: 'UTC' } });
  await ingestWithCustody(s, { path: evidence, timezone: 'UTC' });
  s.close();
  return casePath;
}

describe('the router in front of the engine thread', () => {
  it('answers the grid, counts, facets and the histogram while the engine thread is kept busy, as the engine would', async () => {
    const casePath = await buildCase(tempDir());
    const expected = await direct(casePath);
    const { worker, router } = await engine(casePath, true);
    const p = page(router);
    const release = await blockEngine(worker);
    try {
      // The engine thread cannot answer anything now: these are the readers' answers.
      const [keyset, count, facets, histogram] = await Promise.all([
        p.call('events.keyset', PAGE),
        p.call('events.count', { filter: PAGE.filter }),
        p.call('facets.counts', { limit: 5 }),
        p.call('histogram.get', { stack: 'category' }),
      ]);
      expect(keyset).toMatchObject({ ok: true, value: expected.keyset });
      expect(count).toMatchObject({ ok: true, value: expected.count });
      expect(facets.ok && (facets.value as { facets: unknown }).facets).toEqual(expected.facets);
      expect(histogram).toMatchObject({ ok: true, value: expected.histogram });
      expect(router.answered).toEqual({ reader: 4, engine: 0 });
      // Arguments are checked as the engine checks them: a bad query is an error, not a crash.
      const bad = await p.call('events.keyset', { ...PAGE, sort: { column: 'no_such_column' } });
      expect(bad.ok).toBe(false);
      // The query bar's parse needs no case: answered here too, as the engine answers it.
      const parsed = await p.call('search.parse', { query: 'host:WS-TKY-014 (rundll32 OR regsvr32) -user:system' });
      expect(parsed).toMatchObject({ ok: true, value: { ok: true, clauses: [{ text: 'host:WS-TKY-014' }, { text: '(rundll32 OR regsvr32)' }, { text: 'user:system', negated: true }] } });
      const wrong = await p.call('search.parse', { query: 'dst_port:abc' });
      expect(wrong).toMatchObject({ ok: true, value: { ok: false } });
    } finally {
      release();
    }
    // Everything else still goes to the engine thread, once it is free again.
    const info = await p.call('case.current', {});
    expect(info).toMatchObject({ ok: true, value: { path: casePath } });
  });

  it('sends reads to the engine thread when no reader runs, with the same answers', async () => {
    const casePath = await buildCase(tempDir());
    const expected = await direct(casePath);
    const { router } = await engine(casePath, false);
    const p = page(router);
    expect(await p.call('events.keyset', PAGE)).toMatchObject({ ok: true, value: expected.keyset });
    expect(await p.call('events.count', { filter: PAGE.filter })).toMatchObject({ ok: true, value: expected.count });
    expect(router.answered).toEqual({ reader: 0, engine: 2 });
  });

  it("reads a query's rows before its aggregates, which wait while the rows are read", async () => {
    const casePath = await buildCase(tempDir());
    const { router } = await engine(casePath, true);
    router.aggregateHoldMs = 60_000;
    const p = page(router);
    await Promise.all([p.call('events.keyset', PAGE), p.call('events.count', {}), p.call('facets.counts', { limit: 5 }), p.call('histogram.get', {})]);
    writeFileSync(`${gate}.armed`, '');
    const order: string[] = [];
    const rows = p.call('events.keyset', PAGE).then((r) => (order.push('rows'), r));
    await until(`${gate}.inside`);
    // The grid's read is held mid-way; the facets of the same query wait for it.
    const facets = p.call('facets.counts', { limit: 5 }).then((r) => (order.push('facets'), r));
    await new Promise((r) => setTimeout(r, 300));
    expect(order).toEqual([]);
    writeFileSync(`${gate}.release`, '');
    const [r, f] = await Promise.all([rows, facets]);
    expect(order).toEqual(['rows', 'facets']);
    expect(r.ok && f.ok).toBe(true);
  });

  it('never answers a read asked of a case that closed with the rows of the case opened next', async () => {
    const dir = tempDir();
    const first = await buildCase(dir);
    const second = await otherCase(dir);
    const { router } = await engine(first, true);
    const p = page(router);
    // Every reader has opened the first case (so that none of them meets the gate opening it).
    await Promise.all([p.call('events.keyset', PAGE), p.call('events.count', {}), p.call('facets.counts', { limit: 5 }), p.call('histogram.get', {})]);
    writeFileSync(`${gate}.armed`, '');
    const asked = p.call('events.keyset', { at: { kind: 'first' }, limit: 500 });
    await until(`${gate}.inside`);
    // The read is at the first case's reader; another case opens meanwhile.
    expect(await p.call('case.open', { path: second })).toMatchObject({ ok: true, value: { path: second } });
    writeFileSync(`${gate}.release`, '');
    const answer = await asked;
    expect(answer.ok).toBe(false);
    expect(answer.ok === false && answer.error.message).toMatch(/case changed/);
    // Asked now, the read is the second case's (whose rows differ from the first's).
    const now = await p.call('events.keyset', PAGE);
    const [a, b] = [await direct(first), await direct(second)];
    expect(b.keyset).not.toEqual(a.keyset);
    expect(now).toMatchObject({ ok: true, value: b.keyset });
  });

  it('answers what was out at an engine thread that stopped with the reason, and says it stopped', async () => {
    const casePath = await buildCase(tempDir());
    const { worker, router } = await engine(casePath, true);
    const stopped: Error[] = [];
    router.onEngineGone((err) => stopped.push(err));
    const p = page(router);
    await blockEngine(worker);
    const asked = p.call('case.current', {});
    await worker.terminate();
    const answer = await asked;
    expect(answer.ok === false && answer.error.message).toMatch(/engine stopped/);
    expect(stopped).toHaveLength(1);
    // Asked afterwards, a request is refused at once rather than lost.
    expect((await p.call('case.list', {})).ok).toBe(false);
  });
});

describe('a save and a long read', () => {
  let host: CaseHost;
  beforeAll(() => setReaderScript(bundle('reader-thread')));
  afterAll(() => {
    host?.closeSession();
    setReaderScript(undefined);
  });

  it('the save goes first; the read restarts and answers from that whole save', async () => {
    host = new CaseHost(() => 'Examiner A');
    await host.openCase(await buildCase(tempDir()));
    const ids = (await host.read('events.keyset', { at: { kind: 'first' }, limit: 3 })).rows.map((r) => Number(r.id));
    await Promise.all([host.read('events.count', {}), host.read('facets.counts', { limit: 5 }), host.read('histogram.get', { stack: 'category' })]);
    writeFileSync(`${gate}.armed`, '');
    const read = host.read('events.keyset', { filter: { query: 'tag:gate' }, at: { kind: 'first' }, limit: 10 });
    await until(`${gate}.inside`);
    // The reader holds the read lock mid-read. Without stepping aside it would finish from the
    // save before this one (no row tagged), and only then let the save write.
    await host.act((s) => {
      addTag(s, ids[0]!, 'gate');
      addTag(s, ids[2]!, 'gate');
    });
    const rows = (await read).rows.map((r) => Number(r.id)).sort((a, b) => a - b);
    expect(rows).toEqual([ids[0], ids[2]].sort((a, b) => a! - b!));
  });
});
