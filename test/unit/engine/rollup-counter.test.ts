// The rollup counter counts runs of a repeated value without a lookup: its counts must still
// be exactly those of counting every event, whatever the order, and keep 80 apart from '80'.
import { describe, expect, it } from 'vitest';
import type { ParsedEvent } from '../../../electron/engine/formats/types';
import { RollupCounter } from '../../../electron/engine/store/rollups';

function event(i: number, fields: Partial<ParsedEvent>): ParsedEvent {
  return { ts: Date.UTC(2026, 9, 5, 0, 0, i), timeRaw: String(i), timeZone: 'UTC', category: 'network', ...fields };
}

describe('RollupCounter', () => {
  it('counts runs, alternations and mixed types exactly as counting each event', () => {
    const ports: unknown[] = [80, 80, 80, '80', '80', 443, 80, 443, 443, true, 1, '', null, undefined, Number.NaN, 80];
    const hosts = ['a', 'a', 'b', 'a', 'a', 'a', 'c', 'b', 'b', 'a', 'a', 'a', 'c', 'c', 'a', 'b'];
    const counter = new RollupCounter();
    ports.forEach((p, i) => counter.add(event(i, { dst_port: p as number, host: hosts[i], user: i % 3 === 0 ? 'u' : undefined })));
    const r = counter.result();
    const of = (field: string) => {
      const f = r.fields.find((x) => x.field === field)!;
      return new Map(f.values.map((v, i) => [v, f.counts[i]]));
    };
    // 80 (number) 5 times, '80' twice, 443 three times, true and 1 both stored as 1.
    expect(of('dst_port')).toEqual(new Map<string | number, number>([[80, 5], ['80', 2], [443, 3], [1, 2]]));
    expect(of('host')).toEqual(new Map([['a', 9], ['b', 4], ['c', 3]]));
    expect(of('user')).toEqual(new Map([['u', 6]]));
    expect(of('category')).toEqual(new Map([['network', 16]]));
    expect(r.overflow).toEqual([]);
  });

  it('stops counting a field past its bound, even when the new value follows a run', () => {
    const counter = new RollupCounter(2);
    ['x', 'x', 'y', 'y', 'y', 'z', 'x'].forEach((h, i) => counter.add(event(i, { host: h, domain: 'd' })));
    const r = counter.result();
    expect(r.overflow).toEqual(['host']);
    expect(r.fields.find((f) => f.field === 'domain')!.counts).toEqual([7]);
  });
});
