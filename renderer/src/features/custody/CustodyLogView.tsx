import { useEngineCall } from '../../client/use-engine-call';
import { displayValue } from '../../lib/reveal-invisibles';
import { CustodyDetails } from './CustodyDetails';
import { useT } from '../../i18n';
import './strings';

/** Every custody entry in order, with the chain's verification status above it. */
export function CustodyLogView({ version }: { version: number }) {
  const t = useT();
  const { value, error } = useEngineCall('custody.log', {}, version);
  const status = value?.status;
  return (
    <section className="view-panel" data-testid="custody-log" aria-label={t('custody.title')}>
      {error && <p className="error-text" role="alert">{error}</p>}
      {status && (
        <p className={status.ok ? 'chain-status ok' : 'chain-status broken'} data-testid="custody-status" data-ok={String(status.ok)}>
          {status.ok
            ? t('custody.intact', { count: status.count, head: status.head })
            : t('custody.broken', { entry: status.problem?.entryId ?? '', reason: status.problem?.reason ?? '' })}
        </p>
      )}
      <div className="table-scroll">
        <table className="data-table custody-table">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>{t('custody.col.time')}</th>
              <th>{t('custody.col.examiner')}</th>
              <th>{t('custody.col.workstation')}</th>
              <th>{t('custody.col.action')}</th>
              <th>{t('custody.col.details')}</th>
              <th>{t('custody.col.hash')}</th>
            </tr>
          </thead>
          <tbody>
            {(value?.entries ?? []).map((e) => (
              <tr
                key={e.id}
                data-testid="custody-entry"
                data-action={e.action}
                className={status && !status.ok && status.problem && e.id >= status.problem.entryId ? 'suspect' : undefined}
              >
                <td className="num">{e.id}</td>
                <td className="mono">{e.time}</td>
                <td data-testid="custody-examiner">{displayValue(e.examiner)}</td>
                <td>{displayValue(e.workstation)}</td>
                <td className="mono" data-testid="custody-action">{e.action}</td>
                <td>
                  <CustodyDetails json={e.details} />
                </td>
                <td>
                  <code className="hash" title={t('custody.previous', { hash: e.prev_hash })}>{e.entry_hash.slice(0, 16)}…</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
