// The chain graph's geometry: a lane per host, one box per stage in chain order, wrapped to the
// pane's width; no arrow runs through a box; lateral movement down its own gutter (a target
// without a chain still gets a lane); node text cut by display width so Japanese fits.
import { describe, expect, it } from 'vitest';
import type { InfectedHost, StoryStep } from '../../../electron/common/detect';
import { clip, layoutChains, NODE_H, NODE_W, pathPoints, segmentHitsBox, type ChainLayout } from '../../../renderer/src/features/story/chain-layout';

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

const FULL_CHAIN: StoryStep['stage'][] = ['lure', 'execution', 'download', 'persistence', 'c2', 'discovery', 'lateral', 'spam'];

function incident() {
  return {
    infected: [
      host('WS-01', FULL_CHAIN.map((s, i) => step(s, `2026-10-05T00:${String(10 + i).padStart(2, '0')}:00.000Z`, [i + 1]))),
      host('WS-02', [step('execution', '2026-10-05T01:05:00.000Z', [12]), step('c2', '2026-10-05T01:06:00.000Z', [13])]),
    ],
    lateral_movement: [
      { from: 'WS-01', to: 'WS-02', time: '2026-10-05T01:00:00.000Z', event_ids: [9] },
      { from: 'WS-01', to: 'FS-01', time: '2026-10-05T01:02:00.000Z', event_ids: [10] },
    ],
  };
}

/** Every arrow segment that enters a box it does not start or end at. */
function crossings(layout: ChainLayout): string[] {
  const out: string[] = [];
  for (const edge of layout.edges) {
    const points = pathPoints(edge.d);
    for (let i = 1; i < points.length; i++) {
      for (const box of layout.nodes) {
        // Shrink the box by 1 px so an arrow touching its border (its own start or end) is fine.
        if (segmentHitsBox(points[i - 1]!, points[i]!, { x: box.x + 1, y: box.y + 1 }, NODE_W - 2, NODE_H - 2)) out.push(`${edge.key} through ${box.key}`);
      }
    }
  }
  return out;
}

describe('layoutChains', () => {
  // The centre pane at 1,366 px (side panes open) and at 1,920 px.
  for (const width of [790, 1370]) {
    it(`fits a ${width} px pane and no arrow crosses a box`, () => {
      const layout = layoutChains(incident(), width);
      expect(layout.width).toBeLessThanOrEqual(width);
      for (const n of layout.nodes) expect(n.x + NODE_W).toBeLessThanOrEqual(width);
      expect(crossings(layout)).toEqual([]);
    });
  }

  it('puts stages in chain order, one box per stage holding its steps in time order', () => {
    const layout = layoutChains(
      {
        infected: [
          host('WS-01', [
            step('c2', '2026-10-05T00:20:00.000Z', [5]),
            step('lure', '2026-10-05T00:10:00.000Z', [1]),
            step('execution', '2026-10-05T00:12:00.000Z', [3]),
            step('execution', '2026-10-05T00:11:00.000Z', [2]),
          ]),
        ],
        lateral_movement: [],
      },
      1400,
    );
    expect(layout.nodes.map((n) => n.stage)).toEqual(['lure', 'execution', 'c2']);
    expect(layout.nodes[1]!.eventIds).toEqual([2, 3]);
    expect(layout.nodes.map((n) => n.y)).toEqual([layout.nodes[0]!.y, layout.nodes[0]!.y, layout.nodes[0]!.y]);
    expect(layout.edges.filter((e) => e.kind === 'chain')).toHaveLength(2);
  });

  it('wraps a long chain into rows on a narrow pane, joining rows through the gap', () => {
    const layout = layoutChains({ infected: [incident().infected[0]!], lateral_movement: [] }, 600);
    const rows = new Set(layout.nodes.map((n) => n.y));
    expect(rows.size).toBeGreaterThan(2);
    expect(crossings(layout)).toEqual([]);
  });

  it('draws lateral movement between lanes, giving a target without a chain its own lane', () => {
    const layout = layoutChains(incident(), 1370);
    expect(layout.lanes.map((l) => [l.host, l.targetOnly])).toEqual([
      ['WS-01', false],
      ['WS-02', false],
      ['FS-01', true],
    ]);
    const lateral = layout.edges.filter((e) => e.kind === 'lateral');
    expect(lateral.map((e) => e.eventIds)).toEqual([[9], [10]]);
    // Each lateral line has its own x in the gutter, left of every box.
    const xs = lateral.map((e) => pathPoints(e.d)[0]!.x);
    expect(new Set(xs).size).toBe(2);
    for (const x of xs) expect(x).toBeLessThan(layout.nodesX);
  });

  it('has nothing to draw without infected hosts', () => {
    expect(layoutChains({ infected: [], lateral_movement: [] }, 800).lanes).toEqual([]);
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
