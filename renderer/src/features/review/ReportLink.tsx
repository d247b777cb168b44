import { useState } from 'react';
import { useConnection } from '../../client/connection-context';
import { desktopBridge } from '../../client/desktop-bridge';
import { errorMessage } from '../../client/engine-error';
import { REVIEW_REPORT_URL, type ReviewInfo } from '../../contracts';
import { useT } from '../../i18n';
import './strings';

/**
 * The package's PDF report. In the browser a download from serve (same token cookie; a
 * download rather than an embedded <object>, which the page's CSP forbids); in the desktop
 * app the engine copies it to where the native save dialog says.
 */
export function ReportLink({ review }: { review: ReviewInfo }) {
  const t = useT();
  const { client, intake } = useConnection();
  const [status, setStatus] = useState<string | null>(null);
  if (!review.hasReport) {
    return <p className="muted" data-testid="review-no-report">{t('review.noReport')}</p>;
  }
  const bridge = desktopBridge();
  if (intake.mode === 'desktop' && bridge) {
    const save = () => {
      bridge
        .saveFile('report.pdf')
        .then((path) => (path ? client.call('review.saveReport', { path }).then((r) => setStatus(t('review.savedTo', { path: r.path }))) : undefined))
        .catch((e: unknown) => setStatus(errorMessage(e)));
    };
    return (
      <p className="review-report">
        <button type="button" onClick={save} data-testid="review-report">
          {t('review.saveReport')}
        </button>{' '}
        {status && <span className="muted">{status}</span>}
      </p>
    );
  }
  return (
    <p className="review-report">
      <a href={REVIEW_REPORT_URL.replace(/^\//, '')} download="report.pdf" data-testid="review-report">
        {t('review.downloadReport')}
      </a>
    </p>
  );
}
