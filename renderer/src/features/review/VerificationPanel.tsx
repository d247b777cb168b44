import type { ReviewInfo } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';

/**
 * What a reviewer sees first: whether the package is intact, each independent check, every
 * problem found, and who made the package. A failed verification cannot be dismissed.
 */
export function VerificationPanel({ review }: { review: ReviewInfo }) {
  const v = review.verification;
  const m = v.manifest;
  return (
    <section className={v.ok ? 'verification ok' : 'verification failed'} data-testid="review-verification" data-ok={v.ok ? 'true' : 'false'}>
      <h2 role={v.ok ? 'status' : 'alert'}>
        {v.ok ? 'Verified: the package is intact' : 'Verification FAILED: the package was changed'}
      </h2>
      <p>
        <span className="mono">{displayValue(review.packageName)}</span> — {v.entries} files checked against SHA256SUMS, the BagIt
        manifests and manifest.json; custody log{' '}
        {v.custody ? `${v.custody.count} entries, head ` : 'missing'}
        {v.custody && <span className="mono" data-testid="review-custody-head">{v.custody.head}</span>}
      </p>
      <ul className="verification-checks">
        {v.checks.map((c) => (
          <li key={c.name} data-testid="review-check" data-ok={c.ok ? 'true' : 'false'}>
            <strong>{c.ok ? 'OK' : 'FAILED'}</strong> {displayValue(c.name)}: {displayValue(c.detail)}
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
          <dt>Case</dt>
          <dd data-testid="review-case">
            {displayValue(m.case.name)}
            {m.case.caseNumber && ` (${displayValue(m.case.caseNumber)})`}
          </dd>
          {m.case.organization && (
            <>
              <dt>Organization</dt>
              <dd>{displayValue(m.case.organization)}</dd>
            </>
          )}
          {m.case.examiners && (
            <>
              <dt>Examiners</dt>
              <dd>{displayValue(m.case.examiners)}</dd>
            </>
          )}
          <dt>Packaged</dt>
          <dd>
            {displayValue(m.createdAt)} by {displayValue(m.createdBy.examiner)} (Tracelight {displayValue(m.createdBy.version)})
          </dd>
        </dl>
      )}
    </section>
  );
}
