// Builds everything that runs outside the test runner:
//   dist/cli/tracelight.mjs        the CLI and `serve` (engine bundled in)
//   dist/electron/engine-host.mjs  the engine inside Electron's utilityProcess
//   dist/electron/main.cjs         Electron main process
//   dist/electron/preload.cjs      preload (sandboxed preloads must be CommonJS, one file)
//   dist/renderer/                 the React workbench (Vite)
//   dist/vendor/sql-wasm.cjs       sql.js with faster file growth (see vendor-sqljs.mjs)
// npm runs this on `npm install` (prepare), so `npx tracelight` works right after install.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { vendorSqlJs } from './vendor-sqljs.mjs';
import { existsSync, readFileSync } from 'node:fs';
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

const jobs = [
  esbuild({
    ...nodeCommon,
    entryPoints: [at('electron/cli/main.ts')],
    outfile: at('dist/cli/tracelight.mjs'),
    format: 'esm',
  }),
];
if (existsSync(at('electron/engine/host/utility-process.ts'))) {
  jobs.push(
    esbuild({
      ...nodeCommon,
      entryPoints: [at('electron/engine/host/utility-process.ts')],
      outfile: at('dist/electron/engine-host.mjs'),
      format: 'esm',
    }),
  );
}
if (existsSync(at('electron/main/main.ts'))) {
  jobs.push(
    esbuild({
      ...nodeCommon,
      entryPoints: [at('electron/main/main.ts')],
      outfile: at('dist/electron/main.cjs'),
      format: 'cjs',
      external: ['electron'],
    }),
  );
}
if (existsSync(at('electron/preload/preload.ts'))) {
  jobs.push(
    esbuild({
      ...nodeCommon,
      packages: undefined,
      entryPoints: [at('electron/preload/preload.ts')],
      outfile: at('dist/electron/preload.cjs'),
      format: 'cjs',
      external: ['electron'],
    }),
  );
}
vendorSqlJs(root, quiet);
await Promise.all(jobs);
await viteBuild({ configFile: at('vite.config.ts'), logLevel: quiet ? 'error' : 'warn' });
if (!quiet) console.log('built dist/');
