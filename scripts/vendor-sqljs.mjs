// Writes dist/vendor/sql-wasm.cjs: sql.js's Node build with small changes to how its
// in-memory file system holds the database image. Each change is an exact text replacement
// in the pinned sql.js build; one that no longer matches is skipped with a warning, and the
// engine notices the missing hook and takes the unpatched path (slower, never wrong).
//
// Why: on a VM every page of fresh memory costs a fault the host must back (measured here:
// ~3 ms per MiB touched for the first time, 60x a write to warm memory), so each copy of the
// database image costs as much as the inserts that produced it.
//  1. heap: exposes the WebAssembly heap (HEAPU8) so the event writer can copy a batch of
//     already-encoded UTF-8 strings in once and bind pointers into it, instead of sql.js
//     encoding each string in JavaScript and calling malloc/free for it.
//  2. backing: lets `new Database(marker)` put the database file on a backing object the engine
//     supplies (store/cow-file.ts: pages read from the case file on disk as SQLite asks for
//     them, writes kept in memory until the case is committed) instead of a copy of the whole
//     file in Emscripten's in-memory file system.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// Defined at the top of the CommonJS file, so the minified module body sees it. The property
// names are the minified ones of Emscripten's MEMFS file node (Ra node_ops with Xa getattr and
// ab setattr; Qa stream_ops with Za llseek; Wa usedBytes): the 'memfs-names' check below
// refuses the patch when a different build renamed them.
const PRELUDE = `function __tracelightBack(node, file) {
  var stream = node.Qa, ops = node.Ra;
  node.Wa = file.size;
  node.Qa = {
    Za: stream.Za,
    read: function (s, b, off, len, pos) { return file.read(b.subarray(off, off + len), pos); },
    write: function (s, b, off, len, pos) {
      if (!len) return 0;
      file.write(b.subarray(off, off + len), pos);
      node.Wa = file.size;
      node.mtime = node.ctime = Date.now();
      return len;
    }
  };
  node.Ra = {
    Xa: ops.Xa,
    ab: function (n, attr) {
      for (var key of ['mode', 'atime', 'mtime', 'ctime']) if (attr[key] != null) n[key] = attr[key];
      if (attr.size !== undefined) { file.truncate(attr.size); n.Wa = file.size; }
    }
  };
}
`;

export const PATCHES = [
  {
    name: 'heap',
    find: 'k.writeArrayToMemory=(a,b)=>{v.set(a,b)};',
    replace: 'k.writeArrayToMemory=(a,b)=>{v.set(a,b)};k.tracelightHeap=()=>E;',
  },
  {
    name: 'memfs-names',
    find: 'file:{node:{Xa:M.Ra.Xa,ab:M.Ra.ab},stream:{Za:M.Qa.Za,read:M.Qa.read,write:M.Qa.write,',
    replace: 'file:{node:{Xa:M.Ra.Xa,ab:M.Ra.ab},stream:{Za:M.Qa.Za,read:M.Qa.read,write:M.Qa.write,',
  },
  {
    name: 'backing',
    requires: 'memfs-names',
    // (the minified build breaks the line inside this call)
    find: 'f!=null&&ja(this.filename,\nf);',
    replace:
      'f!=null&&(k.tracelightBacking&&k.tracelightBacking.marker===f?(ja(this.filename),' +
      '__tracelightBack(B("/"+this.filename).node,k.tracelightBacking.file)):ja(this.filename,f));',
  },
  {
    // Tells the engine the backing hook is there (set when the module loads).
    name: 'backing-flag',
    requires: 'backing',
    find: 'k.tracelightHeap=()=>E;',
    replace: 'k.tracelightHeap=()=>E;k.tracelightBacked=!0;',
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
    if (p.requires && !applied.includes(p.requires)) {
      console.warn(`vendor-sqljs: patch "${p.name}" skipped: "${p.requires}" did not apply (cases will be read whole into memory)`);
    } else if (hits === 1) {
      source = source.replace(p.find, () => p.replace);
      applied.push(p.name);
    } else {
      console.warn(`vendor-sqljs: patch "${p.name}" matches ${hits} times in sql.js ${version}; skipped (slower, never wrong)`);
    }
  }
  const out = path.join(root, 'dist', 'vendor', 'sql-wasm.cjs');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `// sql.js ${version}, patched by scripts/vendor-sqljs.mjs: ${applied.join(', ') || 'none'}\n${PRELUDE}${source}`);
  if (!quiet) console.log(`vendored ${path.relative(root, out)} (${applied.join(', ') || 'unpatched'})`);
}
