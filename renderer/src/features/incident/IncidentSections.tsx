import { ASSET_STATUSES, type IncidentState } from '../../../../electron/common/incident';
import { useT } from '../../i18n';
import { displayValue } from '../../lib/reveal-invisibles';
import type { IncidentActions } from './IncidentDialog';

/** Hosts, addresses and users with their status, prefilled from the story, editable. */
export function IncidentAssets({ state, actions }: { state: IncidentState; actions: IncidentActions }) {
  const t = useT();
  if (!state.assets.length) return null;
  return (
    <section className="incident-section" aria-labelledby="incident-assets-title">
      <h3 id="incident-assets-title">{t('incident.assets')}</h3>
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('incident.assetHost')}</th>
            <th>{t('incident.assetUser')}</th>
            <th>{t('incident.assetStatus')}</th>
            <th>{t('incident.assetWhy')}</th>
          </tr>
        </thead>
        <tbody>
          {state.assets.map((a) => (
            <tr key={`${a.host}|${a.src_ip}|${a.user}`} data-testid="incident-asset">
              <td className="mono">{displayValue(a.host ?? a.src_ip ?? '')}</td>
              <td className="mono">{displayValue(a.user ?? '')}</td>
              <td>
                <select
                  value={a.status}
                  disabled={actions.readOnly || actions.busy}
                  onChange={(e) => void actions.run('incident.setAsset', { host: a.host, src_ip: a.src_ip, user: a.user, status: e.target.value })}
                  aria-label={t('incident.assetStatus')}
                >
                  {ASSET_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`incident.status.${s}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>{displayValue(a.why ?? '')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The story's indicators: confirming one puts it on the containment lists. */
export function IncidentIndicators({ state, actions }: { state: IncidentState; actions: IncidentActions }) {
  const t = useT();
  return (
    <section className="incident-section" aria-labelledby="incident-iocs-title">
      <h3 id="incident-iocs-title">{t('incident.indicators')}</h3>
      {!state.indicators.length && <p className="muted">{t('incident.noIndicators')}</p>}
      <ul className="incident-indicators">
        {state.indicators.map((i) => (
          <li key={`${i.type}:${i.value}`} data-testid="incident-indicator" data-confirmed={i.confirmed !== null}>
            <span className="mono">{displayValue(i.value)}</span> <span className="muted">({i.type}, {i.source})</span>{' '}
            {i.confirmed ? (
              <>
                <span className="muted">{t('incident.confirmedBy', { by: i.confirmed.examiner })}</span>{' '}
                <button type="button" disabled={actions.readOnly || actions.busy} onClick={() => void actions.run('incident.withdrawIndicator', { type: i.type, value: i.value })}>
                  {t('incident.withdraw')}
                </button>
              </>
            ) : (
              <button type="button" disabled={actions.readOnly || actions.busy} onClick={() => void actions.run('incident.confirmIndicator', { type: i.type, value: i.value })}>
                {t('incident.confirm')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Every phase and severity change: who, when, from, to, why. */
export function IncidentHistory({ state }: { state: IncidentState }) {
  const t = useT();
  const label = (field: string, v: string | null) => (v === null ? '—' : t(`incident.${field}.${v}`));
  return (
    <section className="incident-section" aria-labelledby="incident-history-title">
      <h3 id="incident-history-title">{t('incident.history')}</h3>
      {!state.history.length && <p className="muted">{t('incident.historyEmpty')}</p>}
      <ol className="incident-history">
        {state.history.map((h) => (
          <li key={h.id} data-testid="incident-history-entry">
            {t('incident.historyLine', { time: h.time, examiner: h.examiner, field: t(`incident.${h.field}`), from: label(h.field, h.from), to: label(h.field, h.to) })}
            {h.reason && <span className="muted"> — {h.reason}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
