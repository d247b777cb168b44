// Loads sql.js (SQLite compiled to WebAssembly) once per process.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlJsStatic } from 'sql.js';

type InitSqlJs = (config: { locateFile(file: string): string; useOldExtensionFunctions?: boolean }) => Promise<SqlJsStatic>;

let loading: Promise<SqlJsStatic> | undefined;

/**
 * dist/vendor/sql-wasm.cjs (written by the build: sql.js with doubling file growth, see
 * scripts/vendor-sqljs.mjs), found from the built bundle or from the sources; null if absent.
 */
function vendoredSqlJs(): string | null {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    for (const candidate of [path.join(dir, 'vendor', 'sql-wasm.cjs'), path.join(dir, 'dist', 'vendor', 'sql-wasm.cjs')]) {
      if (existsSync(candidate)) return candidate;
    }
    dir = path.dirname(dir);
  }
  return null;
}

export function loadSqlJs(): Promise<SqlJsStatic> {
  if (!loading) {
    const require = createRequire(import.meta.url);
    const wasmDir = path.dirname(require.resolve('sql.js/dist/sql-wasm.wasm'));
    const init = require(vendoredSqlJs() ?? 'sql.js') as InitSqlJs;
    // The legacy extension functions print warnings and are not needed.
    loading = init({ locateFile: (file) => path.join(wasmDir, file), useOldExtensionFunctions: false });
  }
  return loading;
}
