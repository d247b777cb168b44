import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRow } from '../../../electron/common/schema';
import type { EventSort, PageCursor } from '../../../electron/common/workspace';
import type { CaseStore } from '../../../electron/engine/store/case-store';
import { keysetPage } from '../../../electron/engine/store/event-pages';
import { facetCounts } from '../../../electron/engine/store/facets';
import { ids, searchCase } from './search-case';

// 50 events; times repeat (ties broken by id), some hosts missing (NULLs sort first).
const HOSTS = ['ws-b', null, 'WS-A', 'ws-c', 'ws-a'];
let store: CaseStore;
beforeAll(async () => {
  store = await searchCase(
    Array.from({ length: 50 }, (_, i) => ({
      time: `2026-10-05T00:${String(Math.floor(i / 3)).padStart(2, '0')}:00.000Z`,
      host: HOSTS[i % 5]!,
      category: i % 4 === 0 ? 'network' : 'process',
      dst_port: i % 4 === 0 ? (i % 8 === 0 ? 443 : 4444) : null,
    })),
  );
});
afterAll(() => store.close());

/** The whole result in the order SQL gives it: what paging must reproduce. */
function all(sort: EventSort, where = ''): number[] {
  const key = sort.column === 'time' ? 'time' : `${sort.column} COLLATE NOCASE`;
  const dir = sort.descending ? 'DESC' : 'ASC';
  return ids(store.all(`SELECT id FROM event_row ${where} ORDER BY ${key} ${dir}, id ${dir}`));
}

const cursor = (row: EventRow, sort: EventSort): PageCursor => ({ value: row[sort.column] as string | number | null, id: Number(row.id) });

function walkForward(sort: EventSort, query?: string): number[] {
  const seen: number[] = [];
  let page = keysetPage(store, { sort, at: { kind: 'first' }, limit: 7, filter: { query } });
  while (page.rows.length) {
    seen.push(...ids(page.rows));
    page = keysetPage(store, { sort, at: { kind: 'after', cursor: cursor(page.rows[page.rows.length - 1]!, sort) }, limit: 7, filter: { query } });
  }
  return seen;
}

function walkBackward(sort: EventSort): number[] {
  const seen: number[] = [];
  let page = keysetPage(store, { sort, at: { kind: 'last' }, limit: 7 });
  while (page.rows.length) {
    seen.unshift(...ids(page.rows));
    page = keysetPage(store, { sort, at: { kind: 'before', cursor: cursor(page.rows[0]!, sort) }, limit: 7 });
  }
  return seen;
}

describe('keyset pages', () => {
  for (const sort of [{ column: 'time' }, { column: 'time', descending: true }, { column: 'host' }, { column: 'host', descending: true }, { column: 'dst_port' }] as EventSort[]) {
    it(`walks every row once, forwards and backwards, by ${sort.column}${sort.descending ? ' descending' : ''}`, () => {
      expect(walkForward(sort)).toEqual(all(sort));
      expect(walkBackward(sort)).toEqual(all(sort));
    });
  }

  it('pages a query the same way', () => {
    expect(walkForward({ column: 'time' }, 'category:network')).toEqual(all({ column: 'time' }, "WHERE category = 'network'"));
  });

  it('starts the first page at row 0 and jumps to a time with its row number', () => {
    expect(keysetPage(store, { at: { kind: 'first' }, limit: 3 }).startIndex).toBe(0);
    const jump = keysetPage(store, { at: { kind: 'time', time: '2026-10-05T00:05' }, limit: 4 });
    expect(jump.startIndex).toBe(15);
    expect(ids(jump.rows)).toEqual(all({ column: 'time' }).slice(15, 19));
    const last = keysetPage(store, { at: { kind: 'last' }, limit: 4 });
    expect(ids(last.rows)).toEqual(all({ column: 'time' }).slice(46));
  });

  it('refuses an unknown sort column instead of writing it into SQL', () => {
    expect(() => keysetPage(store, { sort: { column: 'id; DROP TABLE event_row' as never }, at: { kind: 'first' }, limit: 3 })).toThrow(/cannot sort/);
  });
});

describe('facets', () => {
  it('counts values of the current query, top and rare, case variants together', () => {
    const { facets } = facetCounts(store, { fields: ['host', 'dst_port'], limit: 2 });
    const host = facets[0]!;
    expect(host.distinct).toBe(4);
    expect(host.top.map((v) => [String(v.value).toLowerCase(), v.count])).toEqual([['ws-a', 20], ['null', 10]]);
    expect(host.rare.map((v) => v.count)).toEqual([10, 10]);
    const port = facets[1]!;
    expect(port.top).toEqual([{ value: null, count: 37 }, { value: 443, count: 7 }]);
    expect(port.rare).toEqual([{ value: 4444, count: 6 }, { value: 443, count: 7 }]);
    // A query matching everything counts row by row; no query counts along the indexes: same answer.
    const rowPass = facetCounts(store, { limit: 3, filter: { query: 'id:>0' } }).facets;
    const byIndex = facetCounts(store, { limit: 3 }).facets;
    expect(rowPass.map((f) => [f.field, f.distinct, f.top.map((v) => v.count), f.rare.map((v) => v.count)])).toEqual(
      byIndex.map((f) => [f.field, f.distinct, f.top.map((v) => v.count), f.rare.map((v) => v.count)]),
    );
    const filtered = facetCounts(store, { fields: ['category'], filter: { query: 'dst_port:4444' } }).facets[0]!;
    expect(filtered.top).toEqual([{ value: 'network', count: 6 }]);
  });
});
