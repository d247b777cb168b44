// Starts the built `tracelight serve` in a fresh workspace and hands its URL to a test.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLES = path.resolve(REPO_ROOT, '../shared/samples');

export interface ServeHandle {
  url: string;
  origin: string;
  token: string;
  workspace: string;
  stop(): Promise<void>;
}

export async function startServe(extraArgs: string[] = []): Promise<ServeHandle> {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'tracelight-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(REPO_ROOT, 'bin/tracelight.mjs'), 'serve', '--port', '0', '--workspace', workspace, ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const firstLine = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  const url = new URL(firstLine);
  return {
    url: firstLine,
    origin: url.origin,
    token: url.searchParams.get('token') ?? '',
    workspace,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(workspace, { recursive: true, force: true });
    },
  };
}

/** Playwright's `test` with `serve`: a fresh `tracelight serve` and workspace for each test, stopped after it. */
export const test = base.extend<{ serve: ServeHandle }>({
  // Playwright reads a fixture's dependencies from its first parameter, so it must be a pattern.
  // eslint-disable-next-line no-empty-pattern
  serve: async ({}, use) => {
    const handle = await startServe();
    try {
      await use(handle);
    } finally {
      await handle.stop();
    }
  },
});
