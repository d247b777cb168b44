// Where the chain graph draws things: one lane per host, one column per stage in chain order
// (lure -> execution -> download -> persistence -> C2 -> actions), steps of the same stage on
// one host stacked in their column. Edges join a host's steps in time order; lateral movement
// joins lanes. Pure geometry, so it is tested without a browser.
import type { Incident, Stage, StoryStep } from '../../contracts';

export const STAGE_ORDER: readonly Stage[] = ['lure', 'execution', 'download', 'persistence', 'c2', 'discovery', 'lateral', 'spam', 'other'];

export const STAGE_LABEL: Record<Stage, string> = {
  lure: 'Lure',
  execution: 'Execution',
  download: 'Payload download',
  persistence: 'Persistence',
  c2: 'C2',
  discovery: 'Discovery',
  lateral: 'Lateral movement',
  spam: 'Spam',
  other: 'Other',
};

export const NODE_W = 176;
export const NODE_H = 52;
const COL_GAP = 36;
const STACK_GAP = 8;
const LANE_PAD = 12;
export const LABEL_W = 150;
export const HEADER_H = 24;

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

export interface NodeBox extends Point {
  key: string;
  host: string;
  step: StoryStep;
}

export interface EdgeLine {
  key: string;
  kind: 'chain' | 'lateral';
  from: Point;
  to: Point;
  eventIds: number[];
  label: string | null;
}

export interface ChainLayout {
  width: number;
  height: number;
  columns: { stage: Stage; x: number }[];
  lanes: LaneBox[];
  nodes: NodeBox[];
  edges: EdgeLine[];
}

/** Time order; steps logged in the same instant follow the chain's order (fewer edges doubling back). */
export const byTime = (a: StoryStep, b: StoryStep): number =>
  a.time.localeCompare(b.time) || STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage);

export function layoutChains(incident: Pick<Incident, 'infected' | 'lateral_movement'>): ChainLayout {
  const present = new Set(incident.infected.flatMap((h) => h.steps.map((s) => s.stage)));
  const stages = STAGE_ORDER.filter((s) => present.has(s));
  const columnX = new Map(stages.map((s, i) => [s, LABEL_W + i * (NODE_W + COL_GAP)]));
  const lanes: LaneBox[] = [];
  const nodes: NodeBox[] = [];
  const edges: EdgeLine[] = [];
  const laneOf = new Map<string, { lane: LaneBox; nodes: NodeBox[] }>();
  let y = HEADER_H;

  for (const host of incident.infected) {
    const steps = [...host.steps].sort(byTime);
    const stacked = new Map<Stage, number>();
    const laneNodes: NodeBox[] = steps.map((step, i) => {
      const level = stacked.get(step.stage) ?? 0;
      stacked.set(step.stage, level + 1);
      return { key: `${host.host}#${i}`, host: host.host, step, x: columnX.get(step.stage)!, y: y + LANE_PAD + level * (NODE_H + STACK_GAP) };
    });
    const levels = Math.max(1, ...stacked.values());
    const lane: LaneBox = { host: host.host, user: host.user, targetOnly: false, y, height: 2 * LANE_PAD + levels * NODE_H + (levels - 1) * STACK_GAP };
    for (let i = 1; i < laneNodes.length; i++) {
      const a = laneNodes[i - 1]!;
      const b = laneNodes[i]!;
      // Steps of one stage stack in their column: join them top to bottom, others left to right.
      const sameColumn = a.x === b.x;
      edges.push({
        key: `${a.key}->${b.key}`,
        kind: 'chain',
        from: sameColumn ? bottomOf(a) : rightOf(a),
        to: sameColumn ? topOf(b) : leftOf(b),
        eventIds: b.step.event_ids,
        label: null,
      });
    }
    lanes.push(lane);
    nodes.push(...laneNodes);
    laneOf.set(host.host, { lane, nodes: laneNodes });
    y += lane.height;
  }

  // Hosts reached by lateral movement without a chain of their own still get a lane: the
  // movement is evidence the investigator must see even when nothing ran there yet.
  for (const move of incident.lateral_movement) {
    if (laneOf.has(move.to)) continue;
    const lane: LaneBox = { host: move.to, user: null, targetOnly: true, y, height: 2 * LANE_PAD + NODE_H };
    lanes.push(lane);
    laneOf.set(move.to, { lane, nodes: [] });
    y += lane.height;
  }

  incident.lateral_movement.forEach((move, i) => {
    const from = laneOf.get(move.from);
    const to = laneOf.get(move.to);
    if (!from || !to) return;
    const before = from.nodes.filter((n) => n.step.time <= move.time).at(-1) ?? from.nodes[0];
    const after = to.nodes.find((n) => n.step.time >= move.time) ?? to.nodes[0];
    edges.push({
      key: `lateral#${i}`,
      kind: 'lateral',
      from: before ? bottomOf(before) : { x: LABEL_W - 8, y: from.lane.y + from.lane.height / 2 },
      to: after ? topOf(after) : { x: LABEL_W - 8, y: to.lane.y + to.lane.height / 2 },
      eventIds: move.event_ids,
      label: `${move.from} → ${move.to}`,
    });
  });

  const width = LABEL_W + Math.max(1, stages.length) * (NODE_W + COL_GAP);
  return { width, height: y + 8, columns: stages.map((stage) => ({ stage, x: columnX.get(stage)! })), lanes, nodes, edges };
}

const rightOf = (n: NodeBox): Point => ({ x: n.x + NODE_W, y: n.y + NODE_H / 2 });
const leftOf = (n: NodeBox): Point => ({ x: n.x, y: n.y + NODE_H / 2 });
const bottomOf = (n: NodeBox): Point => ({ x: n.x + NODE_W / 2, y: n.y + NODE_H });
const topOf = (n: NodeBox): Point => ({ x: n.x + NODE_W / 2, y: n.y });

/** A curve from a to b that reads as a flow even when b lies left of a (out-of-order steps). */
export function edgePath(a: Point, b: Point): string {
  const dx = Math.max(24, Math.abs(b.x - a.x) / 2);
  if (a.x === b.x || Math.abs(a.y - b.y) > Math.abs(a.x - b.x)) {
    const dy = Math.max(24, Math.abs(b.y - a.y) / 2) * Math.sign(b.y - a.y || 1);
    return `M${a.x},${a.y} C${a.x},${a.y + dy} ${b.x},${b.y - dy} ${b.x},${b.y}`;
  }
  return `M${a.x},${a.y} C${a.x + dx},${a.y} ${b.x - dx},${b.y} ${b.x},${b.y}`;
}

// Kana, kanji, hangul and full-width forms take about two columns of a proportional font.
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

const columns = (ch: string): number => (WIDE.test(ch) || ch.codePointAt(0)! > 0xffff ? 2 : 1);

/** Text cut to `max` columns (SVG text does not wrap); the full text goes in the node's tooltip. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  if (chars.reduce((n, ch) => n + columns(ch), 0) <= max) return text;
  let used = 1; // the ellipsis
  let out = '';
  for (const ch of chars) {
    if (used + columns(ch) > max) break;
    used += columns(ch);
    out += ch;
  }
  return `${out}…`;
}
