import { useCallback, useState } from 'react';
import { useClient } from '../client/connection-context';
import type { CaseInfo } from '../contracts';
import { EventDetailPanel } from '../features/detail/EventDetailPanel';
import { EvidencePanel } from '../features/evidence/EvidencePanel';
import { AddEvidenceButton } from '../features/intake/AddEvidenceButton';
import { DropOverlay } from '../features/intake/DropOverlay';
import { IngestProgressList } from '../features/intake/IngestProgressList';
import { useIngest } from '../features/intake/use-ingest';
import { Timeline } from '../features/timeline/Timeline';
import { CaseHeader } from './CaseHeader';

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

  const ingest = useIngest(refresh);

  return (
    <div className="workbench">
      <CaseHeader caseInfo={caseInfo}>
        <AddEvidenceButton onFiles={ingest.ingestFiles} onPaths={ingest.ingestPaths} />
        <button type="button" onClick={onSwitchCase} data-testid="switch-case">
          Cases…
        </button>
      </CaseHeader>
      <DropOverlay onFiles={ingest.ingestFiles} />
      <IngestProgressList rows={ingest.rows} onDismiss={ingest.dismiss} onClearFinished={ingest.clearFinished} />
      <EvidencePanel version={version} />
      <div className="workspace">
        <Timeline version={version} selectedId={selectedId} onSelect={setSelectedId} />
        <EventDetailPanel eventId={selectedId} />
      </div>
    </div>
  );
}
