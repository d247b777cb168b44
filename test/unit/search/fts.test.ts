import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseStore } from '../../../electron/engine/store/case-store';
import { indexNextChunk } from '../../../electron/engine/store/fts/fts-builder';
import { ftsComplete, ftsState } from '../../../electron/engine/store/fts/fts-state';
import { whereFor } from '../../../electron/engine/store/event-queries';
import { addEvidence, ids, searchCase } from './search-case';

const ev = (i: number, text: string) => ({ time: `2026-10-05T00:${String(i).padStart(2, '0')}:00.000Z`, process_command_line: text });

let store: CaseStore;
beforeEach(async () => {
  store = await searchCase(Array.from({ length: 10 }, (_, i) => ev(i, i % 2 ? 'powershell -enc AAAA' : 'cmd /c whoami')));
});
afterEach(() => store.close());

function find(query: string): number[] {
  const where = whereFor(store, { query });
  return ids(store.all(`SELECT id FROM event_row ${where.sql} ORDER BY id`, where.params));
}

/** Answers straight from the index, whatever its state (to see what it holds). */
function fromIndex(word: string): number[] {
  return ids(store.all('SELECT docid AS id FROM event_fts WHERE event_fts MATCH ? ORDER BY docid', [word]));
}

function buildAll(): void {
  while (indexNextChunk(store, 3));
}

describe('full-text index', () => {
  it('is built in chunks, reports its progress, and is used only once complete', () => {
    expect(ftsState(store, true)).toEqual({ state: 'building', indexed: 0, total: 10, pendingIndexes: 10 });
    expect(indexNextChunk(store, 3)).toBe(true);
    expect(ftsState(store, true)).toEqual({ state: 'building', indexed: 3, total: 10, pendingIndexes: 10 });
    expect(ftsState(store, false).state).toBe('unavailable');
    // Half built: the scan answers, completely.
    expect(find('powershell')).toEqual([2, 4, 6, 8, 10]);
    buildAll();
    expect(ftsState(store, true)).toEqual({ state: 'ready', indexed: 10, pendingIndexes: 10 });
    expect(fromIndex('powershell')).toEqual([2, 4, 6, 8, 10]);
    expect(whereFor(store, { query: 'powershell' }).sql).toContain('MATCH');
    expect(find('powershell')).toEqual([2, 4, 6, 8, 10]);
  });

  it('indexes only what was added since, after another ingest', () => {
    buildAll();
    addEvidence(store, 2, [ev(30, 'mshta http://x.example/a.hta')]);
    expect(ftsComplete(store)).toBe(false);
    expect(find('mshta')).toEqual([11]);
    buildAll();
    expect(fromIndex('mshta')).toEqual([11]);
    expect(fromIndex('whoami')).toEqual([1, 3, 5, 7, 9]);
  });

  it('forgets removed events, and indexes the ids SQLite hands out again', () => {
    buildAll();
    addEvidence(store, 2, [ev(30, 'mshta one'), ev(31, 'mshta two')]);
    buildAll();
    store.db.run('DELETE FROM event_row WHERE evidence_id = 2');
    expect(fromIndex('mshta')).toEqual([]);
    expect(ftsComplete(store)).toBe(true);
    // The freed ids 11 and 12 come back for the next file's events.
    addEvidence(store, 3, [ev(40, 'certutil -urlcache')]);
    expect(ftsComplete(store)).toBe(false);
    buildAll();
    expect(fromIndex('certutil')).toEqual([11]);
    expect(fromIndex('mshta')).toEqual([]);
    expect(find('certutil')).toEqual([11]);
    expect(store.all("SELECT count(*) AS n FROM event_fts WHERE event_fts MATCH 'whoami'")[0]).toEqual({ n: 5 });
    // FTS4's own check: the index agrees with the rows it says it holds.
    expect(() => store.db.run("INSERT INTO event_fts (event_fts) VALUES ('integrity-check')")).not.toThrow();
  });

  it('follows a changed host name (host resolution) without touching rows it has not indexed', () => {
    indexNextChunk(store, 5);
    store.db.run("UPDATE event_row SET host = 'WS-TKY-014' WHERE id IN (2, 8)");
    expect(fromIndex('tky')).toEqual([2]);
    buildAll();
    expect(fromIndex('tky')).toEqual([2, 8]);
    store.db.run("UPDATE event_row SET host = NULL WHERE id = 2");
    expect(fromIndex('tky')).toEqual([8]);
    expect(store.all("SELECT count(*) AS n FROM event_fts WHERE event_fts MATCH 'powershell'")[0]).toEqual({ n: 5 });
    expect(() => store.db.run("INSERT INTO event_fts (event_fts) VALUES ('integrity-check')")).not.toThrow();
  });
});

describe('full-text index and the case file', () => {
  it('passes PRAGMA integrity_check at every stage (any sqlite3 may check a case)', async () => {
    const s = await searchCase(Array.from({ length: 7 }, (_, i) => ev(i, `word${i} common`)));
    const check = () => String(s.scalar('PRAGMA integrity_check'));
    expect(check()).toBe('ok');
    indexNextChunk(s, 3);
    expect(check()).toBe('ok');
    s.db.run('DELETE FROM event_row WHERE id IN (2, 6)');
    expect(check()).toBe('ok');
    while (indexNextChunk(s, 3));
    expect(check()).toBe('ok');
    expect(ids(s.all("SELECT docid AS id FROM event_fts WHERE event_fts MATCH 'common' ORDER BY docid"))).toEqual([1, 3, 4, 5, 7]);
    s.close();
  });
});

describe('workspace indexes', () => {
  it('are built one at a time after ingest, and then serve the same answers', async () => {
    const { buildNextIndex, WORKSPACE_INDEXES } = await import('../../../electron/engine/store/fts/workspace-indexes');
    const s = await searchCase(Array.from({ length: 6 }, (_, i) => ({ ...ev(i, 'x'), host: i % 2 ? 'WS-A' : 'ws-b' })));
    let built = 0;
    while (buildNextIndex(s)) built++;
    expect(built).toBe(WORKSPACE_INDEXES.length);
    expect(buildNextIndex(s)).toBe(false);
    const plan = s.db.exec("EXPLAIN QUERY PLAN SELECT id FROM event_row WHERE host = 'x' COLLATE NOCASE ORDER BY time, id")[0]!.values.map((v) => String(v[3])).join(' ');
    expect(plan).toContain('event_row_host_time');
    expect(ids(s.all("SELECT id FROM event_row WHERE host = 'ws-a' COLLATE NOCASE ORDER BY id"))).toEqual([2, 4, 6]);
    expect(String(s.scalar('PRAGMA integrity_check'))).toBe('ok');
    s.close();
  });
});
