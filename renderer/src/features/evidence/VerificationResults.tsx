import type { EvidenceVerification } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';
import { useT } from '../../i18n';
import './strings';

/** The last re-hash of the originals against the registry, one line per file. */
export function VerificationResults({ results }: { results: EvidenceVerification[] }) {
  const t = useT();
  const bad = results.filter((r) => r.status === 'altered' || r.status === 'missing').length;
  return (
    <div className={bad ? 'verify-results bad' : 'verify-results'} data-testid="verify-results" role="status">
      <strong>{bad ? t('evidence.verifyBad', { count: bad }) : t('evidence.verifyGood')}</strong>
      <ul>
        {results.map((r) => (
          <li key={r.evidenceId} data-testid="verify-row" data-status={r.status}>
            <span className={`badge badge-${r.status === 'intact' ? 'complete' : 'incomplete'}`}>{t(`evidence.verify.${r.status}`)}</span>{' '}
            {displayValue(r.exhibit ?? `#${r.evidenceId}`)} {displayValue(r.name)}
            {r.detail && <span className="muted"> — {displayValue(r.detail)}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
