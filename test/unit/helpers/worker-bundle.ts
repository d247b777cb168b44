// A worker thread's bundle as the build writes it (scripts/build.mjs), built from the sources
// under test, for tests that run the engine's workers (ingest parsing, the workspace readers).
import path from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from './cli';

/** Bundles `entry` (a path from the repository root) to `outfile`. */
export async function buildWorkerBundle(entry: string, outfile: string): Promise<string> {
  await build({
    entryPoints: [path.join(REPO_ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
    // Bare imports (yaml, ...) resolve from the repository's node_modules.
    nodePaths: [path.join(REPO_ROOT, 'node_modules')],
  });
  return outfile;
}
