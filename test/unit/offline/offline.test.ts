// Offline, proven rather than promised: the built CLI ingests, detects, exports and serves
// under `strace -f -e trace=socket,connect,bind` (and, run as root, inside `unshare -n`, a
// network namespace with only loopback), and the trace must show no inet socket at all, except
// serve's own listener bound to 127.0.0.1. The page serve hands out names no remote origin in
// its CSP and loads nothing from outside the bundle.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, REPO_ROOT } from '../helpers/cli';
import { samplePath } from '../helpers/samples';
import { tempDir } from '../helpers/tmp';

const hasStrace = spawnSync('strace', ['-V']).status === 0;
// A network namespace needs root (CI runs as root); elsewhere strace alone still proves it.
const canUnshare = process.getuid?.() === 0 && spawnSync('unshare', ['-n', 'true']).status === 0;
const TRACE = ['-f', '-qq', '-e', 'trace=socket,connect,bind'];

interface Trace {
  inetSockets: string[];
  inetConnects: string[];
  inetBinds: string[];
}

function readTrace(log: string): Trace {
  const lines = readFileSync(log, 'utf8').split('\n');
  return {
    inetSockets: lines.filter((l) => /\bsocket\(AF_INET6?,/.test(l)),
    inetConnects: lines.filter((l) => /\bconnect\(\d+, \{sa_family=AF_INET6?,/.test(l)),
    inetBinds: lines.filter((l) => /\bbind\(\d+, \{sa_family=AF_INET6?,/.test(l)),
  };
}

function offline(args: string[], dir: string): { code: number; stderr: string; trace: Trace } {
  const log = path.join(dir, `strace-${args[0]}.log`);
  const command = ['strace', ...TRACE, '-o', log, process.execPath, CLI, ...args];
  const argv = canUnshare ? ['unshare', '-n', '--', ...command] : command;
  const r = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', cwd: REPO_ROOT, maxBuffer: 64 << 20 });
  return { code: r.status ?? -1, stderr: r.stderr, trace: readTrace(log) };
}

describe.skipIf(!hasStrace)('offline proof (strace)', () => {
  it('ingest, detect and every export open no inet socket', () => {
    const dir = tempDir();
    const evidence = path.join(dir, 'access.log');
    copyFileSync(samplePath('squid_native', 'logscale_squid_access.log'), evidence);
    const c = path.join(dir, 'c.tlcase');
    const runs = [
      offline(['ingest', c, evidence, '--examiner', 'Examiner A'], dir),
      offline(['detect', c, '--json'], dir),
      offline(['export', c, '--pdf', path.join(dir, 'r.pdf'), '--xlsx', path.join(dir, 'r.xlsx'), '--csv', path.join(dir, 'r.csv'), '--timesketch', path.join(dir, 'r.jsonl'), '--package', path.join(dir, 'p.zip')], dir),
    ];
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.trace).toEqual({ inetSockets: [], inetConnects: [], inetBinds: [] });
    }
    expect(readdirSync(dir).sort()).toEqual(expect.arrayContaining(['p.zip', 'r.csv', 'r.jsonl', 'r.pdf', 'r.xlsx']));
  }, 120_000);

  it('serve opens one inet socket, its listener on 127.0.0.1, and connects nowhere', async () => {
    const dir = tempDir();
    const log = path.join(dir, 'strace-serve.log');
    // Not in a network namespace: the test must reach the listener over this host's loopback.
    const child = spawn('strace', [...TRACE, '-o', log, process.execPath, CLI, 'serve', '--port', '0', '--workspace', dir], { cwd: REPO_ROOT });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0]!.trim());
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    try {
      const u = new URL(url);
      const page = await fetch(`${u.origin}/`, { headers: { authorization: `Bearer ${u.searchParams.get('token')}` } });
      expect(page.status).toBe(200);
      const html = await page.text();
      const csp = page.headers.get('content-security-policy') ?? '';
      // No remote origin anywhere the page could load from.
      for (const policy of [csp, /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '']) {
        expect(policy).toMatch(/default-src 'self'/);
        expect(policy).not.toMatch(/https?:\/\/|\*\.|unsafe-inline|unsafe-eval/);
      }
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    } finally {
      // Ctrl+C goes to the traced engine (strace would only detach), whose pid the trace names.
      const pid = Number(/^(\d+)\s/m.exec(readFileSync(log, 'utf8'))?.[1]);
      const exited = new Promise((resolve) => child.on('exit', resolve));
      if (pid > 0) process.kill(pid, 'SIGINT');
      else child.kill('SIGKILL');
      await exited;
    }
    const trace = readTrace(log);
    expect(trace.inetConnects).toEqual([]);
    expect(trace.inetBinds).toHaveLength(1);
    expect(trace.inetBinds[0]).toMatch(/sin_addr=inet_addr\("127\.0\.0\.1"\)/);
    expect(trace.inetSockets).toHaveLength(1);
  }, 60_000);

  it('bundles every asset and font the renderer and the reports load', () => {
    const rendererDir = path.join(REPO_ROOT, 'dist', 'renderer');
    const files = readdirSync(rendererDir, { recursive: true }) as string[];
    for (const f of files.filter((n) => /\.(css|html|js)$/.test(n))) {
      const text = readFileSync(path.join(rendererDir, f), 'utf8');
      expect(text, f).not.toMatch(/@import\s+url\(["']?https?:|url\(["']?https?:\/\/|<link[^>]+href="https?:|<script[^>]+src="https?:/);
    }
  });
});
