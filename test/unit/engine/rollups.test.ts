// Rollups (store/rollups/, migrations 012 and 014) must always say what a full GROUP BY over the events
// says: after an ingest, after tags are added and removed, after a clock-skew correction (and
// the host resolution it redoes), and after evidence is removed. The facets and histogram of
// the workspace show these numbers to an investigator as the case's counts.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addTag, removeEvidence, removeTag } from '../../../electron/engine/custody/actions';
import { ingestWithCustody } from '../../../electron/engine/custody/ingest-custody';
import { CaseSession } from '../../../electron/engine/custody/session';
import { skewEvidence } from '../../../electron/engine/custody/skew';
import type { CaseStore } from '../../../electron/engine/store/case-store';
import { facetCounts, FACET_FIELDS, facetSource, histogram, RollupCounter, writeIngestRollups } from '../../../electron/engine/store/rollups';
import type { ParsedEvent } from '../../../electron/engine/formats/types';
import { tempDir } from '../helpers/tmp';

// Carbon Black EDR netconn events (they name host and local address) and a Squid log from the
// same addresses (resolved to hosts), spread over several hours, with Japanese text.
const T0 = 1791159166; // 2026-10-05T01:32:46Z
const cb = (i: number) =>
  JSON.stringify({
    type: 'ingress.event.netconn', timestamp: T0 + i * 97, computer_name: `WKS-${i % 3}`, pid: 4120 + i,
    process_path: 'c:\\windows\\system32\\windowspowershell\\v1.0\\powershell.exe', protocol: 6,
    direction: 'outbound', remote_ip: `203.0.113.${i % 5}`, remote_port: [80, 443, 8080][i % 3], local_ip: `10.20.30.${40 + (i % 3)}`, local_port: 51734 + i,
  });
const squid = (i: number) =>
  `${T0 + i * 131}.${String(i % 1000).padStart(3, '0')}     68 10.20.30.${40 + (i % 5)} TCP_MISS/200 3705 ${i % 4 ? 'GET' : 'POST'} http://site${i % 7}.example.co.jp/請求書${i}.doc ${i % 6 ? '-' : '山田'} HIER_DIRECT/203.0.113.${i % 9} application/msword`;

function lines(n: number, f: (i: number) => string): string {
  return `${Array.from({ length: n }, (_, i) => f(i)).join('\n')}\n`;
}

type Row = { value: string | number; count: number };

function groupBy(store: CaseStore, field: string): Row[] {
  return store
    .all<{ value: string | number; n: number }>(
      `SELECT ${field} AS value, count(*) AS n FROM event_row WHERE ${field} IS NOT NULL GROUP BY ${field} ORDER BY n DESC, value`,
    )
    .map((r) => ({ value: r.value, count: Number(r.n) }));
}

function expectRollupsEqualGroupBy(store: CaseStore): void {
  for (const field of FACET_FIELDS) expect(facetCounts(store, field, 1e9), field).toEqual(groupBy(store, field));
  const tags = store
    .all<{ value: string; n: number }>(
      `SELECT t.label AS value, count(DISTINCT t.event_id) AS n FROM tag t JOIN event_row e ON e.id = t.event_id
       WHERE t.removed_at IS NULL GROUP BY t.label ORDER BY n DESC, value`,
    )
    .map((r) => ({ value: r.value, count: Number(r.n) }));
  expect(facetCounts(store, 'tag', 1e9)).toEqual(tags);
  for (const [bucket, width] of [['minute', 16], ['hour', 13]] as const) {
    const bins = store
      .all<{ start: string; n: number }>(`SELECT substr(time, 1, ${width}) AS start, count(*) AS n FROM event_row GROUP BY start ORDER BY start`)
      .map((r) => ({ start: r.start, count: Number(r.n) }));
    expect(histogram(store, bucket), bucket).toEqual(bins);
  }
  // Per minute, category and file (migration 014: the workspace histogram's stacks).
  const perCategory = (sql: string) => store.all(sql).map((r) => JSON.stringify(r));
  expect(perCategory('SELECT start, category, evidence_id, n FROM rollup_minute_category ORDER BY 1, 2, 3')).toEqual(
    perCategory('SELECT substr(time, 1, 16) AS start, category, evidence_id, count(*) AS n FROM event_row GROUP BY 1, 2, 3 ORDER BY 1, 2, 3'),
  );
}

async function mixedCase(): Promise<{ s: CaseSession; edr: number; proxy: number }> {
  const dir = tempDir();
  const s = await CaseSession.open(path.join(dir, 'c.tlcase'), { examiner: 'Examiner A', create: { timezone: 'UTC' } });
  writeFileSync(path.join(dir, 'cb.jsonl'), lines(60, cb));
  writeFileSync(path.join(dir, 'access.log'), lines(400, squid));
  const edr = (await ingestWithCustody(s, { path: path.join(dir, 'cb.jsonl'), timezone: 'UTC' })).id;
  const proxy = (await ingestWithCustody(s, { path: path.join(dir, 'access.log'), timezone: 'UTC' })).id;
  return { s, edr, proxy };
}

describe('rollups', () => {
  it('equal a full GROUP BY after ingest, with hosts resolved from EDR addresses', async () => {
    const { s } = await mixedCase();
    // The case is what the test means it to be: resolved hosts, several hours, ports.
    expect(Number(s.store.scalar('SELECT count(*) FROM event_row WHERE host_resolved = 1'))).toBeGreaterThan(0);
    expect(histogram(s.store, 'hour').length).toBeGreaterThan(1);
    expectRollupsEqualGroupBy(s.store);
    expect(facetCounts(s.store, 'user', 5)).toEqual([{ value: '山田', count: 67 }]);
    expect(facetCounts(s.store, 'category', 1)).toEqual([{ value: 'web', count: 400 }]);
    s.close();
  });

  it('follow tags added and removed', async () => {
    const { s } = await mixedCase();
    const ids = s.store.all<{ id: number }>('SELECT id FROM event_row ORDER BY id LIMIT 5').map((r) => Number(r.id));
    const tagged = ids.map((id) => addTag(s, id, 'c2'));
    addTag(s, ids[0]!, '初期侵入');
    expect(facetCounts(s.store, 'tag')).toEqual([{ value: 'c2', count: 5 }, { value: '初期侵入', count: 1 }]);
    expectRollupsEqualGroupBy(s.store);
    removeTag(s, Number(tagged[1]!.id));
    expect(facetCounts(s.store, 'tag')).toEqual([{ value: 'c2', count: 4 }, { value: '初期侵入', count: 1 }]);
    expectRollupsEqualGroupBy(s.store);
    s.close();
  });

  it('follow a clock-skew correction (times and the hosts resolved from them)', async () => {
    const { s, edr, proxy } = await mixedCase();
    const before = histogram(s.store, 'minute');
    skewEvidence(s, proxy, 3 * 3600_000 + 17_000, 'proxy clock three hours slow');
    expect(histogram(s.store, 'minute')).not.toEqual(before);
    expectRollupsEqualGroupBy(s.store);
    // Moving the EDR file's times moves the windows in which its addresses name hosts.
    skewEvidence(s, edr, -86_400_000 * 3, 'EDR clock three days fast');
    expectRollupsEqualGroupBy(s.store);
    skewEvidence(s, edr, 0, 'correction withdrawn');
    expectRollupsEqualGroupBy(s.store);
    s.close();
  });

  it('follow evidence removal', async () => {
    const { s, proxy } = await mixedCase();
    addTag(s, Number(s.store.scalar('SELECT min(id) FROM event_row WHERE evidence_id = ?', [proxy])), 'c2');
    // Only evidence that never completed can be removed: mark it so, as a crashed ingest leaves it.
    s.store.db.run("UPDATE evidence SET status = 'incomplete' WHERE id = ?", [proxy]);
    removeEvidence(s, proxy);
    expect(Number(s.store.scalar('SELECT count(*) FROM event_row'))).toBe(60);
    expect(facetCounts(s.store, 'tag')).toEqual([]);
    expectRollupsEqualGroupBy(s.store);
    s.close();
  });

  it('answer by a scan for a field with more distinct values than the in-memory bound', async () => {
    const { s, proxy } = await mixedCase();
    // Recount the proxy file's rollups as an ingest whose counter overflowed on every field would.
    const counter = new RollupCounter(3);
    const events = s.store.all<ParsedEvent & { time: string }>('SELECT * FROM event_row WHERE evidence_id = ?', [proxy]);
    for (const e of events) counter.add({ ...e, ts: Date.parse(e.time) } as ParsedEvent);
    const counts = counter.result();
    expect(counts.overflow).toContain('dst_ip');
    expect(counts.minutes).toBeNull();
    s.store.db.run('DELETE FROM rollup_count WHERE evidence_id = ?', [proxy]);
    s.store.db.run('DELETE FROM rollup_time WHERE evidence_id = ?', [proxy]);
    writeIngestRollups(s.store, proxy, counts);
    expect(facetSource(s.store, 'dst_ip')).toBe('scan');
    expect(Number(s.store.scalar("SELECT count(*) FROM rollup_count WHERE field = 'dst_ip' AND evidence_id = ?", [proxy]))).toBe(0);
    expect(facetSource(s.store, 'category')).toBe('rollup');
    expectRollupsEqualGroupBy(s.store);
    // A clock-skew correction redoes host resolution and the host counts: the gaps stay gaps.
    skewEvidence(s, proxy, 60_000, 'one minute');
    expectRollupsEqualGroupBy(s.store);
    s.close();
  });
});
