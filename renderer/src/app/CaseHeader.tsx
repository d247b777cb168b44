import type { ReactNode } from 'react';
import type { CaseInfo } from '../contracts';
import { useLocaleFormat, useT } from '../i18n';
import { IncidentHeader } from '../features/incident/IncidentHeader';
import { displayValue } from '../lib/reveal-invisibles';
import { PreferenceSwitches } from './PreferenceSwitches';
import { ZoneSwitch } from './ZoneSwitch';
import './strings';

/** Which case this is, how big, and which zone its zone-less timestamps were read in. */
export function CaseHeader({ caseInfo, children }: { caseInfo: CaseInfo; children: ReactNode }) {
  const t = useT();
  const { number } = useLocaleFormat();
  return (
    <header className="app-header">
      <span className="brand">{t('app.brand')}</span>
      <span className="case-name" title={displayValue(caseInfo.path)} data-testid="case-name">
        {displayValue(caseInfo.name)}
      </span>
      <span className="case-stat" data-testid="case-event-count" data-count={caseInfo.events}>
        {t('app.events', { count: number(caseInfo.events) })}
      </span>
      <span className="case-stat" title={t('app.zoneTitle')}>
        {t('app.zoneLabel')} <span className="mono" data-testid="case-timezone">{displayValue(caseInfo.timezone)}</span>
      </span>
      <ZoneSwitch caseZone={caseInfo.timezone} />
      <IncidentHeader caseInfo={caseInfo} />
      <span className="header-actions">
        {children}
        <PreferenceSwitches />
      </span>
    </header>
  );
}
