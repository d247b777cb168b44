// The query language's `extra:` field searches extra's JSON text, which a case stores
// compactly (store/extra/): the same matches over the `events` view and over event_row (the
// facets and counts query event_row), whether a value is a dictionary id or written in the row.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { whereClause } from '../../../electron/engine/store/query';
import type { CaseStore } from '../../../electron/engine/store/case-store';
import { ids, searchCase } from './search-case';

const web = (i: number, method: string, agent: string) => ({
  time: `2026-10-05T00:${String(i).padStart(2, '0')}:00.000Z`,
  category: 'web',
  action: 'http_request',
  extra: JSON.stringify({ action_original: method, user_agent: agent, hierarchy: 'HIER_DIRECT' }),
});
const EVENTS = [
  web(1, 'GET', 'Mozilla/5.0 (Windows NT 10.0)'),
  web(2, 'POST', 'curl/8.5.0'),
  web(3, 'GET', 'python-requests/2.31'),
  { time: '2026-10-05T00:04:00.000Z', category: 'process', action: 'process_start', extra: JSON.stringify({ CommandLine: 'C:\\Windows\\evil.exe "x"' }) },
  { time: '2026-10-05T00:05:00.000Z', category: 'other', extra: null },
];

let store: CaseStore;
beforeEach(async () => {
  store = await searchCase(EVENTS);
});
afterEach(() => store.close());

function both(query: string): number[] {
  const where = whereClause({ query }, { ftsReady: false });
  const viaView = ids(store.all(`SELECT id FROM events ${where.sql} ORDER BY id`, where.params));
  const viaRows = ids(store.all(`SELECT id FROM event_row ${where.sql} ORDER BY id`, where.params));
  expect(viaRows).toEqual(viaView);
  return viaView;
}

describe('extra: in the query language', () => {
  it('finds text in the JSON of extra, as written there', () => {
    expect(Number(store.scalar('SELECT count(*) FROM event_row WHERE extra_shape IS NOT NULL'))).toBe(4);
    expect(both('extra:"\\"action_original\\":\\"GET\\""')).toEqual([1, 3]);
    expect(both('extra:curl')).toEqual([2]);
    expect(both('extra:HIER_DIRECT')).toEqual([1, 2, 3]);
    // A backslash is escaped in the JSON text: the search reads that text.
    expect(both('extra:"Windows\\\\\\\\evil"')).toEqual([4]);
    expect(both('extra:nothing-like-this')).toEqual([]);
  });
});
