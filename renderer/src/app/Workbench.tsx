import { useCallback, useState } from 'react';
import { useClient } from '../client/connection-context';
import type { Acquisition, CaseInfo, EventFilter } from '../contracts';
import { AskView } from '../features/assist/AskView';
import { BookmarksView } from '../features/bookmarks/BookmarksView';
import { CaseDetailsForm } from '../features/custody/CaseDetailsForm';
import { CustodyBanner } from '../features/custody/CustodyBanner';
import { CustodyLogView } from '../features/custody/CustodyLogView';
import { ExaminerBadge } from '../features/custody/ExaminerBadge';
import { EventDetailPanel } from '../features/detail/EventDetailPanel';
import { ExportButton } from '../features/export/ExportButton';
import { PackageButton } from '../features/package/PackageButton';
import { AcquisitionForm } from '../features/evidence/AcquisitionForm';
import { EvidencePanel } from '../features/evidence/EvidencePanel';
import { AddEvidenceButton } from '../features/intake/AddEvidenceButton';
import { DropOverlay } from '../features/intake/DropOverlay';
import { IngestProgressList } from '../features/intake/IngestProgressList';
import { IntakeOptions } from '../features/intake/IntakeOptions';
import { useIngest } from '../features/intake/use-ingest';
import { useIntakeOptions } from '../features/intake/use-intake-options';
import { StoryView } from '../features/story/StoryView';
import { MappingPrompt } from '../features/mapping/MappingPrompt';
import { Timeline } from '../features/timeline/Timeline';
import { CaseHeader } from './CaseHeader';
import { ViewTabs, type WorkbenchView } from './ViewTabs';

interface Props {
  caseInfo: CaseInfo;
  onCaseInfo(info: CaseInfo): void;
  onSwitchCase(): void;
}

/** An open case: header, intake, evidence, timeline and the selected event. */
export function Workbench({ caseInfo, onCaseInfo, onSwitchCase }: Props) {
  const client = useClient();
  // Bumped when an ingest ends: evidence and timeline re-query, the header re-counts.
  const [version, setVersion] = useState(0);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [view, setView] = useState<WorkbenchView>('timeline');
  // Tags and notes change the bookmarks and the custody log, never the timeline's rows:
  // a separate counter keeps the timeline (and its scroll position) from re-querying.
  const [annotations, setAnnotations] = useState(0);
  const annotated = useCallback(() => setAnnotations((n) => n + 1), []);
  // The timeline's filter, offered by the export dialog for the timeline rows.
  const [timelineFilter, setTimelineFilter] = useState<EventFilter | undefined>(undefined);
  // An assistant answer shown in the timeline: its host, category and time range.
  const [askFilter, setAskFilter] = useState<EventFilter | undefined>(undefined);

  const refresh = useCallback(() => {
    setVersion((v) => v + 1);
    client.call('case.current', {}).then(
      (info) => {
        if (info) onCaseInfo(info);
      },
      () => {
        // The disconnect banner already tells the analyst; nothing more to say here.
      },
    );
  }, [client, onCaseInfo]);

  const [acquisition, setAcquisition] = useState<Acquisition>({});
  const ingest = useIngest(refresh, acquisition);
  const intake = useIntakeOptions(ingest);

  return (
    <div className="workbench">
      <CaseHeader caseInfo={caseInfo}>
        <ExaminerBadge caseInfo={caseInfo} onCaseInfo={onCaseInfo} />
        {!caseInfo.readOnly && <AddEvidenceButton onFiles={intake.onFiles} onPaths={intake.onPaths} />}
        <ExportButton caseInfo={caseInfo} filter={timelineFilter} onExported={annotated} />
        <PackageButton caseInfo={caseInfo} onExported={annotated} />
        <button type="button" onClick={onSwitchCase} data-testid="switch-case">
          Cases…
        </button>
      </CaseHeader>
      <CustodyBanner caseInfo={caseInfo} />
      <DropOverlay onFiles={intake.onFiles} />
      <MappingPrompt caseInfo={caseInfo} onIngested={refresh} />
      <IngestProgressList rows={ingest.rows} onDismiss={ingest.dismiss} onClearFinished={ingest.clearFinished} />
      {!caseInfo.readOnly && <AcquisitionForm value={acquisition} onChange={setAcquisition} />}
      {!caseInfo.readOnly && <IntakeOptions intake={intake} caseZone={caseInfo.timezone} />}
      <EvidencePanel version={version} readOnly={caseInfo.readOnly} onChanged={refresh} />
      <ViewTabs view={view} onView={setView} />
      <div className="workspace">
        {view === 'timeline' && <Timeline version={version} selectedId={selectedId} onSelect={setSelectedId} onFilter={setTimelineFilter} preset={askFilter} onClearPreset={() => setAskFilter(undefined)} />}
        {view === 'assist' && (
          <AskView readOnly={caseInfo.readOnly} selectedId={selectedId} onSelect={setSelectedId} onTimeline={(f) => (setAskFilter(f), setView('timeline'))} />
        )}
        {view === 'incident' && (
          <StoryView readOnly={caseInfo.readOnly} selectedId={selectedId} onSelect={setSelectedId} onRecorded={annotated} />
        )}
        {view === 'bookmarks' && <BookmarksView version={version + annotations} onSelect={setSelectedId} />}
        {view === 'custody' && <CustodyLogView version={version + annotations} />}
        {view === 'case' && <CaseDetailsForm caseInfo={caseInfo} onCaseInfo={onCaseInfo} />}
        <EventDetailPanel eventId={selectedId} readOnly={caseInfo.readOnly} onChanged={annotated} />
      </div>
    </div>
  );
}
