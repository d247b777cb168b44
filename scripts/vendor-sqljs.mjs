// Writes dist/vendor/sql-wasm.cjs: sql.js's Node build with one change to its in-memory
// file system. Emscripten's MEMFS grows a file by 12.5% at a time past 1 MiB, copying the
// whole database image at every step (about nine full copies while a case grows); while a
// large log is ingested that copying took half the time. Growing by doubling instead costs no
// resident memory (the untouched tail of a fresh typed array is never paged in) and removes
// most of the copies. sql.js is pinned to an exact version; if its text ever differs, the
// unmodified file is copied and the build says so, and ingest is merely slower.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const GROWTH = 'm*(m<1048576?2:1.125)>>>0';
// Capped just under 4 GiB: the original's ">>>0" would wrap a larger capacity to a small
// one, and every later page write would then copy the whole image.
const DOUBLING = 'Math.min(m*2,4294901760)>>>0';

export function vendorSqlJs(root, quiet) {
  const require = createRequire(path.join(root, 'package.json'));
  const main = require.resolve('sql.js/dist/sql-wasm.js');
  const source = readFileSync(main, 'utf8');
  const { version } = JSON.parse(readFileSync(path.join(path.dirname(main), '..', 'package.json'), 'utf8'));
  const hits = source.split(GROWTH).length - 1;
  const out = path.join(root, 'dist', 'vendor', 'sql-wasm.cjs');
  mkdirSync(path.dirname(out), { recursive: true });
  if (hits === 1) {
    writeFileSync(out, `// sql.js ${version}, MEMFS growth patched by scripts/vendor-sqljs.mjs\n${source.replace(GROWTH, DOUBLING)}`);
  } else {
    writeFileSync(out, source);
    console.warn(`vendor-sqljs: MEMFS growth pattern found ${hits} times in sql.js; copied unpatched (ingest will be slower)`);
  }
  if (!quiet) console.log(`vendored ${path.relative(root, out)}`);
}
