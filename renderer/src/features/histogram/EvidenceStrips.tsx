import type { HistogramResult } from '../../contracts';
import { useT } from '../../i18n';
import { displayValue } from '../../lib/reveal-invisibles';

/** One thin strip per evidence file under the bars: where it has data, aligned with the buckets. */
export function EvidenceStrips({ histogram, offset }: { histogram: HistogramResult; offset: number }) {
  const t = useT();
  const n = histogram.buckets.length;
  if (n === 0) return null;
  return (
    <div className="evidence-strips" style={{ marginLeft: offset, marginRight: 4 }} aria-label={t('histogram.strips')} data-testid="evidence-strips">
      {histogram.strips.map((s) => (
        <div key={s.evidenceId} className="evidence-strip" title={displayValue(s.name)} data-testid="evidence-strip" data-evidence={s.evidenceId} data-buckets={s.buckets.length}>
          {runs(s.buckets).map(([a, b]) => (
            <span key={a} style={{ left: `${(a / n) * 100}%`, width: `${((b - a + 1) / n) * 100}%` }} />
          ))}
        </div>
      ))}
    </div>
  );
}

/** Consecutive bucket indexes as [first, last] runs (fewer elements than one per bucket). */
function runs(indexes: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const i of indexes) {
    const last = out[out.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else out.push([i, i]);
  }
  return out;
}
