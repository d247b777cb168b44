import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CowFile } from '../../../electron/engine/store/cow-file';
import { CaseStore } from '../../../electron/engine/store/case-store';
import { tempDir } from '../helpers/tmp';
import { lcg } from '../../seeded-random.mjs';

const rng = lcg;

function randomBytes(n: number, rand: () => number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(rand() * 256);
  return out;
}

describe('CowFile: the case file under SQLite (read from disk, written on commit)', () => {
  it('reads and writes like a plain file through random writes, truncation and commits', () => {
    const dir = tempDir();
    const file = path.join(dir, 'db.bin');
    const rand = rng(42);
    let model = randomBytes(300_000, rand);
    writeFileSync(file, model);
    const cow = CowFile.open(file);
    const check = (): void => {
      expect(cow.size).toBe(model.length);
      const back = new Uint8Array(model.length + 100);
      expect(cow.read(back, 0)).toBe(model.length);
      expect(Buffer.compare(back.subarray(0, model.length), model)).toBe(0);
      const at = Math.floor(rand() * model.length);
      const part = new Uint8Array(70_000);
      const n = cow.read(part, at);
      expect(n).toBe(Math.min(70_000, model.length - at));
      expect(Buffer.compare(part.subarray(0, n), model.subarray(at, at + n))).toBe(0);
    };
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 40; i++) {
        // Writes straddle 64 KiB blocks and run past the end (the file grows).
        const at = Math.floor(rand() * (model.length + 50_000));
        const data = randomBytes(1 + Math.floor(rand() * 90_000), rand);
        cow.write(data, at);
        if (at + data.length > model.length) {
          const grown = new Uint8Array(at + data.length);
          grown.set(model);
          model = grown;
        }
        model.set(data, at);
      }
      if (round % 2 === 1) {
        const size = Math.floor(model.length * 0.6);
        cow.truncate(size);
        model = model.slice(0, size);
        // Growing again after a truncation reads zeros, not the old bytes.
        cow.write(new Uint8Array([7]), size + 10);
        const grown = new Uint8Array(size + 11);
        grown.set(model);
        grown[size + 10] = 7;
        model = grown;
      }
      check();
      if (round % 3 === 2) {
        cow.commit();
        expect(cow.dirty).toBe(false);
        expect(Buffer.compare(readFileSync(file), model)).toBe(0);
        check();
      }
    }
    cow.commit();
    cow.close();
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
    const cow = CowFile.open(file);
    const page = 16_384;
    for (let i = 0; i < 200; i++) {
      const data = randomBytes(page, rand);
      const at = i % 50 === 49 ? page : 40_000 + i * page; // now and then, a page out of the run
      cow.write(data, at);
      if (at + page > model.length) {
        const grown = new Uint8Array(at + page);
        grown.set(model);
        model = grown;
      }
      model.set(data, at);
      if (i % 7 === 0) {
        const back = new Uint8Array(page + 100);
        const from = Math.max(0, at - 50);
        const n = cow.read(back, from);
        expect(Buffer.compare(back.subarray(0, n), model.subarray(from, from + n))).toBe(0);
      }
    }
    cow.truncate(model.length - 1000);
    model = model.slice(0, model.length - 1000);
    cow.commit();
    cow.close();
    expect(Buffer.compare(readFileSync(file), model)).toBe(0);
  });

  it('reads a file in order a MiB ahead, and a write made meanwhile is read back, not the old bytes', () => {
    const dir = tempDir();
    const file = path.join(dir, 'db.bin');
    const rand = rng(9);
    const model = randomBytes(3_000_000, rand);
    writeFileSync(file, model);
    const cow = CowFile.open(file);
    const page = new Uint8Array(16_384);
    for (let at = 0; at < model.length; at += page.length) {
      if (at === 16_384 * 10) {
        // Inside the MiB fetched for the scan, further on.
        const change = randomBytes(5_000, rand);
        cow.write(change, at + 40_000);
        model.set(change, at + 40_000);
      }
      const n = cow.read(page, at);
      expect(n).toBe(Math.min(page.length, model.length - at));
      expect(Buffer.compare(page.subarray(0, n), model.subarray(at, at + n))).toBe(0);
    }
    cow.close();
  });

  it('leaves the file on disk untouched until commit, and a copy written elsewhere leaves it alone too', () => {
    const dir = tempDir();
    const file = path.join(dir, 'db.bin');
    writeFileSync(file, Buffer.alloc(200_000, 1));
    const cow = CowFile.open(file);
    cow.write(Buffer.alloc(10, 2), 150_000);
    expect(readFileSync(file).every((b) => b === 1)).toBe(true);
    const copy = path.join(dir, 'copy.bin');
    cow.commit(copy);
    expect(readFileSync(copy)[150_005]).toBe(2);
    expect(readFileSync(file).every((b) => b === 1)).toBe(true);
    expect(cow.dirty).toBe(true);
    cow.close();
  });

  it('works on a read-only case file (a reviewer\'s copy): writes go to a working copy, dropped on close', () => {
    const dir = tempDir();
    const file = path.join(dir, 'db.bin');
    writeFileSync(file, Buffer.alloc(100_000, 1));
    chmodSync(file, 0o444);
    const cow = CowFile.open(file);
    cow.write(Buffer.from('changed'), 10);
    const back = new Uint8Array(7);
    cow.read(back, 10);
    expect(Buffer.from(back).toString()).toBe('changed');
    cow.close();
    expect(readFileSync(file).every((b) => b === 1)).toBe(true);
    expect(readdirSync(dir)).toEqual(['db.bin']);
  });

  it('removes working copies abandoned by a process that no longer runs, and keeps a live one', () => {
    const dir = tempDir();
    const file = path.join(dir, 'db.bin');
    writeFileSync(file, Buffer.alloc(10, 1));
    const dead = `.db.bin.${2 ** 22 + 12345}.1764000000000.abc.tmp`;
    const live = `.db.bin.${process.pid}.1764000000000.abc.tmp`;
    writeFileSync(path.join(dir, dead), 'x');
    writeFileSync(path.join(dir, live), 'x');
    CowFile.open(file).close();
    expect(readdirSync(dir).sort()).toEqual([live, 'db.bin'].sort());
  });
});

describe('CaseStore on a CowFile', () => {
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
