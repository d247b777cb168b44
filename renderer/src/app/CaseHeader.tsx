import type { ReactNode } from 'react';
import type { CaseInfo } from '../contracts';
import { IncidentHeader } from '../features/incident/IncidentHeader';
import { formatCount } from '../lib/format-number';
import { displayValue } from '../lib/reveal-invisibles';

/** Which case this is, how big, and which zone its zone-less timestamps were read in. */
export function CaseHeader({ caseInfo, children }: { caseInfo: CaseInfo; children: ReactNode }) {
  return (
    <header className="app-header">
      <span className="brand">Tracelight</span>
      <span className="case-name" title={displayValue(caseInfo.path)} data-testid="case-name">
        {displayValue(caseInfo.name)}
      </span>
      <span className="case-stat">
        <span data-testid="case-event-count" data-count={caseInfo.events}>
          {formatCount(caseInfo.events)}
        </span>{' '}
        events
      </span>
      <span className="case-stat" title="Zone assumed for timestamps that carry none">
        TZ <span data-testid="case-timezone">{displayValue(caseInfo.timezone)}</span>
      </span>
      <IncidentHeader caseInfo={caseInfo} />
      <span className="header-actions">{children}</span>
    </header>
  );
}
