// An answer opened in the timeline: the query-bar text it carries must select, through the
// query language's own compiler (what the grid, facets and exports run), exactly the events
// the answer counted; where that cannot hold, the answer says why and carries no query.
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../../electron/engine/assist/ask';
import { timelineQuery } from '../../../electron/engine/assist/timeline-query';
import { splitClauses, whereClause } from '../../../electron/engine/store/query/index';
import { EMOTET } from '../../assist-eval/questions-emotet.mjs';
import { emotetSession } from './case-fixture';

const emotet = emotetSession();
const ask = emotet.ask;

/** The ids the grid would show for a query-bar text. */
function gridIds(query: string): number[] {
  const w = whereClause({ query });
  const res = emotet.session().store.db.exec(`SELECT id FROM events ${w.sql} ORDER BY id`, w.params)[0];
  return (res?.values ?? []).map((v) => Number(v[0]));
}

describe('an answer as a timeline query', { timeout: 300_000 }, () => {
  it('writes host and time as field terms the query bar splits into chips', async () => {
    const a = await ask('events on wks-hr-11 between 00:10 and 00:12 UTC');
    expect(a.timeline.query).toBe('host:"wks-hr-11.acme.local" time:[2026-10-05T00:10:00.000Z TO 2026-10-05T00:12:00.000Z}');
    const chips = splitClauses(a.timeline.query!);
    expect(chips.ok && chips.clauses.map((c) => c.text)).toEqual(['host:"wks-hr-11.acme.local"', 'time:[2026-10-05T00:10:00.000Z TO 2026-10-05T00:12:00.000Z}']);
    expect(gridIds(a.timeline.query!)).toEqual([...a.event_ids].sort((x, y) => x - y));
  });

  it('carries the answer\'s own filter: process, parent, ports, exclusions, not just host/category/time', async () => {
    const a = await ask('rundll32を実行したホストとユーザーは？');
    expect(a.timeline.query).toContain('process_name:"rundll32.exe"');
    expect(a.timeline.query).toContain('category:"process"');
    expect(gridIds(a.timeline.query!).length).toBe(a.counted);
    const top = await ask('top 3 domains');
    // Only the three listed domains: the rows the answer counted.
    expect(top.timeline.query).toMatch(/\(domain:"[^"]+" OR domain:"[^"]+" OR domain:"[^"]+"\)/);
    expect(gridIds(top.timeline.query!).length).toBe(top.rows.reduce((n, r) => n + Number(r.events), 0));
    const first = await ask('first process event');
    expect(gridIds(first.timeline.query!)).toEqual([first.rows[0]!.id]);
  });

  it('for every question of the evaluation set, the grid shows exactly the events the answer counted', async () => {
    let checked = 0;
    for (const [, q] of EMOTET as [string, string, string][]) {
      const r = await answerQuestion(emotet.session().store, q);
      if (!r.ok) continue;
      const a = r.answer;
      if (a.timeline.query === null) {
        expect(a.timeline.reason, q).toBeTruthy();
        continue;
      }
      const ids = gridIds(a.timeline.query);
      expect(a.timeline.events, q).toBe(ids.length);
      if (a.counted !== null) expect(ids.length, q).toBe(a.counted);
      // Every event the answer cites is among the rows the timeline shows.
      expect(a.event_ids.filter((id) => !ids.includes(id)), q).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('says so instead of showing other rows when the query language would select different events', async () => {
    // The answer compares the host exactly; the query bar folds case: it would show 86 events.
    const t = await timelineQuery(emotet.session().store, { intent: 'count', dim: null, limit: null, filters: [{ fields: ['host'], op: 'eq', values: ['WKS-ACCT-07.ACME.LOCAL'] }], time: null }, null, 10_000);
    expect(t.query).toBeNull();
    expect(t.reason).toMatch(/would select 86 event/);
  });

  it('detection answers and edited SQL carry a reason, not a query', async () => {
    const d = await ask('which hosts are infected?');
    expect(d.timeline.query).toBeNull();
    expect(d.timeline.reason).toMatch(/detection results/);
  });
});
