import { useEffect, useState } from 'react';
import type { IncidentState } from '../../../../electron/common/incident';
import { useClient } from '../../client/connection-context';
import { errorMessage } from '../../client/engine-error';
import { useModalDialog } from '../../components/use-modal-dialog';
import { useLang, useT } from '../../i18n';
import { IncidentAssets, IncidentHistory, IncidentIndicators } from './IncidentSections';
import { IncidentTasks } from './IncidentTasks';
import { PhaseSeverityForm } from './PhaseSeverityForm';

export interface IncidentActions {
  run(method: 'incident.setPhase' | 'incident.setSeverity' | 'incident.setTask' | 'incident.setAsset' | 'incident.confirmIndicator' | 'incident.withdrawIndicator', args: Record<string, unknown>): Promise<boolean>;
  busy: boolean;
  readOnly: boolean;
}

/** Phase and severity with reasons, tasks, assets, indicators and the history, in one dialog. */
export function IncidentDialog({ readOnly, initial, onState, onClose }: { readOnly: boolean; initial: IncidentState | null; onState(s: IncidentState): void; onClose(): void }) {
  const t = useT();
  const { lang } = useLang();
  const client = useClient();
  const dialog = useModalDialog();
  const [state, setState] = useState<IncidentState | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    client.call('incident.state', { lang }).then(
      (s) => live && setState(s),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [client, lang]);

  const actions: IncidentActions = {
    busy,
    readOnly,
    run: async (method, args) => {
      setBusy(true);
      setError(null);
      try {
        // Each method takes its own arguments; all return the incident as it now is.
        const next = (await client.call(method, { ...args, lang } as never)) as IncidentState;
        setState(next);
        onState(next);
        return true;
      } catch (e) {
        setError(errorMessage(e));
        return false;
      } finally {
        setBusy(false);
      }
    },
  };

  return (
    <dialog ref={dialog} className="incident-dialog" onClose={onClose} data-testid="incident-dialog" aria-labelledby="incident-dialog-title">
      <header className="incident-dialog-head">
        <h2 id="incident-dialog-title">{t('incident.title')}</h2>
        <button type="button" onClick={() => dialog.current?.close()} data-testid="incident-close">
          {t('incident.close')}
        </button>
      </header>
      {error && (
        <p className="error-text" role="alert" data-testid="incident-error">
          {error}
        </p>
      )}
      {readOnly && <p className="muted">{t('incident.readOnly')}</p>}
      {!state && !error && <p className="muted">{t('incident.loading')}</p>}
      {state && (
        <div className="incident-body">
          <PhaseSeverityForm state={state} actions={actions} />
          <IncidentTasks state={state} actions={actions} />
          <IncidentAssets state={state} actions={actions} />
          <IncidentIndicators state={state} actions={actions} />
          <IncidentHistory state={state} />
        </div>
      )}
    </dialog>
  );
}
