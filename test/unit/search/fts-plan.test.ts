// A bare word is read two ways depending on how common it is (store/fts/fts-plan.ts): the
// examiner must see the same count and the same pages either way, at every depth.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseStore } from '../../../electron/engine/store/case-store';
import { keysetPage } from '../../../electron/engine/store/event-pages';
import { countEvents, whereFor } from '../../../electron/engine/store/event-queries';
import { indexNextChunk } from '../../../electron/engine/store/fts/fts-builder';
import { walkTimeIndex } from '../../../electron/engine/store/fts/fts-plan';
import { whereClause } from '../../../electron/engine/store/query';
import type { EventFilter } from '../../../electron/common/protocol';
import type { PageAt } from '../../../electron/common/workspace';
import type { EventRow } from '../../../electron/common/schema';
import { searchCase, type TestEvent } from './search-case';

const EVENTS = 3000;
// Times out of id order (several files interleave in a real case), with ties on the second.
const time = (i: number) => `2026-10-05T${String(Math.floor(((i * 7919) % EVENTS) / 60) % 24).padStart(2, '0')}:${String((i * 7919) % 60).padStart(2, '0')}:00.000Z`;
function event(i: number): TestEvent {
  const common = i % 3 !== 0; // two thirds of the events
  return {
    time: time(i),
    host: i % 5 === 0 ? 'WS-TKY-014' : `WS-OSA-${String(i % 40).padStart(3, '0')}`,
    process_command_line: common ? `"C:\\Program Files\\Microsoft Office\\OUTLOOK.EXE" /id ${i}` : `cmd /c whoami ${i}`,
    ...(i === 1234 || i === 2222 ? { process_name: 'rundll32.exe' } : {}),
  };
}

let store: CaseStore;
beforeAll(async () => {
  store = await searchCase(Array.from({ length: EVENTS }, (_, i) => event(i)));
  while (indexNextChunk(store, 1000));
});
afterAll(() => store.close());

/** What a scan (no full-text index) says the filter matches, in the grid's order. */
function scanned(filter: EventFilter): number[] {
  const where = whereClause(filter);
  return store.all<{ id: number }>(`SELECT id FROM event_row ${where.sql} ORDER BY time, id`, where.params).map((r) => Number(r.id));
}

function page(filter: EventFilter, at: PageAt, limit = 200): number[] {
  return keysetPage(store, { filter, at, limit }).rows.map((r) => Number(r.id));
}

describe('bare words read by how common they are', () => {
  it('walks the time index for a common word and fetches the matches of a rare one', () => {
    expect(walkTimeIndex(store, whereFor(store, { query: 'outlook' }), 200)).toBe(true);
    expect(walkTimeIndex(store, whereFor(store, { query: 'rundll32' }), 200)).toBe(false);
    expect(walkTimeIndex(store, whereFor(store, { query: 'host:WS-TKY-014' }), 200)).toBe(false);
  });

  const filters: EventFilter[] = [
    { query: 'outlook' },
    { query: 'rundll32' },
    { query: 'outlook exe' },
    { query: 'outlook host:WS-TKY-014' },
    { query: 'outlook OR whoami' },
    { query: 'NOT outlook' },
    { query: 'outlook', from: '2026-10-05T03:00', to: '2026-10-05T09:30' },
    { query: '"program files" office' },
  ];

  it.each(filters)('counts what a scan counts: %j', (filter) => {
    expect(countEvents(store, filter)).toBe(scanned(filter).length);
  });

  it.each(filters)('pages first, last, forwards and backwards as a scan orders them: %j', (filter) => {
    const all = scanned(filter);
    expect(all.length).toBeGreaterThan(0);
    expect(page(filter, { kind: 'first' })).toEqual(all.slice(0, 200));
    expect(page(filter, { kind: 'last' })).toEqual(all.slice(-200));
    // Step through the whole result in pages of 150 from the first row, then back.
    const seen: number[] = [];
    let at: PageAt = { kind: 'first' };
    for (;;) {
      const rows: EventRow[] = keysetPage(store, { filter, at, limit: 150 }).rows;
      if (rows.length === 0) break;
      seen.push(...rows.map((r) => Number(r.id)));
      const last = rows[rows.length - 1]!;
      at = { kind: 'after', cursor: { value: last.time, id: Number(last.id) } };
    }
    expect(seen).toEqual(all);
    const middle = all[Math.floor(all.length / 2)]!;
    const middleRow = store.all<{ time: string }>('SELECT time FROM event_row WHERE id = ?', [middle])[0]!;
    const before = page(filter, { kind: 'before', cursor: { value: middleRow.time, id: middle } }, 100);
    expect(before).toEqual(all.slice(Math.max(0, Math.floor(all.length / 2) - 100), Math.floor(all.length / 2)));
  });
});
