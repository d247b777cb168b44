import type { ReviewInfo } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';
import { useT } from '../../i18n';
import './strings';

/**
 * What a reviewer sees first: whether the package is intact, each independent check, every
 * problem found, and who made the package. A failed verification cannot be dismissed.
 */
export function VerificationPanel({ review }: { review: ReviewInfo }) {
  const t = useT();
  const v = review.verification;
  const m = v.manifest;
  return (
    <section className={v.ok ? 'verification ok' : 'verification failed'} data-testid="review-verification" data-ok={v.ok ? 'true' : 'false'}>
      <h2 role={v.ok ? 'status' : 'alert'}>
        {v.ok ? t('review.intact') : t('review.failed')}
      </h2>
      <p>
        <span className="mono">{displayValue(review.packageName)}</span> {t('review.checked', { count: v.entries })}{' '}
        {v.custody ? `${t('review.custodyEntries', { count: v.custody.count })} ` : t('review.custodyMissing')}
        {v.custody && <span className="mono" data-testid="review-custody-head">{v.custody.head}</span>}
      </p>
      <ul className="verification-checks">
        {v.checks.map((c) => (
          <li key={c.name} data-testid="review-check" data-ok={c.ok ? 'true' : 'false'}>
            <strong>{c.ok ? t('review.ok') : t('review.checkFailed')}</strong> {displayValue(c.name)}: {displayValue(c.detail)}
          </li>
        ))}
      </ul>
      {v.problems.length > 0 && (
        <ul className="verification-problems" data-testid="review-problems">
          {v.problems.map((p, i) => (
            <li key={i}>
              <strong>{p.kind}</strong> {displayValue(p.detail)}
            </li>
          ))}
        </ul>
      )}
      {m && (
        <dl className="verification-meta">
          <dt>{t('review.case')}</dt>
          <dd data-testid="review-case">
            {displayValue(m.case.name)}
            {m.case.caseNumber && ` (${displayValue(m.case.caseNumber)})`}
          </dd>
          {m.case.organization && (
            <>
              <dt>{t('review.organization')}</dt>
              <dd>{displayValue(m.case.organization)}</dd>
            </>
          )}
          {m.case.examiners && (
            <>
              <dt>{t('review.examiners')}</dt>
              <dd>{displayValue(m.case.examiners)}</dd>
            </>
          )}
          <dt>{t('review.packaged')}</dt>
          <dd>
            {t('review.packagedBy', { time: displayValue(m.createdAt), examiner: displayValue(m.createdBy.examiner), version: displayValue(m.createdBy.version) })}
          </dd>
        </dl>
      )}
    </section>
  );
}
