// Loads sql.js (SQLite compiled to WebAssembly) once per process.
import { createRequire } from 'node:module';
import path from 'node:path';
import initSqlJs from 'sql.js';
import type { SqlJsStatic } from 'sql.js';

let loading: Promise<SqlJsStatic> | undefined;

export function loadSqlJs(): Promise<SqlJsStatic> {
  if (!loading) {
    const require = createRequire(import.meta.url);
    const wasmDir = path.dirname(require.resolve('sql.js/dist/sql-wasm.wasm'));
    // The legacy extension functions print warnings and are not needed.
    loading = initSqlJs({
      locateFile: (file: string) => path.join(wasmDir, file),
      useOldExtensionFunctions: false,
    } as Parameters<typeof initSqlJs>[0]);
  }
  return loading;
}
