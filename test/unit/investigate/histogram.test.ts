import { describe, expect, it } from 'vitest';
import type { HistogramBucket } from '../../../electron/common/investigate';
import { chooseUnit, findGaps, histogram, markBursts } from '../../../electron/engine/investigate/histogram';
import { ingestWithCustody } from '../../../electron/engine/custody/ingest-custody';
import { tempDir } from '../helpers/tmp';
import { caseWith, incidentFiles } from './helpers';

const bucket = (total: number): HistogramBucket => ({ start: '', total, counts: {}, burst: false });

describe('histogram', () => {
  it('chooses minute, hour or day buckets from the span, at most 240 bars', () => {
    expect(chooseUnit(90 * 60_000)).toEqual({ unit: 'minute', bucketMs: 60_000 });
    expect(chooseUnit(3 * 86_400_000).unit).toBe('hour');
    expect(chooseUnit(400 * 86_400_000)).toEqual({ unit: 'day', bucketMs: 2 * 86_400_000 });
  });

  it('counts the events of the filter per bucket, stacked by category or by evidence file, with a strip per file', async () => {
    const s = await caseWith(tempDir(), incidentFiles);
    const h = histogram(s.store, undefined, 'category');
    expect(h.unit).toBe('minute');
    expect(h.total).toBe(Number(s.store.scalar('SELECT count(*) FROM events')));
    expect(h.buckets.reduce((n, b) => n + b.total, 0)).toBe(h.total);
    const at = h.buckets.findIndex((b) => b.start === '2026-11-02T01:05:00.000Z');
    // 01:05: WINWORD, powershell, rundll32, schtasks starts; two connections; the payload GET.
    expect(h.buckets[at]!.counts).toEqual({ process: 4, network: 2, web: 1 });
    expect(h.strips.map((x) => x.name)).toEqual(['DeviceProcessEvents.csv', 'DeviceNetworkEvents.csv', 'squid_access.log']);
    // The beacons every five minutes leave four empty minutes between them: not a gap on an
    // 80-minute chart; the quiet 02:01-02:08 before the second workstation's events is.
    expect(h.buckets).toHaveLength(80);
    expect(h.gaps.map(([a, b]) => [h.buckets[a]!.start.slice(11, 16), h.buckets[b]!.start.slice(11, 16)])).toEqual([['02:01', '02:08'], ['02:12', '02:22']]);

    const bySource = histogram(s.store, { from: '2026-11-02T01:00:00.000Z', to: '2026-11-02T01:30:00.000Z' }, 'source');
    expect(bySource.buckets).toHaveLength(30);
    expect(bySource.total).toBe(Number(s.store.scalar("SELECT count(*) FROM events WHERE time >= '2026-11-02T01:00:00.000Z' AND time < '2026-11-02T01:30:00.000Z'")));
    expect(Object.values(bySource.keyLabels).sort()).toEqual(['DeviceNetworkEvents.csv', 'DeviceProcessEvents.csv', 'squid_access.log']);
    s.close();
  });

  it('answers whole-minute ranges from a per-minute summary that agrees with SQL and follows new evidence', async () => {
    const dir = tempDir();
    const s = await caseWith(dir, incidentFiles.slice(0, 2));
    const check = (from?: string, to?: string) => {
      const h = histogram(s.store, from ? { from, to } : undefined, 'category');
      for (const b of h.buckets) {
        const end = new Date(Date.parse(b.start) + h.bucketMs).toISOString();
        const byCat = s.store.all<{ category: string; n: number }>('SELECT category, count(*) AS n FROM events WHERE time >= ? AND time < ? GROUP BY category', [b.start, end]);
        expect(b.counts).toEqual(Object.fromEntries(byCat.map((r) => [r.category, r.n])));
      }
      return h;
    };
    expect(check().total).toBe(21);
    check('2026-11-02T01:10:00.000Z', '2026-11-02T01:40:00.000Z');
    // A file added later is counted at once (the summary is rebuilt).
    await ingestWithCustody(s, { path: incidentFiles[2]!, timezone: 'UTC' });
    expect(check().total).toBe(27);
    s.close();
  });

  it('marks a burst far above the usual and gaps of two or more empty buckets', () => {
    const b = [5, 6, 4, 5, 0, 0, 0, 6, 80, 5, 0, 5].map(bucket);
    markBursts(b);
    expect(b.map((x, i) => (x.burst ? i : -1)).filter((i) => i >= 0)).toEqual([8]);
    expect(findGaps(b)).toEqual([[4, 6]]);
    expect(findGaps(b, 4)).toEqual([]);
  });
});
