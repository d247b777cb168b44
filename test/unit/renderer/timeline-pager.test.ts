import { describe, expect, it, vi } from 'vitest';
import type { EventFilter } from '../../../electron/common/protocol';
import { EVENT_COLUMNS, type EventRow } from '../../../electron/common/schema';
import { TimelinePager, type PagerSource } from '../../../renderer/src/features/timeline/timeline-pager';

const TOTAL = 1_000_000;

function fakeRow(id: number, tag = ''): EventRow {
  const row = Object.fromEntries(EVENT_COLUMNS.map((c) => [c, null])) as EventRow;
  return { ...row, id, message: `${tag}${id}` };
}

/** A source over 1M synthetic rows that records every request and answers on demand. */
function fakeSource(total = TOTAL) {
  const requests: { filter: EventFilter | undefined; offset: number; limit: number }[] = [];
  let tag = '';
  const source: PagerSource = {
    count: async () => total,
    page: async (filter, offset, limit) => {
      requests.push({ filter, offset, limit });
      const rows: EventRow[] = [];
      for (let i = offset; i < Math.min(total, offset + limit); i++) rows.push(fakeRow(i + 1, tag));
      return rows;
    },
  };
  return { source, requests, setTag: (t: string) => (tag = t) };
}

const options = { pageSize: 200, cachePages: 4, maxInFlight: 3, delayMs: 5, prefetchRows: 0 };
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('TimelinePager', () => {
  it('counts, then fetches only the pages on screen', async () => {
    const { source, requests } = fakeSource();
    const onChange = vi.fn();
    const pager = new TimelinePager(source, onChange, options);
    pager.setQuery(undefined, 0);
    pager.setRange(0, 50);
    await settle();
    expect(pager.count).toBe(TOTAL);
    expect(requests.map((r) => r.offset)).toEqual([0]);
    expect(pager.row(49)?.id).toBe(50);
    expect(pager.row(250)).toBeUndefined();
    expect(onChange).toHaveBeenCalled();
  });

  it('jumps deep into 1M rows without loading what lies between', async () => {
    const { source, requests } = fakeSource();
    const pager = new TimelinePager(source, () => {}, options);
    pager.setQuery(undefined, 0);
    pager.setRange(0, 50);
    await settle();
    pager.setRange(750_190, 750_240);
    await settle();
    expect(requests.map((r) => r.offset)).toEqual([0, 750_000, 750_200]);
    expect(pager.row(750_199)?.id).toBe(750_200);
    expect(pager.row(750_200)?.id).toBe(750_201);
  });

  it('coalesces a burst of scrolling into requests for where the view stopped', async () => {
    const { source, requests } = fakeSource();
    const pager = new TimelinePager(source, () => {}, options);
    pager.setQuery(undefined, 0);
    await settle();
    for (let start = 0; start < 500_000; start += 10_000) pager.setRange(start, start + 50);
    pager.setRange(900_000, 900_050);
    await settle();
    expect(requests.map((r) => r.offset)).toEqual([900_000]);
  });

  it('fetches the visible page first, then the neighbours within prefetchRows', async () => {
    const { source, requests } = fakeSource();
    const pager = new TimelinePager(source, () => {}, { ...options, prefetchRows: 100 });
    pager.setQuery(undefined, 0);
    pager.setRange(10_050, 10_100);
    await settle();
    expect(requests.map((r) => r.offset)).toEqual([10_000, 9_800]);
    pager.setRange(10_150, 10_190);
    await settle();
    expect(requests.map((r) => r.offset)).toEqual([10_000, 9_800, 10_200]);
  });

  it('keeps memory flat: old pages are evicted from the LRU cache', async () => {
    const { source } = fakeSource();
    const pager = new TimelinePager(source, () => {}, options);
    pager.setQuery(undefined, 0);
    await settle();
    for (const page of [0, 10, 20, 30, 40]) {
      pager.setRange(page * 200, page * 200 + 50);
      await settle();
    }
    expect(pager.row(0)).toBeUndefined();
    expect(pager.row(40 * 200)?.id).toBe(8001);
  });

  it('a new filter drops cached rows; a refresh keeps them until replaced', async () => {
    const { source, requests, setTag } = fakeSource();
    const pager = new TimelinePager(source, () => {}, options);
    pager.setQuery(undefined, 0);
    pager.setRange(0, 50);
    await settle();

    setTag('new-');
    pager.setQuery(undefined, 1);
    expect(pager.row(0)?.message).toBe('1'); // stale row still shown
    expect(pager.count).toBe(TOTAL);
    await settle();
    expect(pager.row(0)?.message).toBe('new-1');

    pager.setQuery({ text: 'rundll32' }, 1);
    expect(pager.row(0)).toBeUndefined();
    expect(pager.count).toBeNull();
    await settle();
    expect(requests.at(-1)?.filter).toEqual({ text: 'rundll32' });
  });

  it('ignores replies that arrive after the query changed', async () => {
    let release: (rows: EventRow[]) => void = () => {};
    const source: PagerSource = {
      count: async () => 10,
      page: () => new Promise((resolve) => (release = resolve)),
    };
    const pager = new TimelinePager(source, () => {}, options);
    pager.setQuery({ category: 'dns' }, 0);
    pager.setRange(0, 10);
    await settle();
    pager.setQuery({ category: 'web' }, 0);
    release([fakeRow(99)]);
    await settle();
    expect(pager.row(0)).toBeUndefined();
  });

  it('never has more than maxInFlight page requests outstanding', async () => {
    let outstanding = 0;
    let peak = 0;
    const source: PagerSource = {
      count: async () => TOTAL,
      page: async (_f, offset) => {
        outstanding++;
        peak = Math.max(peak, outstanding);
        await new Promise((r) => setTimeout(r, 2));
        outstanding--;
        return [fakeRow(offset + 1)];
      },
    };
    const pager = new TimelinePager(source, () => {}, { ...options, cachePages: 20 });
    pager.setQuery(undefined, 0);
    pager.setRange(0, 2000);
    await new Promise((r) => setTimeout(r, 100));
    expect(peak).toBeLessThanOrEqual(3);
    expect(pager.row(1800)?.id).toBe(1801);
  });

  it('reports a failed page and recovers on the next scroll', async () => {
    let fail = true;
    const source: PagerSource = {
      count: async () => 100,
      page: async () => {
        if (fail) throw new Error('database is locked');
        return [fakeRow(1)];
      },
    };
    const pager = new TimelinePager(source, () => {}, options);
    pager.setQuery(undefined, 0);
    pager.setRange(0, 10);
    await settle();
    expect(pager.error).toBe('database is locked');
    fail = false;
    pager.setRange(0, 11);
    await settle();
    expect(pager.row(0)?.id).toBe(1);
  });
});
