// Writes dist/vendor/sql-wasm.cjs: sql.js's Node build with small changes to how its
// in-memory file system holds the database image. Each change is an exact text replacement
// in the pinned sql.js build; one that no longer matches is skipped with a warning, and the
// engine notices the missing hook and takes the unpatched path (slower, never wrong).
//
// Why: on a VM every page of fresh memory costs a fault the host must back (measured here:
// ~3 ms per MiB touched for the first time, 60x a write to warm memory), so each copy of the
// database image costs as much as the inserts that produced it.
//  1. growth: Emscripten's MEMFS grows a file by 12.5% past 1 MiB, copying the whole image
//     each time. Files past 1 MiB now live in a resizable ArrayBuffer (up to 4 GiB) that grows
//     in place: no copy at all, and the untouched tail is never paged in.
//  2. heap: exposes the WebAssembly heap (HEAPU8) so the event writer can copy a batch of
//     already-encoded UTF-8 strings in once and bind pointers into it, instead of sql.js
//     encoding each string in JavaScript and calling malloc/free for it.
//  3. image: exposes a database's file image as a view (no copy), so saving a case writes the
//     bytes SQLite already holds instead of a full-size backup copy (db.export()).
//  4. adopt: lets `new Database(bytes)` take ownership of a buffer the caller hands over
//     (a case file just read) instead of copying it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Largest MEMFS capacity: just under 4 GiB (the original's ">>>0" would wrap past it). */
const MAX_FILE = 4294901760;

// Defined at the top of the CommonJS file, so the minified module body sees it.
const PRELUDE = `function __tracelightGrow(used, capacity) {
  var old = used.buffer;
  if (old.resizable && used.byteOffset === 0 && capacity <= old.maxByteLength) {
    old.resize(capacity);
    return new Uint8Array(old, 0, capacity);
  }
  var next = capacity >= 1048576 && capacity <= ${MAX_FILE}
    ? new Uint8Array(new ArrayBuffer(capacity, { maxByteLength: ${MAX_FILE} }), 0, capacity)
    : new Uint8Array(capacity);
  next.set(used);
  return next;
}
`;

export const PATCHES = [
  {
    name: 'growth',
    find: 'm*(m<1048576?2:1.125)>>>0',
    replace: `Math.min(m*2,${MAX_FILE})>>>0`,
  },
  {
    name: 'growth-in-place',
    find: 'a.Ua=new Uint8Array(g),a.Ua.set(m)',
    replace: 'a.Ua=__tracelightGrow(m,g)',
  },
  {
    name: 'heap',
    find: 'k.writeArrayToMemory=(a,b)=>{v.set(a,b)};',
    replace:
      'k.writeArrayToMemory=(a,b)=>{v.set(a,b)};k.tracelightHeap=()=>E;' +
      'k.tracelightImage=a=>{a=B("/"+a.filename).node;return a.Ua.subarray(0,a.Wa)};',
  },
  {
    name: 'adopt',
    // (the minified build breaks the line inside this call)
    find: 'f!=null&&ja(this.filename,\nf);',
    replace:
      'f!=null&&(k.tracelightAdopt===f?(k.tracelightAdopt=null,ja(this.filename),' +
      '(n=>{n.Ua=f;n.Wa=f.length})(B("/"+this.filename).node)):ja(this.filename,f));',
  },
];

export function vendorSqlJs(root, quiet) {
  const require = createRequire(path.join(root, 'package.json'));
  const main = require.resolve('sql.js/dist/sql-wasm.js');
  let source = readFileSync(main, 'utf8');
  const { version } = JSON.parse(readFileSync(path.join(path.dirname(main), '..', 'package.json'), 'utf8'));
  const applied = [];
  for (const p of PATCHES) {
    const hits = source.split(p.find).length - 1;
    if (hits === 1) {
      source = source.replace(p.find, () => p.replace);
      applied.push(p.name);
    } else {
      console.warn(`vendor-sqljs: patch "${p.name}" matches ${hits} times in sql.js ${version}; skipped (ingest will be slower)`);
    }
  }
  const out = path.join(root, 'dist', 'vendor', 'sql-wasm.cjs');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `// sql.js ${version}, patched by scripts/vendor-sqljs.mjs: ${applied.join(', ') || 'none'}\n${PRELUDE}${source}`);
  if (!quiet) console.log(`vendored ${path.relative(root, out)} (${applied.join(', ') || 'unpatched'})`);
}
