import { useT } from '../../i18n';
import { displayValue } from '../../lib/reveal-invisibles';
import { useInvestigation } from './investigation';
import './strings';

/**
 * The pivot and the time range in force, each with a button to drop it. The query text is
 * what the query bar shows and refines once it is there.
 */
export function ScopeBar() {
  const t = useT();
  const { pivot, range, clearPivot, setRange } = useInvestigation();
  if (!pivot && !range) return null;
  const f = pivot?.option.filter;
  return (
    <div className="scope-bar" data-testid="scope-bar">
      {pivot && (
        <span className="scope-chip" data-testid="scope-pivot" title={t('pivots.pending')}>
          <span className="scope-kind">{t('pivots.scope')}</span> {pivot.label}
          {f?.query && <code className="mono" data-testid="scope-query">{displayValue(f.query)}</code>}
          {f?.from && <span className="mono">{f.from} – {f.to ?? '…'}</span>}
          <button type="button" className="chip-remove" aria-label={t('pivots.clear')} onClick={clearPivot} data-testid="scope-clear-pivot">
            ×
          </button>
        </span>
      )}
      {range && (
        <span className="scope-chip" data-testid="scope-range">
          <span className="scope-kind">{t('pivots.scopeRange')}</span>
          <span className="mono">{range.from} – {range.to}</span>
          <button type="button" className="chip-remove" aria-label={t('pivots.clearRange')} onClick={() => setRange(null)} data-testid="scope-clear-range">
            ×
          </button>
        </span>
      )}
    </div>
  );
}
