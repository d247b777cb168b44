import { useEffect, useState } from 'react';
import { useClient } from '../client/connection-context';
import { errorMessage } from '../client/engine-error';
import { useDisconnectReason } from '../client/use-disconnect-reason';
import { useEngineEvent } from '../client/use-engine-event';
import type { CaseInfo } from '../contracts';
import { usePreventFileNavigation } from '../features/intake/use-prevent-file-navigation';
import { ReviewWorkbench } from '../features/review/ReviewWorkbench';
import { CasePicker } from './CasePicker';
import { DisconnectedBanner } from './DisconnectedBanner';
import { StartupScreen } from './StartupScreen';
import { Workbench } from './Workbench';

/** undefined: still asking the engine; null: no case open. */
type CaseState = CaseInfo | null | undefined;

export function App() {
  const client = useClient();
  const disconnected = useDisconnectReason();
  const [caseInfo, setCaseInfo] = useState<CaseState>(undefined);
  const [startError, setStartError] = useState<string | null>(null);
  // Files dropped on the start screen: the new case's workbench ingests them when it opens.
  const [startFiles, setStartFiles] = useState<File[] | undefined>(undefined);
  usePreventFileNavigation();

  useEffect(() => {
    let current = true;
    client.call('case.current', {}).then(
      (info) => {
        if (current) setCaseInfo(info);
      },
      (error: unknown) => {
        if (current) setStartError(errorMessage(error));
      },
    );
    return () => {
      current = false;
    };
  }, [client]);

  useEngineEvent('case.changed', setCaseInfo);

  return (
    <div className="app">
      {disconnected !== null && <DisconnectedBanner reason={disconnected} />}
      {caseInfo === undefined ? (
        <StartupScreen error={startError} />
      ) : caseInfo === null ? (
        <CasePicker
          onOpened={(info, files) => {
            setStartFiles(files);
            setCaseInfo(info);
          }}
        />
      ) : caseInfo.review ? (
        <ReviewWorkbench key={caseInfo.path} caseInfo={caseInfo} review={caseInfo.review} onClosed={() => setCaseInfo(null)} />
      ) : (
        <Workbench
          key={caseInfo.path}
          caseInfo={caseInfo}
          onCaseInfo={setCaseInfo}
          onSwitchCase={() => setCaseInfo(null)}
          initialFiles={startFiles}
          onInitialFilesTaken={() => setStartFiles(undefined)}
        />
      )}
    </div>
  );
}
