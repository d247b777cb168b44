import { formatSkew, type EvidenceSummary } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';
import { useT } from '../../i18n';
import './strings';

/** Zone, base year, encoding and clock correction of one evidence file; "(chosen)" marks overrides. */
export function EvidenceOptionsCell({ evidence }: { evidence: EvidenceSummary }) {
  const t = useT();
  if (evidence.container === 'zip-archive') return <td className="muted">{t('evidence.archive')}</td>;
  const chosen = (source: string) => (source === 'chosen' ? t('evidence.chosen') : '');
  return (
    <td data-testid="evidence-timezone">
      {displayValue(evidence.timezone)}
      <div className="muted small-text" data-testid="evidence-read-options">
        {evidence.encoding}
        {chosen(evidence.encoding_source)} · {t('evidence.year', { year: evidence.base_year })}
        {chosen(evidence.base_year_source)}
      </div>
      {evidence.clock_skew_ms !== 0 && (
        <div className="skew-badge" data-testid="evidence-skew" title={t('evidence.skewTitle')}>
          {t('evidence.skewBadge', { skew: formatSkew(evidence.clock_skew_ms) })}
        </div>
      )}
    </td>
  );
}
