import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../../electron/cli/serve/server';
import { createEngineService } from '../../../electron/engine/rpc/service';
import { tempDir } from '../helpers/tmp';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(): Promise<RunningServer> {
  const dir = tempDir();
  const renderer = path.join(dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(path.join(dir, 'secret.txt'), 'do not serve');
  const service = createEngineService({ mode: 'serve', workspaceDir: path.join(dir, 'ws') });
  server = await startServer({ port: 0, rendererDir: renderer, service });
  return server;
}

function get(port: number, pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathname, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
    });
    req.on('error', reject);
    req.end();
  });
}

function wsOpens(port: number, headers: Record<string, string>): Promise<boolean> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/rpc`, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(true);
    });
    ws.on('error', () => resolve(false));
  });
}

describe('tracelight serve security', () => {
  it('binds to loopback only and prints a URL with a long random token', async () => {
    const s = await start();
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('answers 401 without a token, 403 with a wrong one, and swaps a good URL token for an HttpOnly cookie', async () => {
    const s = await start();
    expect((await get(s.port, '/')).status).toBe(401);
    expect((await get(s.port, '/?token=wrong')).status).toBe(403);
    const ok = await get(s.port, `/?token=${s.token}`);
    expect(ok.status).toBe(303);
    expect(String(ok.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await get(s.port, '/', { cookie: `tracelight_session=${s.token}` });
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'self'");
  });

  it('refuses DNS-rebinding hosts and path traversal', async () => {
    const s = await start();
    expect((await get(s.port, `/?token=${s.token}`, { host: `evil.example:${s.port}` })).status).toBe(403);
    const cookie = { cookie: `tracelight_session=${s.token}` };
    expect((await get(s.port, '/../secret.txt', cookie)).status).toBe(404);
    expect((await get(s.port, '/%2e%2e/secret.txt', cookie)).status).toBe(404);
  });

  it('opens the engine WebSocket only for our own origin with the token', async () => {
    const s = await start();
    const origin = `http://127.0.0.1:${s.port}`;
    expect(await wsOpens(s.port, { origin })).toBe(false);
    expect(await wsOpens(s.port, { origin: 'http://evil.example', cookie: `tracelight_session=${s.token}` })).toBe(false);
    expect(await wsOpens(s.port, { origin, cookie: `tracelight_session=${s.token}` })).toBe(true);
  });

  it('in serve mode, refuses to ingest files outside the case evidence folder', async () => {
    const dir = tempDir();
    const service = createEngineService({ mode: 'serve', workspaceDir: dir });
    await service.handlers['case.create']({ name: 'x' });
    const [result] = await service.handlers['ingest.files']({ jobId: 'j', files: [{ path: '/etc/passwd' }] });
    expect(result!.ok).toBe(false);
    expect(result!.error).toMatch(/only files uploaded to this case/);
    service.close();
  });
  it('stops even while a client holds a connection with a request half sent', async () => {
    const s = await start();
    const socket = connect(s.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    // Headers never finished: the server counts this connection as busy, not idle.
    socket.write(`PUT /upload?token=${s.token} HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\n`);
    const cut = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
    const started = Date.now();
    await s.close();
    server = undefined;
    await cut;
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
