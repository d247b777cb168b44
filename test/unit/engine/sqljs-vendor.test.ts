import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli';

describe('vendored sql.js (scripts/vendor-sqljs.mjs)', () => {
  it('grows its in-memory database file by doubling, capped below 4 GiB', () => {
    // Without the patch a multi-GB ingest spends half its time copying the database image.
    const source = readFileSync(path.join(REPO_ROOT, 'dist/vendor/sql-wasm.cjs'), 'utf8');
    expect(source).toContain('Math.min(m*2,4294901760)>>>0');
    expect(source).not.toContain('m*(m<1048576?2:1.125)>>>0');
  });
});
