import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
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
import { EvidenceView } from '../features/evidence/EvidenceView';
import { AddEvidenceButton } from '../features/intake/AddEvidenceButton';
import { DropOverlay } from '../features/intake/DropOverlay';
import { IngestProgressList } from '../features/intake/IngestProgressList';
import { IntakeOptions } from '../features/intake/IntakeOptions';
import { useIngest } from '../features/intake/use-ingest';
import { useIntakeOptions } from '../features/intake/use-intake-options';
import { StoryView } from '../features/story/StoryView';
import { MappingPrompt } from '../features/mapping/MappingPrompt';
import { Timeline } from '../features/timeline/Timeline';
import { InvestigationProvider } from '../features/pivots/investigation';
import { PivotMenuHost } from '../features/pivots/PivotMenuHost';
import { SidePanel } from '../features/pivots/SidePanel';
import { useHostPivot } from '../features/host/use-host-pivot';
import { CaseHeader } from './CaseHeader';
import { ViewTabs } from './ViewTabs';
import { openDetail } from '../features/workspace/detail-actions';
import { LeftPaneProvider, LeftPaneSlot } from '../features/workspace/LeftPaneSlot';
import { requestPivotMenu } from '../features/pivots/pivot-commands';
import { paneSizes } from '../features/workspace/pane-sizes';
import { ShortcutsDialog } from '../features/workspace/ShortcutsDialog';
import { useWorkbenchMemory } from '../features/workspace/use-workbench-memory';
import { useWorkspaceKeys } from '../features/workspace/use-workspace-keys';
import { WorkspacePanes } from '../features/workspace/WorkspacePanes';
import { useT } from '../i18n';
import './strings';

interface Props {
  caseInfo: CaseInfo;
  onCaseInfo(info: CaseInfo): void;
  onSwitchCase(): void;
  /** Files dropped on the start screen for this new case: ingested once, as soon as it opens. */
  initialFiles?: File[];
  onInitialFilesTaken?(): void;
}

/** An open case: header, intake, evidence, timeline and the selected event. */
export function Workbench({ caseInfo, onCaseInfo, onSwitchCase, initialFiles, onInitialFilesTaken }: Props) {
  const client = useClient();
  const t = useT();
  // Bumped when an ingest ends: evidence and timeline re-query, the header re-counts.
  const [version, setVersion] = useState(0);
  // View, selection and scroll come back as they were when this case was last open.
  const memory = useWorkbenchMemory(caseInfo.caseId);
  const { view, setView, selectedId, setSelectedId } = memory;
  const [shortcuts, setShortcuts] = useState(false);
  // An event opened from the incident view, for the grid to scroll to.
  const [reveal, setReveal] = useState<{ id: number; time: string } | null>(null);
  const [, setPanes] = paneSizes.use();
  useWorkspaceKeys({ onHelp: () => setShortcuts(true), onView: (i) => memory.views[i] && setView(memory.views[i]) });
  // Tags and notes change the bookmarks and the custody log, never the timeline's rows:
  // a separate counter keeps the timeline (and its scroll position) from re-querying.
  const [annotations, setAnnotations] = useState(0);
  const annotated = useCallback(() => setAnnotations((n) => n + 1), []);
  // The timeline's filter, offered by the export dialog for the timeline rows.
  const [timelineFilter, setTimelineFilter] = useState<EventFilter | undefined>(undefined);
  // An assistant answer opened in the timeline: its query, put in the query bar as chips.
  const [askQuery, setAskQuery] = useState<{ text: string; nonce: number } | undefined>(undefined);

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
  const initialTaken = useRef(false);
  useEffect(() => {
    if (!initialFiles?.length || initialTaken.current) return;
    initialTaken.current = true;
    onInitialFilesTaken?.();
    intake.onFiles(initialFiles);
  }, [initialFiles, onInitialFilesTaken, intake]);

  return (
    <InvestigationProvider>
    <div className="workbench">
      <CaseHeader caseInfo={caseInfo}>
        <ExaminerBadge caseInfo={caseInfo} onCaseInfo={onCaseInfo} />
        {!caseInfo.readOnly && <AddEvidenceButton onFiles={intake.onFiles} onPaths={intake.onPaths} />}
        <ExportButton caseInfo={caseInfo} filter={timelineFilter} onExported={annotated} />
        <PackageButton caseInfo={caseInfo} onExported={annotated} />
        <button type="button" onClick={onSwitchCase} data-testid="switch-case">
          {t('app.cases')}
        </button>
      </CaseHeader>
      <CustodyBanner caseInfo={caseInfo} />
      <DropOverlay onFiles={intake.onFiles} />
      <MappingPrompt caseInfo={caseInfo} onIngested={refresh} />
      <IngestProgressList rows={ingest.rows} onDismiss={ingest.dismiss} onClearFinished={ingest.clearFinished} />
      <ViewTabs view={view} onView={setView} />
      <LeftPaneProvider>
      <WorkspacePanes
        left={view === 'timeline' ? <LeftPaneSlot /> : undefined}
        centre={
          <>
            {view === 'timeline' && (
              <Timeline
                version={version}
                selectedId={selectedId}
                onSelect={setSelectedId}
                onFilter={setTimelineFilter}
                readOnly={caseInfo.readOnly}
                onAnnotated={annotated}
                caseZone={caseInfo.timezone}
                initialScrollTop={memory.initialScrollTop}
                onScrollTop={memory.onScrollTop}
                onOpen={() => openDetail(setPanes, '[data-testid="event-detail"] h2')}
                onTag={() => openDetail(setPanes, '[data-testid="tag-label"]')}
                onPivot={(eventId) => requestPivotMenu({ eventId })}
                reveal={reveal}
                askQuery={askQuery}
              />
            )}
            {view === 'assist' && (
              <AskView readOnly={caseInfo.readOnly} selectedId={selectedId} onSelect={setSelectedId} onTimeline={(text) => (setAskQuery({ text, nonce: Date.now() }), setView('timeline'))} />
            )}
            {view === 'incident' && (
              <StoryView
                caseId={caseInfo.caseId}
                readOnly={caseInfo.readOnly}
                selectedId={selectedId}
                onSelect={setSelectedId}
                onRecorded={annotated}
                onOpenInGrid={(id, time) => {
                  setReveal({ id, time });
                  setView('timeline');
                }}
              />
            )}
            {view === 'bookmarks' && <BookmarksView version={version + annotations} onSelect={setSelectedId} />}
            {view === 'custody' && <CustodyLogView version={version + annotations} />}
            {view === 'case' && <CaseDetailsForm caseInfo={caseInfo} onCaseInfo={onCaseInfo} />}
            <EvidenceView
              shown={view === 'evidence'}
              version={version}
              readOnly={caseInfo.readOnly}
              onChanged={refresh}
              intake={
                !caseInfo.readOnly && (
                  <>
                    <AcquisitionForm value={acquisition} onChange={setAcquisition} />
                    <IntakeOptions intake={intake} caseZone={caseInfo.timezone} />
                  </>
                )
              }
            />
          </>
        }
        right={
          <WorkbenchSide eventId={selectedId} onSelect={setSelectedId} onShowTimeline={() => setView('timeline')}>
            <EventDetailPanel eventId={selectedId} readOnly={caseInfo.readOnly} onChanged={annotated} />
          </WorkbenchSide>
        }
      />
      </LeftPaneProvider>
      {shortcuts && <ShortcutsDialog onClose={() => setShortcuts(false)} />}
      <PivotMenuHost onSelect={setSelectedId} />
    </div>
    </InvestigationProvider>
  );
}

/** The right pane with its tabs; a host chosen in the host view filters the timeline. */
function WorkbenchSide({ eventId, onSelect, onShowTimeline, children }: { eventId: number | null; onSelect(id: number): void; onShowTimeline(): void; children: ReactNode }) {
  const filterHost = useHostPivot(onShowTimeline);
  return <SidePanel eventId={eventId} detail={children} onSelect={onSelect} onFilterHost={filterHost} />;
}
