import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseFile } from '../../../electron/engine/store/case-file';
import { BLOCK, RollbackJournal, rollbackPath } from '../../../electron/engine/store/rollback-journal';
import { CaseStore } from '../../../electron/engine/store/case-store';
import { tempDir } from '../helpers/tmp';
import { lcg } from '../../seeded-random.mjs';

const rng = lcg;

function randomBytes(n: number, rand: () => number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(rand() * 256);
  return out;
}

describe('CaseFile: the case file under SQLite (read from disk, written in place on commit)', () => {
  it('reads and writes like a plain file through random writes, truncation and commits', () => {
    const dir = tempDir();
    const file = path.join(dir, 'db.bin');
    const rand = rng(42);
    let model = randomBytes(300_000, rand);
    writeFileSync(file, model);
    const cf = CaseFile.open(file);
    const check = (): void => {
      expect(cf.size).toBe(model.length);
      const back = new Uint8Array(model.length + 100);
      expect(cf.read(back, 0)).toBe(model.length);
      expect(Buffer.compare(back.subarray(0, model.length), model)).toBe(0);
      const at = Math.floor(rand() * model.length);
      const part = new Uint8Array(70_000);
      const n = cf.read(part, at);
      expect(n).toBe(Math.min(70_000, model.length - at));
      expect(Buffer.compare(part.subarray(0, n), model.subarray(at, at + n))).toBe(0);
    };
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 40; i++) {
        // Writes straddle 64 KiB blocks and run past the end (the file grows).
        const at = Math.floor(rand() * (model.length + 50_000));
        const data = randomBytes(1 + Math.floor(rand() * 90_000), rand);
        cf.write(data, at);
        if (at + data.length > model.length) {
          const grown = new Uint8Array(at + data.length);
          grown.set(model);
          model = grown;
        }
        model.set(data, at);
      }
      if (round % 2 === 1) {
        const size = Math.floor(model.length * 0.6);
        cf.truncate(size);
        model = model.slice(0, size);
        // Growing again after a truncation reads zeros, not the old bytes.
        cf.write(new Uint8Array([7]), size + 10);
        const grown = new Uint8Array(size + 11);
        grown.set(model);
        grown[size + 10] = 7;
        model = grown;
      }
      check();
      if (round % 3 === 2) {
        cf.commit();
        expect(cf.dirty).toBe(false);
        expect(Buffer.compare(readFileSync(file), model)).toBe(0);
        check();
      }
    }
    cf.commit();
    cf.close();
    expect(Buffer.compare(readFileSync(file), model)).toBe(0);
    // No temporary file is left beside the case.
    expect(readdirSync(dir)).toEqual(['db.bin']);
  });

  it('holds runs of consecutive page writes and still reads back every byte written', () => {
    // SQLite appends pages one at a time during an ingest and may read one back at once.
    const dir = tempDir();
    const file = path.join(dir, 'db.bin');
    const rand = rng(7);
    writeFileSync(file, randomBytes(40_000, rand));
    let model = new Uint8Array(readFileSync(file));
    const cf = CaseFile.open(file);
    const page = 16_384;
    for (let i = 0; i < 200; i++) {
      const data = randomBytes(page, rand);
      const at = i % 50 === 49 ? page : 40_000 + i * page; // now and then, a page out of the run
      cf.write(data, at);
      if (at + page > model.length) {
        const grown = new Uint8Array(at + page);
        grown.set(model);
        model = grown;
      }
      model.set(data, at);
      if (i % 7 === 0) {
        const back = new Uint8Array(page + 100);
        const from = Math.max(0, at - 50);
        const n = cf.read(back, from);
        expect(Buffer.compare(back.subarray(0, n), model.subarray(from, from + n))).toBe(0);
      }
    }
    cf.truncate(model.length - 1000);
    model = model.slice(0, model.length - 1000);
    cf.commit();
    cf.close();
    expect(Buffer.compare(readFileSync(file), model)).toBe(0);
  });

  it('reads a file in order a MiB ahead, and a write made meanwhile is read back, not the old bytes', () => {
    const dir = tempDir();
    const file = path.join(dir, 'db.bin');
    const rand = rng(9);
    const model = randomBytes(3_000_000, rand);
    writeFileSync(file, model);
    const cf = CaseFile.open(file);
    const page = new Uint8Array(16_384);
    for (let at = 0; at < model.length; at += page.length) {
      if (at === 16_384 * 10) {
        // Inside the MiB fetched for the scan, further on.
        const change = randomBytes(5_000, rand);
        cf.write(change, at + 40_000);
        model.set(change, at + 40_000);
      }
      const n = cf.read(page, at);
      expect(n).toBe(Math.min(page.length, model.length - at));
      expect(Buffer.compare(page.subarray(0, n), model.subarray(at, at + n))).toBe(0);
    }
    cf.close();
  });

  it('leaves the file on disk untouched until commit, and a copy written elsewhere leaves it alone too', () => {
    const dir = tempDir();
    const file = path.join(dir, 'db.bin');
    writeFileSync(file, Buffer.alloc(200_000, 1));
    const cf = CaseFile.open(file);
    cf.write(Buffer.alloc(10, 2), 150_000);
    expect(readFileSync(file).every((b) => b === 1)).toBe(true);
    const copy = path.join(dir, 'copy.bin');
    cf.commit(copy);
    expect(readFileSync(copy)[150_005]).toBe(2);
    expect(readFileSync(file).every((b) => b === 1)).toBe(true);
    expect(cf.dirty).toBe(true);
    cf.close();
  });

  it('works on a read-only case file (a reviewer\'s copy): writes stay in memory, dropped on close', () => {
    const dir = tempDir();
    const file = path.join(dir, 'db.bin');
    writeFileSync(file, Buffer.alloc(100_000, 1));
    chmodSync(file, 0o444);
    const cf = CaseFile.open(file);
    cf.write(Buffer.from('changed'), 10);
    const back = new Uint8Array(7);
    cf.read(back, 10);
    expect(Buffer.from(back).toString()).toBe('changed');
    cf.close();
    expect(readFileSync(file).every((b) => b === 1)).toBe(true);
    expect(readdirSync(dir)).toEqual(['db.bin']);
  });

  it('removes temporary files abandoned by a process that no longer runs, and keeps a live one', () => {
    const dir = tempDir();
    const file = path.join(dir, 'db.bin');
    writeFileSync(file, Buffer.alloc(10, 1));
    const dead = `.db.bin.${2 ** 22 + 12345}.1764000000000.abc.tmp`;
    const live = `.db.bin.${process.pid}.1764000000000.abc.tmp`;
    writeFileSync(path.join(dir, dead), 'x');
    writeFileSync(path.join(dir, live), 'x');
    CaseFile.open(file).close();
    expect(readdirSync(dir).sort()).toEqual([live, 'db.bin'].sort());
  });
});

/** A file of `size` random bytes (the last commit of a case file), in `dir` (a new one by default). */
function committedFile(size: number, seed: number, dir = tempDir()): { dir: string; file: string; committed: Buffer } {
  const file = path.join(dir, 'db.bin');
  const committed = Buffer.from(randomBytes(size, rng(seed)));
  writeFileSync(file, committed);
  return { dir, file, committed };
}

describe('CaseFile: a crash at any point leaves the last commit', () => {
  /** A committed file, then what a save interrupted after its journal was sealed leaves. */
  function interruptedSave(dir: string): { file: string; committed: Buffer } {
    const { file, committed } = committedFile(10 * BLOCK + 512, 3, dir);
    const journal = new RollbackJournal(rollbackPath(file), committed.length);
    for (const b of [0, 4, 10]) journal.append(b, committed.subarray(b * BLOCK, (b + 1) * BLOCK));
    journal.seal();
    // Then the crash: some blocks already overwritten in place, the file grown past the commit.
    const torn = Buffer.from(committed);
    torn.fill(0xee, 0, BLOCK);
    torn.fill(0xee, 4 * BLOCK, 5 * BLOCK);
    writeFileSync(file, Buffer.concat([torn, Buffer.alloc(3 * BLOCK, 0xdd)]));
    return { file, committed };
  }

  it('the writer restores the journal on open: the file is the last commit again, and the journal is gone', () => {
    const dir = tempDir();
    const { file, committed } = interruptedSave(dir);
    const cf = CaseFile.open(file);
    const back = new Uint8Array(committed.length + 10);
    expect(cf.read(back, 0)).toBe(committed.length);
    expect(Buffer.compare(back.subarray(0, committed.length), committed)).toBe(0);
    cf.close();
    expect(Buffer.compare(readFileSync(file), committed)).toBe(0);
    expect(existsSync(rollbackPath(file))).toBe(false);
  });

  it('anyone but the writer reads the last commit through the journal and changes nothing on disk', () => {
    const dir = tempDir();
    const { file, committed } = interruptedSave(dir);
    const before = readFileSync(file);
    const cf = CaseFile.open(file, { writer: false });
    expect(cf.size).toBe(committed.length);
    const back = new Uint8Array(committed.length);
    cf.read(back, 0);
    expect(Buffer.compare(back, committed)).toBe(0);
    cf.write(Buffer.from('in memory only'), 100);
    expect(() => cf.commit()).toThrow(/read-only/);
    cf.close();
    expect(Buffer.compare(readFileSync(file), before)).toBe(0);
    expect(existsSync(rollbackPath(file))).toBe(true);
  });

  it('a journal whose header was never written is dropped: the case file was not touched yet', () => {
    const { file, committed } = committedFile(3 * BLOCK, 5);
    const journal = new RollbackJournal(rollbackPath(file), committed.length);
    journal.append(1, Buffer.alloc(BLOCK, 0x55));
    // (no seal: the process stopped before the journal was durable)
    CaseFile.open(file).close();
    expect(Buffer.compare(readFileSync(file), committed)).toBe(0);
    expect(existsSync(rollbackPath(file))).toBe(false);
  });

  it('a writer never leaves a journal after a commit, and appends past the commit are cut off on close', () => {
    const { dir, file, committed } = committedFile(5 * BLOCK, 8);
    const cf = CaseFile.open(file);
    cf.write(Buffer.alloc(BLOCK, 1), BLOCK);
    cf.write(Buffer.alloc(2 * BLOCK, 2), 5 * BLOCK);
    cf.commit();
    expect(readdirSync(dir)).toEqual(['db.bin']);
    cf.write(Buffer.alloc(BLOCK, 3), 7 * BLOCK);
    cf.write(Buffer.alloc(10, 4), 0);
    cf.close();
    const after = readFileSync(file);
    expect(after.length).toBe(7 * BLOCK);
    expect(after[0]).toBe(committed[0]);
    expect(after[BLOCK]).toBe(1);
    expect(after[6 * BLOCK]).toBe(2);
  });
});

describe('CaseFile: a transaction larger than the memory it may hold', () => {
  it('spills to the file through the journal: reads stay right, others read the last commit, close undoes it', () => {
    const before = CaseFile.spillBytes;
    CaseFile.spillBytes = 8 * BLOCK;
    try {
      const dir = tempDir();
      const file = path.join(dir, 'db.bin');
      const rand = rng(11);
      const committed = Buffer.from(randomBytes(64 * BLOCK, rand));
      writeFileSync(file, committed);
      const cf = CaseFile.open(file);
      let model = new Uint8Array(committed);
      for (let i = 0; i < 200; i++) {
        const at = Math.floor(rand() * (model.length + BLOCK));
        const data = randomBytes(1 + Math.floor(rand() * 3 * BLOCK), rand);
        cf.write(data, at);
        if (at + data.length > model.length) {
          const grown = new Uint8Array(at + data.length);
          grown.set(model);
          model = grown;
        }
        model.set(data, at);
        if (i === 120) {
          // Shrinking below the commit after spills, then growing again: zeros in between.
          cf.truncate(40 * BLOCK + 100);
          model = model.slice(0, 40 * BLOCK + 100);
        }
      }
      // Spilled: the case file itself changed, and a journal guards it.
      expect(existsSync(rollbackPath(file))).toBe(true);
      const back = new Uint8Array(model.length);
      expect(cf.read(back, 0)).toBe(model.length);
      expect(Buffer.compare(back, model)).toBe(0);
      // Anyone else reads the last commit, whole.
      const other = CaseFile.open(file, { writer: false });
      const seen = new Uint8Array(committed.length);
      expect(other.read(seen, 0)).toBe(committed.length);
      expect(Buffer.compare(seen, committed)).toBe(0);
      other.close();
      cf.close();
      // Not committed: the last commit is back, and no journal is left.
      expect(Buffer.compare(readFileSync(file), committed)).toBe(0);
      expect(existsSync(rollbackPath(file))).toBe(false);

      // The same transaction committed leaves exactly what was written.
      const again = CaseFile.open(file);
      again.write(Buffer.alloc(20 * BLOCK, 9), 3 * BLOCK);
      again.write(Buffer.alloc(10, 8), 70 * BLOCK);
      again.commit();
      const want = Buffer.alloc(70 * BLOCK + 10);
      want.set(committed);
      want.fill(9, 3 * BLOCK, 23 * BLOCK);
      want.fill(8, 70 * BLOCK);
      again.close();
      expect(Buffer.compare(readFileSync(file), want)).toBe(0);
      expect(existsSync(rollbackPath(file))).toBe(false);
    } finally {
      CaseFile.spillBytes = before;
    }
  });
});

describe('CaseStore on a CaseFile', () => {
  it('keeps every change across save and reopen, and an unsaved change is not in the file', async () => {
    const file = path.join(tempDir(), 'c.tlcase');
    const store = await CaseStore.create(file, { name: '請求書の件' });
    store.db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
    const insert = store.db.prepare('INSERT INTO t (v) VALUES (?)');
    for (let i = 0; i < 20_000; i++) insert.run([`行 ${i} ${'x'.repeat(i % 300)}`]);
    insert.free();
    store.save();
    store.db.exec("UPDATE t SET v = 'unsaved' WHERE id = 1");
    store.close();

    const again = await CaseStore.open(file);
    expect(again.meta().name).toBe('請求書の件');
    expect(again.scalar('SELECT count(*) FROM t')).toBe(20_000);
    expect(again.scalar('SELECT v FROM t WHERE id = 1')).toBe('行 0 ');
    expect(again.scalar('SELECT v FROM t WHERE id = 20000')).toBe(`行 19999 ${'x'.repeat(19_999 % 300)}`);
    again.db.exec('DELETE FROM t WHERE id > 100; VACUUM');
    again.save();
    again.close();
    const third = await CaseStore.open(file);
    expect(third.scalar('SELECT count(*) FROM t')).toBe(100);
    expect(third.scalar('PRAGMA integrity_check')).toBe('ok');
    third.close();
  });
});
