import { useMemo, useState } from 'react';
import { Bar, BarChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useEngineCall } from '../../client/use-engine-call';
import type { EventFilter, HistogramStack } from '../../contracts';
import { useLocaleFormat, useT } from '../../i18n';
import type { TimeRange } from '../pivots/investigation';
import { stackColour } from './colours';
import { EvidenceStrips } from './EvidenceStrips';
import './histogram.css';
import './strings';

interface Props {
  /** The grid's filter: the chart counts exactly what the grid lists. */
  filter: EventFilter | undefined;
  /** Bumped when the case's data changed. */
  version: number;
  onRange(range: TimeRange | null): void;
}

const Y_AXIS_WIDTH = 44;
/** Bars only: with the controls, the legend line and the per-file strips the card stays within ~125 px. */
const CHART_HEIGHT = 72;

/** Events over time above the grid: stacked bars, drag to choose a range, gaps and bursts marked. */
export function Histogram({ filter, version, onRange }: Props) {
  const t = useT();
  const { number } = useLocaleFormat();
  const [stack, setStack] = useState<HistogramStack>('category');
  const { value, error, loading } = useEngineCall('histogram.get', { stack, ...(filter ? { filter } : {}) }, version);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);

  const data = useMemo(() => value?.buckets.map((b, i) => ({ i, start: b.start, total: b.total, ...b.counts })) ?? [], [value]);
  if (error) return <p className="error-text histogram-error" role="alert">{error}</p>;
  const h = value;
  const bursts = h ? h.buckets.flatMap((b, i) => (b.burst ? [i] : [])) : [];
  const unit = h ? t(`histogram.unit.${h.unit}`, { n: h.bucketMs / { minute: 60_000, hour: 3_600_000, day: 86_400_000 }[h.unit] }) : '';

  const index = (state: unknown): number | null => {
    const s = state as { activeLabel?: unknown; activeTooltipIndex?: unknown } | null;
    const v = s?.activeLabel ?? s?.activeTooltipIndex;
    const n = Number(v);
    return v === undefined || v === null || !Number.isFinite(n) ? null : n;
  };
  const finish = () => {
    if (!drag || !h) return setDrag(null);
    const lo = Math.min(drag.a, drag.b);
    const hi = Math.max(drag.a, drag.b);
    setDrag(null);
    onRange({ from: h.buckets[lo]!.start, to: new Date(Date.parse(h.buckets[hi]!.start) + h.bucketMs).toISOString() });
  };
  const zoomOut = () => {
    if (!h?.from || !h.to) return;
    const from = Date.parse(h.from);
    const to = Date.parse(h.to);
    const span = to - from;
    onRange({ from: new Date(from - span / 2).toISOString(), to: new Date(to + span / 2).toISOString() });
  };

  return (
    <section
      className="histogram"
      aria-label={t('histogram.label')}
      data-testid="histogram"
      data-total={h?.total}
      data-buckets={h?.buckets.length}
      data-unit={h?.unit}
      data-from={h?.from ?? undefined}
      data-to={h?.to ?? undefined}
      aria-busy={loading}
    >
      <div className="histogram-bar">
        <div className="histogram-switch" role="radiogroup" aria-label={t('histogram.label')}>
          {(['category', 'source'] as const).map((s) => (
            <button key={s} type="button" role="radio" aria-checked={stack === s} className={stack === s ? 'on' : ''} onClick={() => setStack(s)} data-testid={`histogram-${s}`}>
              {s === 'category' ? t('histogram.byCategory') : t('histogram.bySource')}
            </button>
          ))}
        </div>
        {h?.from && h.to && (
          <span className="mono histogram-range" data-testid="histogram-range">
            {t('histogram.range', { from: h.from.slice(0, 16).replace('T', ' '), to: h.to.slice(0, 16).replace('T', ' ') })}
          </span>
        )}
        <span className="muted histogram-unit">{unit}</span>
        {h && (
          <span className="muted" data-testid="histogram-marks" data-gaps={h.gaps.length} data-bursts={bursts.length}>
            {t('histogram.gaps', { count: number(h.gaps.length) })} · {t('histogram.bursts', { count: number(bursts.length) })}
          </span>
        )}
        <span className="histogram-legend" data-testid="histogram-legend">
          {h?.keys.map((k, n) => (
            <span key={k} title={h.keyLabels[k] ?? k}>
              <i style={{ background: stackColour(stack, k, n) }} />
              {h.keyLabels[k] ?? k}
            </span>
          ))}
        </span>
        <span className="histogram-spacer" />
        <button type="button" onClick={zoomOut} disabled={!filter?.from} data-testid="histogram-zoom-out">{t('histogram.zoomOut')}</button>
        <button type="button" onClick={() => onRange(null)} disabled={!filter?.from} data-testid="histogram-reset">{t('histogram.reset')}</button>
      </div>
      {h && h.total === 0 ? (
        <p className="muted histogram-empty">{t('histogram.empty')}</p>
      ) : (
        <div className="histogram-chart" title={t('histogram.hint')} data-testid="histogram-chart">
          <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
            <BarChart
              data={data}
              margin={{ top: 2, right: 4, bottom: 0, left: 0 }}
              barCategoryGap={0}
              onMouseDown={(s) => {
                const i = index(s);
                if (i !== null) setDrag({ a: i, b: i });
              }}
              onMouseMove={(s) => {
                const i = index(s);
                if (drag && i !== null) setDrag({ ...drag, b: i });
              }}
              onMouseUp={finish}
              onMouseLeave={() => drag && finish()}
            >
              <XAxis dataKey="i" hide />
              <YAxis width={Y_AXIS_WIDTH} tick={{ fontSize: 10 }} allowDecimals={false} tickFormatter={(v: number) => number(v)} />
              <Tooltip
                isAnimationActive={false}
                labelFormatter={(i) => h?.buckets[Number(i)]?.start ?? ''}
                formatter={(v, name) => [number(Number(v)), h?.keyLabels[String(name)] ?? String(name)]}
              />
              {h?.gaps.map(([a, b]) => (
                <ReferenceArea key={`g${a}`} x1={a} x2={b} fill="var(--muted)" fillOpacity={0.07} ifOverflow="extendDomain" />
              ))}
              {bursts.map((i) => (
                <ReferenceArea key={`b${i}`} x1={i} x2={i} stroke="#D55E00" strokeWidth={1.5} fillOpacity={0} />
              ))}
              {h?.keys.map((k, n) => (
                <Bar key={k} dataKey={k} stackId="s" fill={stackColour(stack, k, n)} isAnimationActive={false} name={k} />
              ))}
              {drag && <ReferenceArea x1={Math.min(drag.a, drag.b)} x2={Math.max(drag.a, drag.b)} fill="var(--accent)" fillOpacity={0.2} />}
            </BarChart>
          </ResponsiveContainer>
          {h && <EvidenceStrips histogram={h} offset={Y_AXIS_WIDTH} />}
        </div>
      )}
    </section>
  );
}
