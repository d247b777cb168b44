import { describe, expect, it } from 'vitest';
import { EVENT_COLUMNS, type EventRow } from '../../../electron/common/schema';
import type { EventPage, PageAt } from '../../../electron/common/workspace';
import { KeysetPager, type KeysetSource } from '../../../renderer/src/features/timeline/keyset-pager';

const T0 = Date.parse('2026-10-05T00:00:00Z');

/** N rows, one a second, answered by keyset like the engine (never by position). */
function fakeSource(total: number) {
  const rows: EventRow[] = Array.from({ length: total }, (_, i) => {
    const row = Object.fromEntries(EVENT_COLUMNS.map((c) => [c, null])) as EventRow;
    return { ...row, id: i + 1, time: new Date(T0 + i * 1000).toISOString() };
  });
  const asked: PageAt['kind'][] = [];
  const source: KeysetSource = {
    count: async () => total,
    page: async (_f, _s, at, limit): Promise<EventPage> => {
      asked.push(at.kind);
      const index = (id: number) => rows.findIndex((r) => r.id === id);
      switch (at.kind) {
        case 'first':
          return { rows: rows.slice(0, limit), startIndex: 0 };
        case 'last':
          return { rows: rows.slice(-limit), startIndex: null };
        case 'after': {
          const i = index(at.cursor.id);
          return { rows: rows.slice(i + 1, i + 1 + limit), startIndex: null };
        }
        case 'before': {
          const i = index(at.cursor.id);
          return { rows: rows.slice(Math.max(0, i - limit), i), startIndex: null };
        }
        case 'time': {
          const i = rows.findIndex((r) => String(r.time) >= new Date(at.time).toISOString());
          return { rows: rows.slice(i, i + limit), startIndex: i };
        }
      }
    },
  };
  return { source, asked };
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};
const options = { pageSize: 100, maxRows: 400, prefetchRows: 20 };

describe('KeysetPager', () => {
  it('loads the first page, then the next ones as the screen moves down, with true row numbers', async () => {
    const { source, asked } = fakeSource(10_000);
    const pager = new KeysetPager(source, () => {}, options);
    pager.setQuery(undefined, 0);
    pager.setRange(0, 40);
    await settle();
    expect(pager.count).toBe(10_000);
    expect(pager.row(0)?.id).toBe(1);
    pager.setRange(150, 190);
    await settle();
    expect(pager.row(189)?.id).toBe(190);
    expect(asked).toEqual(['first', 'after', 'after']);
  });

  it('jumps to the end by the last page and walks back before it', async () => {
    const { source } = fakeSource(10_000);
    const pager = new KeysetPager(source, () => {}, options);
    pager.setQuery(undefined, 0);
    pager.setRange(0, 40);
    await settle();
    pager.setRange(9_960, 10_000);
    await settle();
    expect(pager.row(9_999)?.id).toBe(10_000);
    pager.setRange(9_850, 9_890);
    await settle();
    expect(pager.row(9_850)?.id).toBe(9_851);
  });

  it('turns a far scrollbar drag into a time, and asks the grid to scroll to where it landed', async () => {
    const { source, asked } = fakeSource(10_000);
    const pager = new KeysetPager(source, () => {}, options);
    pager.setQuery(undefined, 0);
    pager.setRange(0, 40);
    await settle();
    pager.setRange(5_000, 5_040);
    await settle();
    expect(asked).toContain('time');
    const target = pager.takeScrollRequest();
    expect(target).not.toBeNull();
    // Evenly spaced times: the interpolated time is the asked row (within a row).
    expect(Math.abs(target! - 5_000)).toBeLessThanOrEqual(1);
    expect(pager.row(target!)?.id).toBe(target! + 1);
    expect(pager.takeScrollRequest()).toBeNull();
  });

  it('jumps to a time on request and keeps memory bounded', async () => {
    const { source } = fakeSource(10_000);
    const pager = new KeysetPager(source, () => {}, options);
    pager.setQuery(undefined, 0);
    pager.setRange(0, 40);
    await settle();
    pager.jumpToTime('2026-10-05T01:00:00Z');
    await settle();
    const at = pager.takeScrollRequest()!;
    expect(at).toBe(3_600);
    for (let start = at; start < at + 1_000; start += 50) {
      pager.setRange(start, start + 40);
      await settle();
    }
    expect(pager.row(at + 1_030)?.id).toBe(at + 1_031);
    // The far end was dropped (at most maxRows kept).
    expect(pager.row(at)).toBeUndefined();
  });
});
