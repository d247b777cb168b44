// Builds everything that runs outside the test runner:
//   dist/cli/tracelight.mjs        the CLI and `serve` (engine bundled in)
//   dist/electron/engine-host.mjs  the engine inside Electron's utilityProcess
//   dist/{cli,electron}/ingest-worker.mjs  the ingest parse worker thread
//   dist/{cli,electron}/engine-thread.mjs  the engine service's thread (serve, engine-host)
//   dist/electron/main.cjs         Electron main process
//   dist/electron/preload.cjs      preload (sandboxed preloads must be CommonJS, one file)
//   dist/renderer/                 the React workbench (Vite)
//   dist/vendor/sql-wasm.cjs       sql.js with faster file growth (see vendor-sqljs.mjs)
// npm runs this on `npm install` (prepare), so `npx tracelight` works right after install.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { vendorSqlJs } from './vendor-sqljs.mjs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const at = (p) => path.join(root, p);
const quiet = process.argv.includes('--quiet');
const { version } = JSON.parse(readFileSync(at('package.json'), 'utf8'));

const nodeCommon = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Dependencies stay in node_modules (sql.js must find its .wasm beside it).
  packages: 'external',
  sourcemap: true,
  logLevel: quiet ? 'error' : 'warning',
  define: { __TRACELIGHT_VERSION__: JSON.stringify(version) },
};

// [entry, output, format, bundle dependencies too]. The sandboxed preload cannot require
// packages at run time, so it is the one bundle that inlines its dependencies.
const ENTRIES = [
  ['electron/cli/main.ts', 'dist/cli/tracelight.mjs', 'esm', false],
  ['electron/engine/host/utility-process.ts', 'dist/electron/engine-host.mjs', 'esm', false],
  // The ingest parse worker, beside each bundle that starts it (engine/ingest/worker-pass.ts).
  ['electron/engine/ingest/ingest-worker.ts', 'dist/cli/ingest-worker.mjs', 'esm', false],
  ['electron/engine/ingest/ingest-worker.ts', 'dist/electron/ingest-worker.mjs', 'esm', false],
  // The workspace's reader threads, likewise (engine/rpc/readers/reader-pool.ts).
  ['electron/engine/rpc/readers/reader-thread.ts', 'dist/cli/reader-thread.mjs', 'esm', false],
  ['electron/engine/rpc/readers/reader-thread.ts', 'dist/electron/reader-thread.mjs', 'esm', false],
  // The engine service's own thread behind the transports' router (engine/host/engine-worker.ts).
  ['electron/engine/host/engine-thread.ts', 'dist/cli/engine-thread.mjs', 'esm', false],
  ['electron/engine/host/engine-thread.ts', 'dist/electron/engine-thread.mjs', 'esm', false],
  ['electron/main/main.ts', 'dist/electron/main.cjs', 'cjs', false],
  ['electron/preload/preload.ts', 'dist/electron/preload.cjs', 'cjs', true],
];

const jobs = ENTRIES.map(([entry, outfile, format, inline]) =>
  esbuild({
    ...nodeCommon,
    ...(inline ? { packages: undefined } : {}),
    entryPoints: [at(entry)],
    outfile: at(outfile),
    format,
    external: ['electron'],
  }),
);
vendorSqlJs(root, quiet);
await Promise.all(jobs);
await viteBuild({ configFile: at('vite.config.ts'), logLevel: quiet ? 'error' : 'warn' });
if (!quiet) console.log('built dist/');
