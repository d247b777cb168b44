import type { ReactNode } from 'react';
import type { Incident } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';
import { useEngineText } from '../engine-text/use-engine-text';
import { EventLinks } from './EventLinks';
import { ResolvedNote } from './ResolvedNote';
import { useT } from '../../i18n';
import './strings';

interface Props {
  incident: Incident;
  selectedId: number | null;
  onSelect(eventId: number): void;
}

// Long lists (everyone who clicked, every IOC hit) are cut here; the findings and `query` have all.
const ROWS = 100;

/** The answers first: patient zero, infected hosts, payload, C2, spread, spam, who clicked, IOC hits. */
export function IncidentSummary({ incident, selectedId, onSelect }: Props) {
  const t = useT();
  const say = useEngineText();
  const links = (ids: number[]) => <EventLinks ids={ids} selectedId={selectedId} onSelect={onSelect} />;
  const pz = incident.patient_zero;
  return (
    <section className="incident-summary" data-testid="incident-summary" aria-label={t('story.summary')}>
      <div className="summary-grid">
        <Fact label={t('story.patientZero')} testId="patient-zero">
          {pz ? (
            <>
              <strong data-testid="patient-zero-host">{displayValue(pz.host)}</strong>
              {pz.user && t('story.user', { user: displayValue(pz.user) })}
              <div className="mono">{pz.time}</div>
              {pz.resolved ? <ResolvedNote resolved={pz.resolved} /> : pz.src_ip && pz.src_ip !== pz.host && <div className="mono">{displayValue(pz.src_ip)}</div>}
              {pz.lure && (
                <div className="wrap" data-testid="patient-zero-lure">
                  {t('story.lureLabel')} <span className="mono">{displayValue(pz.lure)}</span>
                </div>
              )}
              {pz.reason && <div className="muted wrap" data-testid="patient-zero-reason">{displayValue(say(pz.reason_code, pz.reason))}</div>}
              {links(pz.event_ids)}
            </>
          ) : (
            <span className="muted">{t('story.noneIdentified')}</span>
          )}
        </Fact>
        <Fact label={t('story.infectedHosts', { count: incident.hosts.length })} testId="infected-hosts">
          {incident.hosts.length ? (
            <ul className="plain-list">
              {incident.hosts.map((h) => {
                const resolved = incident.infected.find((x) => x.host === h)?.resolved;
                return (
                  <li key={h} data-testid="infected-host">
                    {displayValue(h)}
                    {resolved && <ResolvedNote resolved={resolved} />}
                  </li>
                );
              })}
            </ul>
          ) : (
            <span className="muted">{t('story.none')}</span>
          )}
        </Fact>
        <Fact label={t('story.payloadUrls', { count: incident.payload_urls.length })} testId="payload-urls">
          <ul className="plain-list mono wrap">
            {incident.payload_urls.map((u) => (
              <li key={u} data-testid="payload-url">
                {displayValue(u)}
              </li>
            ))}
          </ul>
        </Fact>
        <Fact label={t('story.c2', { count: incident.c2.length })} testId="c2-endpoints">
          <ul className="plain-list mono">
            {incident.c2.map((c) => (
              <li key={`${c.ip}:${c.port ?? ''}`} data-testid="c2-endpoint">
                {displayValue(c.ip)}
                {c.port !== null && `:${c.port}`}
                {c.domain && <span className="muted"> ({displayValue(c.domain)})</span>}
              </li>
            ))}
          </ul>
        </Fact>
      </div>

      {incident.lateral_movement.length > 0 && (
        <Table total={incident.lateral_movement.length} title={t('story.lateral')} testId="lateral-movement" head={[t('story.col.time'), t('story.col.from'), t('story.col.to'), t('story.col.events')]}>
          {incident.lateral_movement.slice(0, ROWS).map((m, i) => (
            <tr key={i}>
              <td className="mono">{m.time}</td>
              <td>{displayValue(m.from)}</td>
              <td>{displayValue(m.to)}</td>
              <td>{links(m.event_ids)}</td>
            </tr>
          ))}
        </Table>
      )}
      {incident.spam.length > 0 && (
        <Table total={incident.spam.length} title={t('story.spam')} testId="spam" head={[t('story.col.host'), t('story.col.connections'), t('story.col.first'), t('story.col.events')]}>
          {incident.spam.slice(0, ROWS).map((s) => (
            <tr key={s.host}>
              <td>{displayValue(s.host)}</td>
              <td className="num">{s.count}</td>
              <td className="mono">{s.first}</td>
              <td>{links(s.event_ids)}</td>
            </tr>
          ))}
        </Table>
      )}
      {incident.clicked.length > 0 && (
        <Table total={incident.clicked.length} title={t('story.clicked', { count: incident.clicked.length })} testId="clicked" head={[t('story.col.time'), t('story.col.host'), t('story.col.user'), t('story.col.srcIp'), t('story.col.url'), t('story.col.event')]}>
          {incident.clicked.slice(0, ROWS).map((c, i) => (
            <tr key={`${c.event_id}-${i}`} data-testid="clicked-row">
              <td className="mono">{c.time}</td>
              <td>{displayValue(c.host)}</td>
              <td>{displayValue(c.user)}</td>
              <td className="mono">{displayValue(c.src_ip)}</td>
              <td className="mono wrap">{displayValue(c.url)}</td>
              <td>{links([c.event_id])}</td>
            </tr>
          ))}
        </Table>
      )}
      {incident.ioc_hits.length > 0 && (
        <Table total={incident.ioc_hits.length} title={t('story.iocHits', { count: incident.ioc_hits.length })} testId="ioc-hits" head={[t('story.col.time'), t('story.col.indicator'), t('story.col.type'), t('story.col.fromFile'), t('story.col.host'), t('story.col.user'), t('story.col.srcIp'), t('story.col.event')]}>
          {incident.ioc_hits.slice(0, ROWS).map((h, i) => (
            <tr key={`${h.event_id}-${i}`} data-testid="ioc-hit">
              <td className="mono">{h.time}</td>
              <td className="mono wrap">{displayValue(h.indicator)}</td>
              <td>{h.type}</td>
              <td>{displayValue(h.source)}</td>
              <td>{displayValue(h.host)}</td>
              <td>{displayValue(h.user)}</td>
              <td className="mono">{displayValue(h.src_ip)}</td>
              <td>{links([h.event_id])}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}

function Fact({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <div className="summary-fact" data-testid={testId}>
      <h3>{label}</h3>
      {children}
    </div>
  );
}

function Table({ total, title, testId, head, children }: { total: number; title: string; testId: string; head: string[]; children: ReactNode }) {
  const t = useT();
  return (
    <div className="summary-table" data-testid={testId}>
      <h3>{title}</h3>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              {head.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
      {total > ROWS && <p className="muted">{t('story.firstShown', { count: ROWS })}</p>}
    </div>
  );
}
