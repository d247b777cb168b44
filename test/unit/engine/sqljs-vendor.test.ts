import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli';

describe('vendored sql.js (scripts/vendor-sqljs.mjs)', () => {
  const source = (): string => readFileSync(path.join(REPO_ROOT, 'dist/vendor/sql-wasm.cjs'), 'utf8');

  it('grows its in-memory database file in place (resizable buffer), capped below 4 GiB', () => {
    // Without the patch a multi-GB ingest spends half its time copying the database image.
    expect(source()).toContain('Math.min(m*2,4294901760)>>>0');
    expect(source()).not.toContain('m*(m<1048576?2:1.125)>>>0');
    expect(source()).toContain('a.Ua=__tracelightGrow(m,g)');
  });

  it('applies every patch the engine relies on for its fast paths', () => {
    // A patch that stops matching falls back silently in the engine; the build must not.
    expect(source().split('\n')[0]).toBe('// sql.js 1.16.0, patched by scripts/vendor-sqljs.mjs: growth, growth-in-place, heap, adopt');
  });
});
