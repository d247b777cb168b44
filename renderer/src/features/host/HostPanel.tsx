import { useEngineCall } from '../../client/use-engine-call';
import type { CountedValue } from '../../contracts';
import { useLocaleFormat, useT } from '../../i18n';
import { displayValue } from '../../lib/reveal-invisibles';
import { useEngineText } from '../engine-text/use-engine-text';
import './strings';

function Counted({ title, items, testId }: { title: string; items: CountedValue[]; testId: string }) {
  const t = useT();
  const { number } = useLocaleFormat();
  return (
    <section data-testid={testId}>
      <h4>{title}</h4>
      {items.length === 0 ? (
        <p className="muted">{t('host.empty')}</p>
      ) : (
        <table className="host-counts">
          <tbody>
            {items.map((i) => (
              <tr key={i.value}>
                <td className="mono wrap-anywhere">{displayValue(i.value)}</td>
                <td className="num">{number(i.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Per host: first and last seen, users, addresses over time, top processes and destinations, findings. */
export function HostPanel({ host, onSelect, onFilterHost }: { host: string | null; onSelect(id: number): void; onFilterHost(host: string): void }) {
  const t = useT();
  const say = useEngineText();
  const { number } = useLocaleFormat();
  const { value, error } = useEngineCall('host.view', host ? { host } : null);
  if (!host) return <p className="muted">{t('host.none')}</p>;
  if (error) return <p className="error-text" role="alert">{error}</p>;
  if (!value || value.host !== host) return <p className="muted">…</p>;
  return (
    <section className="host-view" data-testid="host-view">
      <h3 className="wrap-anywhere">{t('host.title', { host: displayValue(value.host) })}</h3>
      <p className="muted mono" data-testid="host-seen">{t('host.seen', { first: value.first ?? '—', last: value.last ?? '—', events: number(value.events) })}</p>
      <button type="button" onClick={() => onFilterHost(value.host)} data-testid="host-filter">{t('host.filter')}</button>
      <Counted title={t('host.users')} items={value.users} testId="host-users" />
      <section data-testid="host-addresses">
        <h4>{t('host.addresses')}</h4>
        {value.addresses.length === 0 ? (
          <p className="muted">{t('host.empty')}</p>
        ) : (
          <table className="host-counts">
            <tbody>
              {value.addresses.map((a) => (
                <tr key={a.ip}>
                  <td className="mono">{displayValue(a.ip)}</td>
                  <td className="mono muted">{a.first.slice(0, 19)} – {a.last.slice(0, 19)}</td>
                  <td className="num">{number(a.events)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Counted title={t('host.processes')} items={value.processes} testId="host-processes" />
      <Counted title={t('host.destinations')} items={value.destinations} testId="host-destinations" />
      <Counted title={t('host.categories')} items={value.categories} testId="host-categories" />
      <section data-testid="host-findings">
        <h4>{t('host.findings')}</h4>
        {!value.detectionRun && <p className="muted">{t('host.noDetection')}</p>}
        {value.findings.length === 0 ? (
          <p className="muted">{t('host.noFindings')}</p>
        ) : (
          <ul className="host-findings">
            {value.findings.map((f) => (
              <li key={`${f.rule}-${f.time}-${f.eventIds[0] ?? ''}`} data-testid="host-finding">
                <span className={`sev sev-${f.severity}`}>{f.severity}</span>{' '}
                <button type="button" className="link-button" onClick={() => f.eventIds[0] !== undefined && onSelect(f.eventIds[0])}>
                  {displayValue(say(f.title_code, f.title))}
                </button>{' '}
                <span className="mono muted">{f.time}</span>
                {f.verdict && <span className="ptree-badge"> {t(`host.verdict.${f.verdict}`)}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
