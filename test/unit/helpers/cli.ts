import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const CLI = path.join(REPO_ROOT, 'bin', 'tracelight.mjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `tracelight` command as a user would (npm test builds it first). */
export function tracelight(args: string[], cwd?: string): CliResult {
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'cli', 'tracelight.mjs'))) {
    throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
  }
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: cwd ?? REPO_ROOT, maxBuffer: 256 << 20 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
