import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli';

describe('vendored sql.js (scripts/vendor-sqljs.mjs)', () => {
  const source = (): string => readFileSync(path.join(REPO_ROOT, 'dist/vendor/sql-wasm.cjs'), 'utf8');

  it('puts a database on a backing file the engine supplies instead of a copy in memory', () => {
    // Without it, opening a 460 MB case read and faulted in 460 MB before the first query.
    expect(source()).toContain('__tracelightBack(B("/"+this.filename).node,k.tracelightBacking.file)');
    expect(source()).toContain('k.tracelightBacked=!0;');
  });

  it('applies every patch the engine relies on for its fast paths', () => {
    // A patch that stops matching falls back silently in the engine; the build must not.
    expect(source().split('\n')[0]).toBe('// sql.js 1.16.0, patched by scripts/vendor-sqljs.mjs: heap, memfs-names, backing, backing-flag');
  });
});
