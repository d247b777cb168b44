// The chain graph's geometry: lanes per host, stage columns in chain order, steps joined in
// time order, lateral movement between lanes (a target without a chain still gets a lane),
// and node text cut by display width so Japanese fits.
import { describe, expect, it } from 'vitest';
import type { InfectedHost, StoryStep } from '../../../electron/common/detect';
import { clip, layoutChains, NODE_H, NODE_W } from '../../../renderer/src/features/story/chain-layout';

const step = (stage: StoryStep['stage'], time: string, ids: number[]): StoryStep => ({
  stage,
  time,
  host: null,
  user: null,
  summary: stage,
  finding_ids: [],
  event_ids: ids,
});

const host = (name: string, steps: StoryStep[]): InfectedHost => ({ host: name, user: 'u', first_malicious: steps[0]!.time, reasons: [], steps });

describe('layoutChains', () => {
  it('puts stages in chain order, joins steps in time order, and stacks same-stage steps', () => {
    const layout = layoutChains({
      infected: [
        host('WS-01', [
          step('c2', '2026-10-05T00:20:00.000Z', [5]),
          step('lure', '2026-10-05T00:10:00.000Z', [1]),
          step('execution', '2026-10-05T00:11:00.000Z', [2]),
          step('execution', '2026-10-05T00:12:00.000Z', [3]),
        ]),
      ],
      lateral_movement: [],
    });
    expect(layout.columns.map((c) => c.stage)).toEqual(['lure', 'execution', 'c2']);
    expect(layout.nodes.map((n) => n.step.event_ids[0])).toEqual([1, 2, 3, 5]);
    const [lure, ex1, ex2, c2] = layout.nodes;
    expect(lure!.x).toBeLessThan(ex1!.x);
    expect(ex2!.x).toBe(ex1!.x);
    expect(ex2!.y).toBeGreaterThanOrEqual(ex1!.y + NODE_H);
    expect(c2!.x).toBeGreaterThan(ex2!.x);
    expect(layout.edges.filter((e) => e.kind === 'chain')).toHaveLength(3);
    expect(layout.edges[0]!.from).toEqual({ x: lure!.x + NODE_W, y: lure!.y + NODE_H / 2 });
    expect(layout.lanes[0]!.height).toBeGreaterThan(2 * NODE_H);
  });

  it('draws lateral movement between lanes, giving a target without a chain its own lane', () => {
    const layout = layoutChains({
      infected: [
        host('WS-01', [step('execution', '2026-10-05T00:11:00.000Z', [2]), step('lateral', '2026-10-05T01:00:00.000Z', [9])]),
        host('WS-02', [step('execution', '2026-10-05T01:05:00.000Z', [12])]),
      ],
      lateral_movement: [
        { from: 'WS-01', to: 'WS-02', time: '2026-10-05T01:00:00.000Z', event_ids: [9] },
        { from: 'WS-01', to: 'FS-01', time: '2026-10-05T01:02:00.000Z', event_ids: [10] },
      ],
    });
    expect(layout.lanes.map((l) => [l.host, l.targetOnly])).toEqual([
      ['WS-01', false],
      ['WS-02', false],
      ['FS-01', true],
    ]);
    const lateral = layout.edges.filter((e) => e.kind === 'lateral');
    expect(lateral.map((e) => e.eventIds)).toEqual([[9], [10]]);
    const ws02 = layout.nodes.find((n) => n.host === 'WS-02')!;
    expect(lateral[0]!.to).toEqual({ x: ws02.x + NODE_W / 2, y: ws02.y });
    const fs01 = layout.lanes[2]!;
    expect(lateral[1]!.to.y).toBe(fs01.y + fs01.height / 2);
    expect(layout.height).toBeGreaterThan(fs01.y + fs01.height - 1);
  });

  it('orders steps logged in the same instant by the chain, and joins stacked steps top to bottom', () => {
    const t = '2026-10-05T00:11:00.000Z';
    const layout = layoutChains({
      infected: [host('WS-01', [step('download', t, [7]), step('execution', t, [5]), step('execution', t, [6])])],
      lateral_movement: [],
    });
    expect(layout.nodes.map((n) => n.step.stage)).toEqual(['execution', 'execution', 'download']);
    const [first, second] = layout.nodes;
    expect(layout.edges[0]).toMatchObject({ from: { x: first!.x + NODE_W / 2, y: first!.y + NODE_H }, to: { x: second!.x + NODE_W / 2, y: second!.y } });
  });

  it('has nothing to draw without infected hosts', () => {
    expect(layoutChains({ infected: [], lateral_movement: [] }).lanes).toEqual([]);
  });
});

describe('clip', () => {
  it('keeps text that fits and cuts by display width, counting kanji and kana as two', () => {
    expect(clip('rundll32.exe', 12)).toBe('rundll32.exe');
    expect(clip('powershell -enc SQBFAFgA', 10)).toBe('powershel…');
    expect(clip('請求書_2026年10月.doc', 10)).toBe('請求書_20…');
    expect(clip('請求書', 6)).toBe('請求書');
  });
});
