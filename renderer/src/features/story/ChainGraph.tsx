import type { KeyboardEvent } from 'react';
import type { Incident } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';
import { clip, edgePath, HEADER_H, LABEL_W, layoutChains, NODE_H, NODE_W, type NodeBox } from './chain-layout';
import { useT } from '../../i18n';
import './strings';

interface Props {
  incident: Incident;
  selectedId: number | null;
  onSelect(eventId: number): void;
}

/**
 * The infection as a graph drawn by React: one lane per host, its steps from lure to actions
 * joined in time order, lateral movement (dashed) between hosts. A step opens its first event.
 */
export function ChainGraph({ incident, selectedId, onSelect }: Props) {
  const t = useT();
  const layout = layoutChains(incident);
  if (layout.lanes.length === 0) return null;
  const open = (ids: number[]) => {
    if (ids.length) onSelect(ids[0]!);
  };
  return (
    <div className="chain-graph-scroll">
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
        {layout.columns.map((c) => (
          <text key={c.stage} x={c.x + NODE_W / 2} y={HEADER_H - 8} className="chain-column" textAnchor="middle">
            {t(`story.stage.${c.stage}`)}
          </text>
        ))}
        {layout.lanes.map((lane, i) => (
          <g key={lane.host} data-testid="chain-lane" data-host={lane.host}>
            <rect x={0} y={lane.y} width={layout.width} height={lane.height} className={i % 2 ? 'chain-lane odd' : 'chain-lane'} />
            <text x={8} y={lane.y + 22} className="chain-host">
              {clip(displayValue(lane.host), 20)}
              <title>{displayValue(lane.host)}</title>
            </text>
            <text x={8} y={lane.y + 38} className="chain-user">
              {lane.targetOnly ? t('story.lateralTarget') : clip(displayValue(lane.user), 22)}
            </text>
          </g>
        ))}
        {layout.edges.map((e) => (
          <path
            key={e.key}
            d={edgePath(e.from, e.to)}
            className={`chain-edge ${e.kind}`}
            markerEnd="url(#chain-arrow)"
            data-testid={e.kind === 'lateral' ? 'chain-lateral-edge' : 'chain-edge'}
            onClick={() => open(e.eventIds)}
          >
            {e.label && <title>{t('story.lateralEdge', { label: displayValue(e.label) })}</title>}
          </path>
        ))}
        {layout.nodes.map((n) => (
          <StepNode key={n.key} node={n} selected={selectedId !== null && n.step.event_ids.includes(selectedId)} onOpen={() => open(n.step.event_ids)} />
        ))}
        <line x1={LABEL_W - 6} y1={HEADER_H} x2={LABEL_W - 6} y2={layout.height} className="chain-divider" />
      </svg>
    </div>
  );
}

function StepNode({ node, selected, onOpen }: { node: NodeBox; selected: boolean; onOpen(): void }) {
  const t = useT();
  const { step } = node;
  const summary = displayValue(step.summary);
  const stage = t(`story.stage.${step.stage}`);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen();
    }
  };
  return (
    <g
      className={selected ? `chain-node stage-${step.stage} selected` : `chain-node stage-${step.stage}`}
      transform={`translate(${node.x},${node.y})`}
      role="button"
      tabIndex={0}
      aria-label={t('story.nodeLabel', { stage, host: node.host, time: step.time, summary })}
      onClick={onOpen}
      onKeyDown={onKey}
      data-testid="chain-node"
      data-host={node.host}
      data-stage={step.stage}
    >
      <title>{`${stage} · ${step.time}\n${summary}\n${t('story.nodeEvents', { ids: step.event_ids.join(', ') })}`}</title>
      <rect width={NODE_W} height={NODE_H} rx={6} />
      <text x={8} y={16} className="chain-node-stage">
        {stage}
      </text>
      <text x={NODE_W - 8} y={16} className="chain-node-time" textAnchor="end">
        {step.time.slice(11, 19)}
      </text>
      <text x={8} y={36} className="chain-node-summary">
        {clip(summary, 27)}
      </text>
    </g>
  );
}
