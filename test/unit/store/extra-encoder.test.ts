// The compact form of extra (store/extra/) on awkward texts: escapes of every kind, numbers
// that plain SQL would write differently, booleans, nulls, Japanese, nested values and keys
// needing escapes (left as text), keys that stop repeating (a new shape); each must read back
// byte for byte through the engine (tl_extra, tl_extra_value), the case file's plain-SQL view
// and an independent decoder.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseStore } from '../../../electron/engine/store/case-store';
import { extraKeyLiteral } from '../../../electron/engine/store/extra/extra-sql';
import { ExtraReference, storedExtra } from '../helpers/extra';

const AWKWARD = [
  { a: 'plain', b: 'quote " and backslash \\ and both \\" end', c: 'C:\\Windows\\System32\\', d: '\\\\server\\share\\"x"' },
  { a: 'tab\tnewline\ncr\rbell\u0007 nul\u0000 unit\u001f del\u007f', b: 'é 請求書 😀', c: 'lone \ud800 surrogate', d: '' },
  { a: 12, b: -7, c: 0, d: 1234567890123456 },
  { a: 0.1 + 0.2, b: 1e21, c: -0.5, d: 2 ** 70 },
  { a: true, b: false, c: null, d: 'true' },
  { a: '1', b: '"quoted"', c: '[1]', d: '{}' },
];

const texts: string[] = [
  ...AWKWARD.map((o) => JSON.stringify(o)),
  JSON.stringify({ action_original: 'GET', nested: { x: 1 } }),
  JSON.stringify({ list: [1, 2] }),
  JSON.stringify({ 'key"q': 1 }),
  JSON.stringify({ 'back\\slash': 1 }),
  JSON.stringify({ '日本': '語' }),
  '{}',
  '{"a":1, "b":2}',
];
// Keys that repeat at first and then vary: once past the encoder's trial (4,096 uses of the
// key) they become literal under new shapes. A key whose values come back (a process's
// creation time: many new values at first, each repeated later) stays coded.
for (let i = 0; i < 4200; i++) {
  texts.push(JSON.stringify({ host: 'ws-01', session: i < 40 ? 'same' : `s-${i}`, n: i, started: `2026-10-05T0${Math.floor(i / 400) % 10}:00:00Z` }));
}
// The same keys under another key list: those found not to pay are literal from its first row.
for (let i = 0; i < 10; i++) texts.push(JSON.stringify({ host: 'ws-01', session: `t-${i}`, n: 5000 + i }));
for (let i = 0; i < 4200; i++) texts.push(JSON.stringify({ host: 'ws-02', created: `2026-10-04T${String(i % 1500).padStart(6, '0')}Z` }));

describe('extra in its compact form', () => {
  let store: CaseStore;
  const ids: number[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tracelight-extra-'));
  beforeAll(async () => {
    store = await CaseStore.create(path.join(dir, 'extra.tlcase'));
    store.db.run(
      `INSERT INTO evidence (id, path, name, size, mtime, format, encoding, timezone, base_year, status, added_at)
       VALUES (1, 'x', 'x', 0, '2026-10-05T00:00:00.000Z', 'test', 'utf-8', 'UTC', 2026, 'complete', '2026-10-05T00:00:00.000Z')`,
    );
    for (const t of texts) {
      const [shape, values] = storedExtra(store.db, 1, t);
      store.db.run(
        `INSERT INTO event_row (evidence_id, time, time_raw, time_zone, category, extra_shape, extra_values, source_line, source_offset, source_length)
         VALUES (1, '2026-10-05T00:00:00.000Z', 'x', 'UTC', 'other', ?, ?, 1, 0, 0)`,
        [shape, values],
      );
      ids.push(Number(store.scalar('SELECT last_insert_rowid()')));
    }
  });
  afterAll(() => {
    store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('encodes flat objects and leaves nested values, escaped keys and spacing as text', () => {
    const rows = store.all<{ extra_shape: number | null; extra_values: string }>('SELECT extra_shape, extra_values FROM event_row ORDER BY id');
    const plain = rows.map((r, i) => (r.extra_shape === null ? texts[i] : null)).filter((t) => t !== null);
    expect(plain).toEqual([texts[6], texts[7], texts[8], texts[9], '{}', '{"a":1, "b":2}']);
    // The varying key got its own shape with the key literal; the repeated host stays an id.
    const shapes = store.all<{ coded: string }>("SELECT coded FROM extra_shape WHERE keys = '[\"host\",\"session\",\"n\",\"started\"]' ORDER BY n");
    expect(shapes.map((s) => s.coded)).toEqual(['[1,1,1,1]', '[1,0,1,1]', '[1,0,0,1]']);
    // 1,500 creation times, each written ~3 times, the first 1,500 rows all new: still ids.
    const fewer = store.all<{ coded: string }>("SELECT coded FROM extra_shape WHERE keys = '[\"host\",\"session\",\"n\"]' ORDER BY n");
    expect(fewer.map((s) => s.coded)).toEqual(['[1,0,0]']);
    const created = store.all<{ coded: string }>("SELECT coded FROM extra_shape WHERE keys = '[\"host\",\"created\"]' ORDER BY n");
    expect(created.map((s) => s.coded)).toEqual(['[1,1]']);
  });

  it('reads back byte for byte through the engine, the plain-SQL view and an independent decoder', () => {
    const expected = texts.map((t, i) => ({ id: ids[i], extra: t }));
    expect(store.all('SELECT id, extra FROM events ORDER BY id')).toEqual(expected);
    expect(store.all('SELECT id, extra FROM main.events ORDER BY id')).toEqual(expected);
    const ref = new ExtraReference().add({
      shapes: store.all('SELECT n, keys, coded FROM extra_shape'),
      values: store.all('SELECT n, value FROM extra_value'),
    });
    const rows = store.all<{ extra_shape: number | null; extra_values: string }>('SELECT extra_shape, extra_values FROM event_row ORDER BY id');
    // JSON.stringify cannot write a lone surrogate's text back from its parsed value: that
    // value is kept in the dictionary (as its JSON text), which the reference reads as it is.
    expect(rows.map((r) => ref.text(r.extra_shape, r.extra_values))).toEqual(texts);
  });

  it('reads one key as json_extract reads it from the text', () => {
    for (const key of ['a', 'b', 'c', 'd', 'action_original', 'host', 'session', 'n', 'missing']) {
      const path = `'$."${key}"'`;
      const got = store.all(`SELECT v, typeof(v) AS t FROM (SELECT ${extraKeyLiteral(key)} AS v FROM event_row ORDER BY id)`);
      const want = texts.map((t) => store.all(`SELECT json_extract(?, ${path}) AS v, typeof(json_extract(?, ${path})) AS t`, [t, t])[0]);
      expect(got).toEqual(want);
    }
  });

  it('gives an evidence file its own numbering: removing the file removes its dictionary', () => {
    expect(Number(store.scalar('SELECT count(*) FROM extra_value WHERE evidence_id = 1'))).toBeGreaterThan(0);
    store.db.run('DELETE FROM event_row WHERE evidence_id = 1');
    store.db.run('DELETE FROM evidence WHERE id = 1');
    expect(Number(store.scalar('SELECT count(*) FROM extra_value'))).toBe(0);
    expect(Number(store.scalar('SELECT count(*) FROM extra_shape'))).toBe(0);
  });
});
