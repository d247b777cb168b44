// How long a grid read takes, as a page sees it over serve's WebSocket, while the engine is busy
// with a long job: the full-text index being built (the first opening of a freshly ingested case)
// and detection. Run with the engine in the serving thread (TRACELIGHT_ENGINE_THREAD=0, before
// issue 11's router) and on its own thread behind the router, one after the other on copies of
// the same case, so both meet the same machine. Node only (no browser): the read latency is the
// WebSocket round trip from a client in another process.
//   node test/bench/relay-latency.mjs            (BENCH_RELAY_EVENTS=200000, BENCH_WORKSPACE_REUSE=1)
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { generateDetect } from './generate-detect.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = path.join(root, '.bench', 'relay');
const size = Number(process.env.BENCH_RELAY_EVENTS ?? 200_000);
const cli = path.join(root, 'bin/tracelight.mjs');
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : null;
};
const round = (x) => (x === null ? null : Math.round(x));

function pristineCase() {
  mkdirSync(work, { recursive: true });
  const c = path.join(work, `pristine-${size}.tlcase`);
  if (process.env.BENCH_WORKSPACE_REUSE === '1' && existsSync(c)) return c;
  return null;
}

async function prepare() {
  const reused = pristineCase();
  if (reused) return reused;
  const edr = path.join(work, `edr-${size}.jsonl`);
  const squid = path.join(work, `squid-${size}.log`);
  if (!existsSync(edr) || !existsSync(squid)) await generateDetect(edr, squid, size);
  const c = path.join(work, `pristine-${size}.tlcase`);
  rmSync(c, { force: true });
  // The CLI ingests without building the full-text index: serve builds it at the first opening.
  const r = spawnSync(process.execPath, [cli, 'ingest', c, edr, squid, '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`ingest failed: ${r.stderr}`);
  return c;
}

async function startServe(workspace, env) {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--workspace', workspace], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const trace = [];
  createInterface({ input: child.stderr }).on('line', (l) => trace.push(l));
  const url = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  return { url: new URL(url), trace, stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))) };
}

async function connect(url) {
  const ws = new WebSocket(`ws://${url.host}/rpc?token=${url.searchParams.get('token')}`, { headers: { origin: `http://${url.host}` } });
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  let seq = 1;
  const pending = new Map();
  ws.on('message', (data) => {
    const env = JSON.parse(String(data));
    if (env.type === 'response') pending.get(env.seq)?.(env);
  });
  const call = (method, args = {}) =>
    new Promise((resolve) => {
      const s = seq++;
      pending.set(s, resolve);
      ws.send(JSON.stringify({ type: 'request', seq: s, method, args }));
    });
  return { call, close: () => ws.close() };
}

/** Grid reads every 100 ms while `job` runs; latency of each from send to answer. */
async function readsWhile(rpc, job) {
  let running = true;
  const finished = job().finally(() => (running = false));
  const during = [];
  let errors = 0;
  for (let i = 0; running; i++) {
    const t0 = performance.now();
    const r = await rpc.call('events.keyset', { filter: { query: `host:wks-${String(100 + (i % 50)).padStart(3, '0')}.corp.local` }, at: { kind: 'first' }, limit: 200 });
    if (!r.ok) errors++;
    during.push(performance.now() - t0);
    await new Promise((res) => setTimeout(res, 100));
  }
  const jobResult = await finished;
  return { reads: during.length, errors, ...stats(during), job: jobResult, latencies: during };
}

function stats(xs) {
  return { median_ms: round(pct(xs, 0.5)), p95_ms: round(pct(xs, 0.95)), max_ms: xs.length ? round(Math.max(...xs)) : null };
}

/**
 * The part of each read's latency that was not the read itself: the reader's trace line gives
 * how long it waited for the lock, reopened and ran; the rest is the way there and back (and,
 * with the engine relaying, the time the engine's thread kept the request or answer waiting).
 * The bench's client is the only one asking for keyset pages, one at a time, so the grid
 * reader's lines are its reads in order.
 */
function relayShare(trace, fts, detect) {
  const work = [];
  let aside = 0;
  for (const l of trace) {
    // A read that stepped aside for a save: its first attempt counts as the read's own time.
    const stepped = /^reader events\.keyset stepped aside for a save after ([\d.]+) ms/.exec(l);
    if (stepped) aside += Number(stepped[1]);
    if (!l.startsWith('reader events.keyset waited')) continue;
    work.push(aside + [...l.matchAll(/(waited|reopened|ran) ([\d.]+) ms/g)].reduce((n, m) => n + Number(m[2]), 0));
    aside = 0;
  }
  if (work.length !== fts.length + detect.length) return { unmatched: `${work.length} reader lines for ${fts.length + detect.length} reads` };
  return {
    during_fts_build: stats(fts.map((ms, i) => ms - work[i])),
    during_detection: stats(detect.map((ms, i) => ms - work[fts.length + i])),
  };
}

async function measure(pristine, mode) {
  const dir = path.join(work, `ws-${mode}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const c = path.join(dir, 'case.tlcase');
  copyFileSync(pristine, c);
  // The custody journal beside the case goes with it.
  if (existsSync(`${pristine}.journal`)) copyFileSync(`${pristine}.journal`, `${c}.journal`);
  const serve = await startServe(dir, { TRACELIGHT_ENGINE_THREAD: mode === 'router' ? '1' : '0', TRACELIGHT_RPC_TRACE: '1' });
  try {
    const rpc = await connect(serve.url);
    const opened = await rpc.call('case.open', { path: c });
    if (!opened.ok) throw new Error(opened.error.message);
    const load = { fts: os.loadavg()[0] };
    const fts = await readsWhile(rpc, async () => {
      const t0 = performance.now();
      for (;;) {
        const s = await rpc.call('search.fts', {});
        // The full-text index, then the workspace's indexes (a CREATE INDEX each).
        if (!s.ok || (s.value.state !== 'building' && s.value.pendingIndexes === 0)) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      return { seconds: +((performance.now() - t0) / 1000).toFixed(1) };
    });
    load.detect = os.loadavg()[0];
    const detect = await readsWhile(rpc, async () => {
      const t0 = performance.now();
      const r = await rpc.call('detect.run', {});
      return { seconds: +((performance.now() - t0) / 1000).toFixed(1), ok: r.ok };
    });
    rpc.close();
    await new Promise((r) => setTimeout(r, 200));
    // The serve process's TRACELIGHT_RPC_TRACE lines (engine, readers, router), to look into.
    writeFileSync(path.join(work, `trace-${mode}.log`), serve.trace.join('\n'));
    const share = relayShare(serve.trace, fts.latencies, detect.latencies);
    delete fts.latencies;
    delete detect.latencies;
    return { mode, loadavg_1m_at_start: load, during_fts_build: fts, during_detection: detect, latency_outside_the_read: share, relay_lines: serve.trace.filter((l) => l.startsWith('relay ')).length };
  } finally {
    await serve.stop();
  }
}

const pristine = await prepare();
const events = JSON.parse(spawnSync(process.execPath, [cli, 'query', pristine, 'SELECT count(*) AS n FROM events', '--json'], { encoding: 'utf8' }).stdout)[0].n;
const modes = (process.env.BENCH_RELAY_MODES ?? 'engine-thread,router').split(',').filter((m) => m === 'engine-thread' || m === 'router');
const results = [];
for (const mode of modes) results.push(await measure(pristine, mode));
console.log(JSON.stringify({ date: new Date().toISOString(), events, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, results }, null, 2));
