import { useState } from 'react';
import { INCIDENT_PHASES, SEVERITY_LEVELS, type IncidentState } from '../../../../electron/common/incident';
import { useLang, useT } from '../../i18n';
import type { IncidentActions } from './IncidentDialog';

/** Phase and severity, each changed with a reason; the proposal and its reasons beside them. */
export function PhaseSeverityForm({ state, actions }: { state: IncidentState; actions: IncidentActions }) {
  const t = useT();
  const { lang } = useLang();
  const [phase, setPhase] = useState<string>(state.phase);
  const [level, setLevel] = useState<string>(state.severity ?? state.proposed_severity.level);
  const [reason, setReason] = useState('');
  const esc = state.escalation;
  const disabled = actions.readOnly || actions.busy;
  const submit = async (method: 'incident.setPhase' | 'incident.setSeverity') => {
    const ok = await actions.run(method, method === 'incident.setPhase' ? { phase, reason } : { level, reason });
    if (ok) setReason('');
  };
  return (
    <section className="incident-section" aria-label={`${t('incident.phase')} / ${t('incident.severity')}`}>
      <div className="incident-form-row">
        <label>
          {t('incident.phase')}{' '}
          <select value={phase} onChange={(e) => setPhase(e.target.value)} disabled={disabled} data-testid="incident-phase-select">
            {INCIDENT_PHASES.map((p) => (
              <option key={p} value={p}>
                {t(`incident.phase.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={disabled || phase === state.phase || !reason.trim()} onClick={() => void submit('incident.setPhase')} data-testid="incident-phase-save">
          {t('incident.setPhase')}
        </button>
        <label>
          {t('incident.severity')}{' '}
          <select value={level} onChange={(e) => setLevel(e.target.value)} disabled={disabled} data-testid="incident-severity-select">
            {SEVERITY_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`incident.severity.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={disabled || level === state.severity || !reason.trim()} onClick={() => void submit('incident.setSeverity')} data-testid="incident-severity-save">
          {t('incident.setSeverity')}
        </button>
      </div>
      <label className="incident-reason">
        {t('incident.reason')}
        <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('incident.reasonPlaceholder')} disabled={disabled} data-testid="incident-reason" />
      </label>
      <div className="incident-proposal" data-testid="incident-proposal" data-level={state.proposed_severity.level}>
        <strong>{t('incident.proposed', { level: t(`incident.severity.${state.proposed_severity.level}`) })}</strong>
        <ul>
          {state.proposed_severity.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        {esc && esc.targets.length > 0 && (
          <p data-testid="incident-escalation">
            {t('incident.escalation', { targets: esc.targets.map((x) => x[lang]).join(', ') })}
            {esc.deadline_minutes !== null && ` ${t('incident.escalationDeadline', { hours: Math.round((esc.deadline_minutes / 60) * 10) / 10 })}`}
          </p>
        )}
      </div>
    </section>
  );
}
