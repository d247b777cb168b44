// Where the chain graph draws things. One lane per host; in a lane, one box per stage the host
// went through, in chain order (lure -> execution -> download -> persistence -> C2 -> ...),
// each box holding that stage's steps. Boxes run left to right and wrap to the pane's width,
// so the graph always fits its pane; arrows are drawn only where no box is:
//   - between neighbours in a row, straight across the gap;
//   - from the end of a row to the start of the next, through the gap between the rows;
//   - lateral movement between lanes, down a gutter of its own left of the boxes.
// So no arrow crosses a box. Pure geometry, tested without a browser.
import type { Incident, Stage, StoryStep } from '../../contracts';

export const STAGE_ORDER: readonly Stage[] = ['lure', 'execution', 'download', 'persistence', 'c2', 'discovery', 'lateral', 'spam', 'other'];

export const NODE_W = 168;
export const NODE_H = 76;
export const COL_GAP = 28;
export const ROW_GAP = 28;
const LANE_PAD = 12;
export const LABEL_W = 128;
/** Room per lateral-movement line in the gutter between the labels and the boxes. */
const GUTTER_STEP = 8;

export interface Point {
  x: number;
  y: number;
}

export interface LaneBox {
  host: string;
  user: string | null;
  /** Reached by lateral movement but not (yet) shown as infected. */
  targetOnly: boolean;
  y: number;
  height: number;
}

/** One stage of one host: its steps in time order. */
export interface NodeBox extends Point {
  key: string;
  host: string;
  stage: Stage;
  steps: StoryStep[];
  /** Every event behind the stage, in the steps' order. */
  eventIds: number[];
}

export interface EdgeLine {
  key: string;
  kind: 'chain' | 'lateral';
  /** SVG path data. */
  d: string;
  eventIds: number[];
  label: string | null;
}

export interface ChainLayout {
  width: number;
  height: number;
  /** x where the boxes start (right of the labels and the lateral gutter). */
  nodesX: number;
  lanes: LaneBox[];
  nodes: NodeBox[];
  edges: EdgeLine[];
}

/** Time order; steps logged in the same instant follow the chain's order. */
export const byTime = (a: StoryStep, b: StoryStep): number =>
  a.time.localeCompare(b.time) || STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage);

/** Boxes that fit in one row of a pane `width` wide (at least one). */
export function perRow(width: number, nodesX: number): number {
  return Math.max(1, Math.floor((width - nodesX + COL_GAP) / (NODE_W + COL_GAP)));
}

function groupByStage(steps: StoryStep[]): { stage: Stage; steps: StoryStep[] }[] {
  const sorted = [...steps].sort(byTime);
  return STAGE_ORDER.map((stage) => ({ stage, steps: sorted.filter((s) => s.stage === stage) })).filter((g) => g.steps.length > 0);
}

export function layoutChains(incident: Pick<Incident, 'infected' | 'lateral_movement'>, width: number): ChainLayout {
  const lateralCount = incident.lateral_movement.length;
  const nodesX = LABEL_W + (lateralCount > 0 ? (lateralCount + 1) * GUTTER_STEP : 0);
  const columns = perRow(width, nodesX);
  const lanes: LaneBox[] = [];
  const nodes: NodeBox[] = [];
  const edges: EdgeLine[] = [];
  const laneOf = new Map<string, { lane: LaneBox; nodes: NodeBox[] }>();
  let y = 0;

  const place = (host: string, user: string | null, targetOnly: boolean, groups: { stage: Stage; steps: StoryStep[] }[]) => {
    const rows = Math.max(1, Math.ceil(groups.length / columns));
    const lane: LaneBox = { host, user, targetOnly, y, height: 2 * LANE_PAD + rows * NODE_H + (rows - 1) * ROW_GAP };
    const laneNodes = groups.map((g, i) => ({
      key: `${host}#${g.stage}`,
      host,
      stage: g.stage,
      steps: g.steps,
      eventIds: g.steps.flatMap((s) => s.event_ids),
      x: nodesX + (i % columns) * (NODE_W + COL_GAP),
      y: y + LANE_PAD + Math.floor(i / columns) * (NODE_H + ROW_GAP),
    }));
    for (let i = 1; i < laneNodes.length; i++) {
      const a = laneNodes[i - 1]!;
      const b = laneNodes[i]!;
      edges.push({ key: `${a.key}->${b.key}`, kind: 'chain', d: chainPath(a, b), eventIds: b.eventIds, label: null });
    }
    lanes.push(lane);
    nodes.push(...laneNodes);
    laneOf.set(host, { lane, nodes: laneNodes });
    y += lane.height;
  };

  for (const host of incident.infected) place(host.host, host.user, false, groupByStage(host.steps));
  // Hosts reached by lateral movement without a chain of their own still get a lane: the
  // movement is evidence the investigator must see even when nothing ran there yet.
  for (const move of incident.lateral_movement) if (!laneOf.has(move.to)) place(move.to, null, true, []);

  incident.lateral_movement.forEach((move, i) => {
    const from = laneOf.get(move.from);
    const to = laneOf.get(move.to);
    if (!from || !to) return;
    const gx = LABEL_W + (i + 1) * GUTTER_STEP;
    const fromY = from.lane.y + from.lane.height / 2;
    const toY = to.lane.y + LANE_PAD + NODE_H / 2;
    // Out of the source lane at the gutter, along the gutter, into the target's first box
    // (or its empty row) from the left.
    const d = `M${gx},${fromY} V${toY} H${nodesX - 2}`;
    edges.push({ key: `lateral#${i}`, kind: 'lateral', d, eventIds: move.event_ids, label: `${move.from} → ${move.to}` });
  });

  const used = nodes.length ? Math.max(...nodes.map((n) => n.x + NODE_W)) : nodesX;
  return { width: Math.max(Math.min(width, used + 8), nodesX + NODE_W), height: y + 4, nodesX, lanes, nodes, edges };
}

/** From box a to the next box b: straight across, or down through the gap below a's row. */
export function chainPath(a: Point, b: Point): string {
  if (a.y === b.y) return `M${a.x + NODE_W},${a.y + NODE_H / 2} H${b.x - 2}`;
  const gapY = a.y + NODE_H + ROW_GAP / 2;
  return `M${a.x + NODE_W / 2},${a.y + NODE_H} V${gapY} H${b.x + NODE_W / 2} V${b.y - 2}`;
}

// Kana, kanji, hangul and full-width forms take about two columns of a proportional font.
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

const columnsOf = (ch: string): number => (WIDE.test(ch) || ch.codePointAt(0)! > 0xffff ? 2 : 1);

/** Text cut to `max` columns, never inside a surrogate pair; the full text goes in a tooltip. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  if (chars.reduce((n, ch) => n + columnsOf(ch), 0) <= max) return text;
  let used = 1; // the ellipsis
  let out = '';
  for (const ch of chars) {
    if (used + columnsOf(ch) > max) break;
    used += columnsOf(ch);
    out += ch;
  }
  return `${out}…`;
}

/** Do two axis-aligned boxes overlap? (Tests check that no arrow segment enters a box.) */
export function segmentHitsBox(a: Point, b: Point, box: Point, w = NODE_W, h = NODE_H): boolean {
  const [x1, x2] = a.x < b.x ? [a.x, b.x] : [b.x, a.x];
  const [y1, y2] = a.y < b.y ? [a.y, b.y] : [b.y, a.y];
  return x1 < box.x + w && x2 > box.x && y1 < box.y + h && y2 > box.y;
}

/** The corner points of an "M.. H.. V.." path, for the tests. */
export function pathPoints(d: string): Point[] {
  const points: Point[] = [];
  let x = 0;
  let y = 0;
  for (const [, cmd, args] of d.matchAll(/([MHV])([^MHV]+)/g)) {
    const nums = args!.split(/[ ,]+/).filter(Boolean).map(Number);
    if (cmd === 'M') [x, y] = nums as [number, number];
    else if (cmd === 'H') x = nums[0]!;
    else y = nums[0]!;
    points.push({ x, y });
  }
  return points;
}
