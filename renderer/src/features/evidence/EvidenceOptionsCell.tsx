import { formatSkew, type EvidenceSummary } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';

/** Zone, base year, encoding and clock correction of one evidence file; "(chosen)" marks overrides. */
export function EvidenceOptionsCell({ evidence }: { evidence: EvidenceSummary }) {
  if (evidence.container === 'zip-archive') return <td className="muted">archive</td>;
  const chosen = (source: string) => (source === 'chosen' ? ' (chosen)' : '');
  return (
    <td data-testid="evidence-timezone">
      {displayValue(evidence.timezone)}
      <div className="muted small-text" data-testid="evidence-read-options">
        {evidence.encoding}
        {chosen(evidence.encoding_source)} · year {evidence.base_year}
        {chosen(evidence.base_year_source)}
      </div>
      {evidence.clock_skew_ms !== 0 && (
        <div className="skew-badge" data-testid="evidence-skew" title="Clock correction added to every event time">
          skew {formatSkew(evidence.clock_skew_ms)}
        </div>
      )}
    </td>
  );
}
