// Durability with a real `kill -9`: the engine process is killed right after it reports a
// note as saved, or in the middle of an ingest; the case must reopen with the note, or with
// the interrupted evidence marked incomplete and removable.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CaseSession } from '../../../electron/engine/custody/session';
import { CLI, tracelight } from '../helpers/cli';
import { samplePath } from '../helpers/samples';
import { tempDir } from '../helpers/tmp';
// @ts-expect-error: plain ESM helper without types (test/bench)
import { generateSquid } from '../../bench/generate-squid.mjs';

const NOTE = 'kill -9 の直前に保存したメモ';

function exited(child: ChildProcess): Promise<NodeJS.Signals | number | null> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
}

async function startServe(casePath: string, workspace: string): Promise<{ child: ChildProcess; url: URL }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--case', casePath, '--workspace', workspace, '--examiner', '伊藤'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  return { child, url: new URL(line) };
}

/** Sends one request and resolves with its response; `onResponse` runs synchronously first. */
function call(ws: WebSocket, method: string, args: unknown, onResponse: () => void): Promise<{ ok: boolean; value?: unknown }> {
  return new Promise((resolve) => {
    ws.on('message', (data: Buffer) => {
      const msg = JSON.parse(data.toString()) as { type: string; seq: number; ok: boolean; value?: unknown };
      if (msg.type !== 'response' || msg.seq !== 1) return;
      onResponse();
      resolve(msg);
    });
    ws.send(JSON.stringify({ type: 'request', seq: 1, method, args }));
  });
}

describe('durability under kill -9', () => {
  it('a note the engine answered as saved survives a kill -9 1 ms later', async () => {
    const dir = tempDir();
    const c = path.join(dir, 'ws', 'k.tlcase');
    const log = path.join(dir, 'access.log');
    mkdirSync(path.dirname(c));
    copyFileSync(samplePath('squid_native', 'logscale_squid_access.log'), log);
    expect(tracelight(['ingest', c, log, '--examiner', 'A']).code).toBe(0);

    const { child, url } = await startServe(c, path.dirname(c));
    const gone = exited(child);
    const ws = new WebSocket(`ws://127.0.0.1:${url.port}/rpc`, {
      headers: { origin: url.origin, cookie: `tracelight_session=${url.searchParams.get('token')}` },
    });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const reply = await call(ws, 'notes.add', { eventId: 4, text: NOTE }, () => {
      setTimeout(() => child.kill('SIGKILL'), 1);
    });
    expect(reply.ok).toBe(true);
    expect(await gone).toBe('SIGKILL');
    ws.terminate();
    // The action was saved into the case file before it was answered (no rollback journal is
    // left: the save was whole), and the custody journal holds it too.
    expect(existsSync(`${c}.rollback`)).toBe(false);
    expect(execFileSync('sqlite3', [c, 'SELECT text FROM notes'], { encoding: 'utf8' }).trim()).toBe(NOTE);
    expect(existsSync(`${c}.lock`)).toBe(true);
    // A query already sees it: it reads the case with the journal's tail.
    expect(JSON.parse(tracelight(['query', c, 'SELECT text FROM notes', '--json']).stdout)).toEqual([{ text: NOTE }]);

    const s = await CaseSession.open(c, { examiner: 'B' }); // stale lock of the dead pid is taken over
    expect(s.readOnly).toBe(false);
    expect(s.chain.ok).toBe(true);
    expect(s.store.all('SELECT event_id, text, examiner FROM notes')).toEqual([{ event_id: 4, text: NOTE, examiner: '伊藤' }]);
    s.close();
    // Once, not twice, after the reopen.
    expect(execFileSync('sqlite3', [c, 'SELECT text FROM notes'], { encoding: 'utf8' }).trim()).toBe(NOTE);
  });

  it('a kill -9 during ingest leaves the case openable with that evidence incomplete, and removable', async () => {
    const dir = tempDir();
    const c = path.join(dir, 'i.tlcase');
    const small = path.join(dir, 'small.log');
    copyFileSync(samplePath('squid_native', 'logscale_squid_access.log'), small);
    expect(tracelight(['ingest', c, small, '--examiner', 'A']).code).toBe(0);
    const big = path.join(dir, 'big.log');
    await generateSquid(big, 40 << 20);

    const child = spawn(process.execPath, [CLI, 'ingest', c, big, '--examiner', 'A'], { stdio: 'ignore' });
    const gone = exited(child);
    // Kill as soon as the journal shows the ingest has started.
    for (let i = 0; i < 2000 && !readFileSync(`${c}.journal`, 'utf8').includes('ingest.started'); i++) {
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    expect(await gone).toBe('SIGKILL');

    const list = tracelight(['evidence', c, '--json']);
    expect(list.code).toBe(0);
    const evidence = JSON.parse(list.stdout).evidence as { id: number; name: string; status: string }[];
    expect(evidence.map((e) => [e.name, e.status])).toEqual([
      ['small.log', 'complete'],
      ['big.log', 'incomplete'],
    ]);
    const removed = tracelight(['evidence', c, '--remove', String(evidence[1]!.id), '--examiner', 'B', '--json']);
    expect(removed.stderr).toBe('');
    expect(JSON.parse(removed.stdout).evidence.map((e: { name: string }) => e.name)).toEqual(['small.log']);
    const log = JSON.parse(tracelight(['custody', c, '--json']).stdout) as { chain: { ok: boolean }; entries: { action: string }[] };
    expect(log.chain.ok).toBe(true);
    expect(log.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['ingest.started', 'evidence.incomplete', 'evidence.removed']),
    );
    // Complete evidence is part of the record and cannot be removed.
    expect(tracelight(['evidence', c, '--remove', '1']).code).toBe(2);
  });
});
