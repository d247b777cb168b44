// The desktop engine host (engine/host/utility-process.ts) as built: its main thread keeps the
// page's port and routes, the engine service runs on a worker thread, and the grid's reads are
// answered by the reader threads (the router's trace says who answered).
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../electron/common/protocol';
import { READ_METHODS } from '../../../electron/engine/rpc/readers/read-methods';
import { CaseStore } from '../../../electron/engine/store/case-store';
import { buildCase } from '../custody/helpers';
import { tempDir } from '../helpers/tmp';
import { buildWorkerBundle } from '../helpers/worker-bundle';

const REPO_ROOT = path.resolve(__dirname, '../../..');
// The three bundles side by side, as dist/electron/ holds them (each finds the next beside it).
const dir = path.join(REPO_ROOT, 'node_modules', '.cache', 'tracelight-test', `engine-host-${process.pid}`);

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  await Promise.all([
    buildWorkerBundle('test/unit/electron/fixtures/utility-process-shim.ts', path.join(dir, 'engine-host.mjs')),
    buildWorkerBundle('electron/engine/host/engine-thread.ts', path.join(dir, 'engine-thread.mjs')),
    buildWorkerBundle('electron/engine/rpc/readers/reader-thread.ts', path.join(dir, 'reader-thread.mjs')),
  ]);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the desktop engine host', () => {
  it('serves a page port through the router: the case opens on the engine thread, the grid is read by a reader thread', async () => {
    const casePath = await buildCase(tempDir());
    const host = new Worker(path.join(dir, 'engine-host.mjs'), {
      argv: [`--workspace=${tempDir()}`],
      env: { ...process.env, TRACELIGHT_RPC_TRACE: '1' },
      stderr: true,
    });
    let trace = '';
    host.stderr.on('data', (chunk: Buffer) => (trace += chunk.toString()));
    const { port1: page, port2 } = new MessageChannel();
    host.postMessage({ type: 'engine-port', port: port2 }, [port2]);
    const waiting = new Map<number, (e: Envelope) => void>();
    const events: string[] = [];
    page.on('message', (e: Envelope) => {
      if (e.type === 'response') waiting.get(e.seq)?.(e);
      else if (e.type === 'event') events.push(e.name);
    });
    let seq = 1;
    const call = (method: string, args: unknown): Promise<Envelope> =>
      new Promise((resolve) => {
        const s = seq++;
        waiting.set(s, resolve);
        page.postMessage({ type: 'request', seq: s, method, args });
      });
    try {
      expect(await call('case.open', { path: casePath })).toMatchObject({ ok: true, value: { path: casePath } });
      expect(events).toContain('case.changed');
      const args = { filter: { query: 'TCP_MISS' }, at: { kind: 'first' }, limit: 20 };
      const answer = await call('events.keyset', args);
      const store = await CaseStore.open(casePath, { writer: false });
      try {
        expect(answer).toMatchObject({ ok: true, value: READ_METHODS['events.keyset'](store, args as never) });
      } finally {
        store.close();
      }
      // Trace lines cross two threads to get here.
      for (let i = 0; i < 100 && !/relay events\.keyset .* by reader/.test(trace); i++) await new Promise((r) => setTimeout(r, 20));
      expect(trace).toMatch(/relay events\.keyset [\d.]+ ms by reader/);
      expect(trace).toMatch(/relay case\.open [\d.]+ ms by engine/);
    } finally {
      page.close();
      await host.terminate();
    }
  });
});
