import { useState } from 'react';
import type { IncidentState } from '../../../../electron/common/incident';
import { useEngineCall } from '../../client/use-engine-call';
import type { CaseInfo } from '../../contracts';
import { useLang, useT } from '../../i18n';
import { IncidentDialog } from './IncidentDialog';
import './incident.css';
import './strings';

/** The case header's phase and severity (the examiner's, else Tracelight's proposal), and the way in. */
export function IncidentHeader({ caseInfo }: { caseInfo: CaseInfo }) {
  const t = useT();
  const { lang } = useLang();
  const [open, setOpen] = useState(false);
  // The custody head moves with every recorded change, so the badges follow every window's edits.
  const { value } = useEngineCall('incident.state', { lang }, caseInfo.custody.head);
  const [latest, setLatest] = useState<IncidentState | null>(null);
  const state = latest && value && latest.history.length > value.history.length ? latest : (value ?? latest);
  return (
    <span className="incident-header" data-testid="incident-header">
      {state && (
        <>
          <span className={`incident-phase phase-${state.phase}`} data-testid="incident-phase" data-phase={state.phase} title={t('incident.phase')}>
            {t(`incident.phase.${state.phase}`)}
          </span>
          {state.severity ? (
            <span className={`severity severity-${state.severity}`} data-testid="incident-severity" data-severity={state.severity} title={t('incident.severity')}>
              {t(`incident.severity.${state.severity}`)}
            </span>
          ) : (
            <span className="severity incident-proposed" data-testid="incident-severity" data-severity="" title={state.proposed_severity.reasons.join('\n')}>
              {t('incident.proposed', { level: t(`incident.severity.${state.proposed_severity.level}`) })}
            </span>
          )}
          <span className="incident-tasks-count" data-testid="incident-tasks" title={t('incident.tasks')}>
            {t('incident.tasksDone', { done: state.tasks.filter((x) => x.done).length, total: state.tasks.length })}
          </span>
        </>
      )}
      <button type="button" onClick={() => setOpen(true)} data-testid="incident-open">
        {t('incident.open')}
      </button>
      {open && <IncidentDialog readOnly={caseInfo.readOnly} initial={state} onState={setLatest} onClose={() => setOpen(false)} />}
    </span>
  );
}
