import type { CaseInfo } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';
import { useT } from '../../i18n';
import { useEngineText } from '../engine-text/use-engine-text';
import './strings';

/**
 * A broken custody chain and a read-only case are stated at the top of the workbench for as
 * long as they hold. Deliberately no close button: a broken chain must never be hidden.
 */
export function CustodyBanner({ caseInfo }: { caseInfo: CaseInfo }) {
  const t = useT();
  const say = useEngineText();
  const { custody } = caseInfo;
  return (
    <>
      {!custody.ok && (
        <div className="banner banner-error" role="alert" data-testid="custody-broken-banner">
          <strong>{t('custody.brokenBanner', { entry: custody.problem?.entryId ?? '' })}</strong>
          <span>{displayValue(custody.problem?.reason ?? '')}</span>
          <span className="muted-on-error">{t('custody.changedOutside')}</span>
        </div>
      )}
      {custody.ok && caseInfo.readOnly && (
        <div className="banner banner-warn" role="status" data-testid="read-only-banner">
          <strong>{t('custody.readOnly')}</strong> <span data-testid="read-only-reason">{displayValue(say(caseInfo.readOnlyReason_code, caseInfo.readOnlyReason ?? ''))}</span>
        </div>
      )}
      {caseInfo.incompleteEvidence > 0 && (
        <div className="banner banner-warn" role="status" data-testid="incomplete-banner">
          {t('custody.incomplete', { count: caseInfo.incompleteEvidence })}
        </div>
      )}
    </>
  );
}
