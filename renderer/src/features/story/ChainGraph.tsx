import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Incident } from '../../contracts';
import { useT } from '../../i18n';
import { displayValue } from '../../lib/reveal-invisibles';
import { useEngineText } from '../engine-text/use-engine-text';
import { clip, layoutChains, LABEL_W, NODE_H, NODE_W, type NodeBox } from './chain-layout';
import './strings';

interface Props {
  incident: Incident;
  selectedId: number | null;
  onSelect(eventId: number): void;
  /** Opens an event in the timeline grid (a box is a link into the grid). */
  onOpenInGrid?(eventId: number, time: string): void;
}

/** The pane's width, followed as it resizes. */
function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const measure = () => setWidth(element.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * The infection as a graph: one lane per host, one box per stage in chain order, wrapped to the
 * pane's width; lateral movement (dashed) down a gutter. A box opens its first event in the grid.
 */
export function ChainGraph({ incident, selectedId, onSelect, onOpenInGrid }: Props) {
  const t = useT();
  const [ref, width] = useWidth();
  const layout = layoutChains(incident, width);
  const open = (ids: number[], time: string) => {
    if (!ids.length) return;
    onSelect(ids[0]!);
    onOpenInGrid?.(ids[0]!, time);
  };
  return (
    <div className="chain-graph-frame" ref={ref}>
      {layout.lanes.length > 0 && (
        <svg
          className="chain-graph"
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="group"
          aria-label={t('story.graphLabel')}
          data-testid="chain-graph"
        >
          <defs>
            <marker id="chain-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" className="chain-arrow" />
            </marker>
          </defs>
          {layout.lanes.map((lane, i) => (
            <g key={lane.host} data-testid="chain-lane" data-host={lane.host}>
              <rect x={0} y={lane.y} width={layout.width} height={lane.height} className={i % 2 ? 'chain-lane odd' : 'chain-lane'} />
              <text x={8} y={lane.y + 22} className="chain-host">
                {clip(displayValue(lane.host), 17)}
                <title>{displayValue(lane.host)}</title>
              </text>
              <text x={8} y={lane.y + 38} className="chain-user">
                {lane.targetOnly ? t('story.lateralTarget') : clip(displayValue(lane.user), 19)}
              </text>
            </g>
          ))}
          <line x1={LABEL_W - 4} y1={0} x2={LABEL_W - 4} y2={layout.height} className="chain-divider" />
          {layout.edges.map((e) => (
            <path
              key={e.key}
              d={e.d}
              className={`chain-edge ${e.kind}`}
              markerEnd="url(#chain-arrow)"
              data-testid={e.kind === 'lateral' ? 'chain-lateral-edge' : 'chain-edge'}
              onClick={() => e.eventIds[0] !== undefined && onSelect(e.eventIds[0])}
            >
              {e.label && <title>{t('story.lateralEdge', { label: displayValue(e.label) })}</title>}
            </path>
          ))}
          {layout.nodes.map((n) => (
            <StepNode key={n.key} node={n} selected={selectedId !== null && n.eventIds.includes(selectedId)} onOpen={() => open(n.eventIds, n.steps[0]!.time)} />
          ))}
        </svg>
      )}
    </div>
  );
}

/** A stage box: an HTML button inside the SVG, so its text wraps and is clamped inside the box. */
function StepNode({ node, selected, onOpen }: { node: NodeBox; selected: boolean; onOpen(): void }) {
  const t = useT();
  const first = node.steps[0]!;
  const say = useEngineText();
  const summary = displayValue(say(first.summary_code, first.summary));
  const stage = t(`story.stage.${node.stage}`);
  const more = node.steps.length - 1;
  return (
    <foreignObject x={node.x} y={node.y} width={NODE_W} height={NODE_H}>
      <button
        type="button"
        className={`chain-node stage-${node.stage}${selected ? ' selected' : ''}`}
        aria-label={t('story.nodeLabel', { stage, host: node.host, time: first.time, summary })}
        title={`${stage} · ${first.time}\n${node.steps.map((s) => displayValue(say(s.summary_code, s.summary))).join('\n')}\n${t('story.nodeEvents', { ids: node.eventIds.join(', ') })}`}
        onClick={onOpen}
        data-testid="chain-node"
        data-host={node.host}
        data-stage={node.stage}
      >
        <span className="chain-node-head">
          <span className="chain-node-stage">{stage}</span>
          <span className="chain-node-time">{first.time.slice(11, 19)}</span>
        </span>
        <span className="chain-node-summary">{summary}</span>
        {more > 0 && <span className="chain-node-more">{t('story.moreSteps', { count: more })}</span>}
      </button>
    </foreignObject>
  );
}
