// Loads sql.js (SQLite compiled to WebAssembly) once per process.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlJsStatic } from 'sql.js';

/** What the vendored hook calls for the database file's bytes (store/case-file.ts). */
export interface BackingFile {
  readonly size: number;
  read(into: Uint8Array, position: number): number;
  write(from: Uint8Array, position: number): void;
  truncate(size: number): void;
}

type InitSqlJs = (config: { locateFile(file: string): string; useOldExtensionFunctions?: boolean }) => Promise<SqlJsStatic>;

let loading: Promise<SqlJsStatic> | undefined;
let loaded: SqlJsStatic | undefined;

/**
 * Hooks the vendored build adds (scripts/vendor-sqljs.mjs); each is absent when its patch
 * did not apply or plain sql.js was loaded, and callers then take the ordinary API.
 */
export interface SqlJsHooks {
  /** The WebAssembly heap as it is now (the view changes when the heap grows). */
  tracelightHeap?: () => Uint8Array;
  /** True when `new Database(marker)` can put the database on a backing file (store/case-file.ts). */
  tracelightBacked?: boolean;
  /** Set just before `new Database(marker)`: the database file is then `file`, not a copy. */
  tracelightBacking?: { marker: Uint8Array; file: BackingFile } | null;
}

/** sql.js with its raw exports and the vendored hooks, once loadSqlJs() has resolved. */
export type LoadedSqlJs = SqlJsStatic & SqlJsHooks & Record<string, unknown>;

/** The loaded module; any open Database implies it. */
export function loadedSqlJs(): LoadedSqlJs | null {
  return (loaded as LoadedSqlJs | undefined) ?? null;
}

/**
 * dist/vendor/sql-wasm.cjs (written by the build: sql.js with the hooks above, see
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
    loading = init({ locateFile: (file) => path.join(wasmDir, file), useOldExtensionFunctions: false }).then((SQL) => (loaded = SQL));
  }
  return loading;
}
