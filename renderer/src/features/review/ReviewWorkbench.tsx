import { useState } from 'react';
import { useClient } from '../../client/connection-context';
import { TabBar } from '../../components/TabBar';
import type { CaseInfo, ReviewInfo } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';
import '../../styles/review.css';
import { BookmarksView } from '../bookmarks/BookmarksView';
import { CustodyLogView } from '../custody/CustodyLogView';
import { EventDetailPanel } from '../detail/EventDetailPanel';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { Timeline } from '../timeline/Timeline';
import { InvestigationProvider } from '../pivots/investigation';
import { ReportLink } from './ReportLink';
import { VerificationPanel } from './VerificationPanel';
import { useT } from '../../i18n';
import './strings';
import '../../app/strings';
import { PreferenceSwitches } from '../../app/PreferenceSwitches';

type ReviewView = 'tagged' | 'timeline' | 'custody';

const VIEWS: readonly ReviewView[] = ['tagged', 'timeline', 'custody'];

const noop = (): void => undefined;

/**
 * Reviewer mode: an evidence package, verified, read-only. The verification result comes
 * first, then the report, then tagged evidence, timeline and custody log. No control here
 * changes anything (and the engine refuses every change anyway).
 */
export function ReviewWorkbench({ caseInfo, review, onClosed }: { caseInfo: CaseInfo; review: ReviewInfo; onClosed(): void }) {
  const client = useClient();
  const t = useT();
  const tabs = VIEWS.map((id) => ({ id, label: t(`review.view.${id}`) }));
  const [view, setView] = useState<ReviewView>('tagged');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const close = () => {
    client.call('review.close', {}).then(onClosed, onClosed);
  };
  return (
    <InvestigationProvider>
    <div className="workbench review-workbench" data-testid="review-workbench">
      <header className="app-header">
        <span className="brand">{t('app.brand')}</span>
        <span className="review-badge">{t('review.mode')}</span>
        <span className="case-name" data-testid="case-name">
          {displayValue(caseInfo.name)}
        </span>
        <span className="header-actions">
          <PreferenceSwitches />
          <button type="button" onClick={close} data-testid="review-close">
            {t('review.close')}
          </button>
        </span>
      </header>
      <div className="review-top">
        <VerificationPanel review={review} />
        <ReportLink review={review} />
        <EvidencePanel version={0} readOnly onChanged={noop} />
      </div>
      <TabBar tabs={tabs} value={view} onChange={setView} testIdPrefix="review-tab-" />
      <div className="workspace">
        {view === 'tagged' && <BookmarksView version={0} onSelect={setSelectedId} />}
        {view === 'timeline' && <Timeline version={0} selectedId={selectedId} onSelect={setSelectedId} onFilter={noop} readOnly />}
        {view === 'custody' && <CustodyLogView version={0} />}
        <EventDetailPanel eventId={selectedId} readOnly onChanged={noop} />
      </div>
    </div>
    </InvestigationProvider>
  );
}
