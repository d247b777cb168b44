import type { CaseInfo } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';

/**
 * A broken custody chain and a read-only case are stated at the top of the workbench for as
 * long as they hold. Deliberately no close button: a broken chain must never be hidden.
 */
export function CustodyBanner({ caseInfo }: { caseInfo: CaseInfo }) {
  const { custody } = caseInfo;
  return (
    <>
      {!custody.ok && (
        <div className="banner banner-error" role="alert" data-testid="custody-broken-banner">
          <strong>Custody log broken at entry {custody.problem?.entryId}.</strong>
          <span>{displayValue(custody.problem?.reason ?? '')}</span>
          <span className="muted-on-error">The case was changed outside Tracelight; it is open read-only.</span>
        </div>
      )}
      {custody.ok && caseInfo.readOnly && (
        <div className="banner banner-warn" role="status" data-testid="read-only-banner">
          <strong>Read-only:</strong> <span>{displayValue(caseInfo.readOnlyReason ?? '')}</span>
        </div>
      )}
      {caseInfo.incompleteEvidence > 0 && (
        <div className="banner banner-warn" role="status" data-testid="incomplete-banner">
          {caseInfo.incompleteEvidence} evidence {caseInfo.incompleteEvidence === 1 ? 'file was' : 'files were'} not fully
          ingested (the engine stopped). Remove {caseInfo.incompleteEvidence === 1 ? 'it' : 'them'} from the evidence list and
          ingest again.
        </div>
      )}
    </>
  );
}
