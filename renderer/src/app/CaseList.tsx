import { useState } from 'react';
import { useClient } from '../client/connection-context';
import { errorMessage } from '../client/engine-error';
import { useEngineCall } from '../client/use-engine-call';
import type { CaseInfo } from '../contracts';
import { CaseIncidentCells, CaseIncidentHeaders, useCaseIncidents } from '../features/incident/CaseListIncident';
import { WorkspaceTools } from '../features/incident/WorkspaceTools';
import { formatBytes } from '../lib/format-bytes';
import { displayValue } from '../lib/reveal-invisibles';
import { useLocaleFormat, useT } from '../i18n';
import './strings';

/** Cases the engine knows about, each openable. */
export function CaseList({ onOpened, examiner }: { onOpened(info: CaseInfo): void; examiner?: string }) {
  const client = useClient();
  const t = useT();
  const { dateTime } = useLocaleFormat();
  const { value: cases, error: listError, loading } = useEngineCall('case.list', {});
  const [opening, setOpening] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const incidents = useCaseIncidents(cases);

  const open = (path: string) => {
    setOpening(path);
    setError(null);
    client.call('case.open', { path, examiner }).then(onOpened, (e: unknown) => {
      setOpening(null);
      setError(errorMessage(e));
    });
  };

  return (
    <section className="card" aria-labelledby="case-list-title">
      <h2 id="case-list-title">{t('app.openCase')}</h2>
      {(listError || error) && <p className="error-text" role="alert">{listError || error}</p>}
      {loading && !cases && <p className="muted">{t('app.loadingCases')}</p>}
      {cases && cases.length === 0 && <p className="muted">{t('app.noCases')}</p>}
      {cases && cases.length > 0 && (
        <table className="data-table case-table" data-testid="case-list">
          <thead>
            <tr>
              <th>{t('app.col.name')}</th>
              <CaseIncidentHeaders />
              <th>{t('app.col.modified')}</th>
              <th className="num">{t('app.col.size')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {cases.map((entry) => (
              <tr key={entry.path} data-testid="case-entry">
                <td title={displayValue(entry.path)}>{displayValue(entry.name)}</td>
                <CaseIncidentCells summary={incidents.get(entry.path)} />
                <td className="mono">{dateTime(entry.modified)}</td>
                <td className="num">{formatBytes(entry.size)}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => open(entry.path)}
                    disabled={opening !== null}
                    data-testid="case-open"
                  >
                    {opening === entry.path ? t('app.opening') : t('app.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cases && cases.length > 0 && <WorkspaceTools />}
    </section>
  );
}
