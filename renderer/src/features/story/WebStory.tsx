// The web-attack part of the incident: who attacked the web server, which attempts worked (in
// time order) and which web shells were used, with their commands. Values are shown as the log
// wrote them (text nodes only: a request line is attacker-controlled text).
import './web-strings';
import type { WebIncident } from '../../contracts';
import { useT } from '../../i18n';
import { displayValue } from '../../lib/reveal-invisibles';
import { useEngineText } from '../engine-text/use-engine-text';
import { EventLinks } from './EventLinks';

interface Props {
  web: WebIncident | undefined;
  selectedId: number | null;
  onSelect(eventId: number): void;
}

export function WebStory({ web, selectedId, onSelect }: Props) {
  const t = useT();
  const say = useEngineText();
  if (!web || web.attackers.length === 0) return null;
  const technique = (x: string) => t(`story.web.technique.${x}`);
  return (
    <section className="web-story summary-table" data-testid="web-story">
      <h2 className="story-heading">{t('story.web.heading')}</h2>
      <h3>{t('story.web.attackers', { count: web.attackers.length })}</h3>
      <table className="data-table" data-testid="web-attackers">
        <thead>
          <tr>
            <th>{t('story.web.col.ip')}</th>
            <th>{t('story.web.col.period')}</th>
            <th>{t('story.web.col.requests')}</th>
            <th>{t('story.web.col.techniques')}</th>
            <th>{t('story.web.col.successes')}</th>
          </tr>
        </thead>
        <tbody>
          {web.attackers.map((a) => (
            <tr key={a.ip} data-testid="web-attacker" data-ip={a.ip}>
              <td>{displayValue(a.ip)}</td>
              <td>
                {a.first} – {a.last}
              </td>
              <td>{a.requests}</td>
              <td>
                {a.techniques.map(technique).join(', ')}
                {a.tools?.length ? <span className="muted"> ({t('story.web.tools', { tools: a.tools.join(', ') })})</span> : null}
              </td>
              <td>{a.successes}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('story.web.successes', { count: web.successes.length })}</h3>
      {web.successes.length === 0 ? (
        <p className="muted">{t('story.web.noSuccess')}</p>
      ) : (
        <table className="data-table" data-testid="web-successes">
          <thead>
            <tr>
              <th>{t('story.web.col.time')}</th>
              <th>{t('story.web.col.ip')}</th>
              <th>{t('story.web.col.technique')}</th>
              <th>{t('story.web.col.url')}</th>
              <th>{t('story.web.col.status')}</th>
              <th>{t('story.web.col.bytes')}</th>
              <th>{t('story.web.col.why')}</th>
              <th>{t('story.web.col.event')}</th>
            </tr>
          </thead>
          <tbody>
            {web.successes.map((s) => (
              <tr key={`${s.event_id}-${s.technique}`} data-testid="web-success">
                <td>{s.time}</td>
                <td>{displayValue(s.ip)}</td>
                <td>{technique(s.technique)}</td>
                <td className="mono wrap">{displayValue(s.url)}</td>
                <td>{s.status ?? ''}</td>
                <td>{s.bytes ?? ''}</td>
                <td>{displayValue(say(s.reason_code, s.reason ?? ''))}</td>
                <td>
                  <EventLinks ids={[s.event_id]} selectedId={selectedId} onSelect={onSelect} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {web.webshells.length > 0 && (
        <>
          <h3>{t('story.web.shells', { count: web.webshells.length })}</h3>
          <table className="data-table" data-testid="web-shells">
            <thead>
              <tr>
                <th>{t('story.web.col.path')}</th>
                <th>{t('story.web.col.firstSeen')}</th>
                <th>{t('story.web.col.users')}</th>
                <th>{t('story.web.col.commands')}</th>
                <th>{t('story.web.col.event')}</th>
              </tr>
            </thead>
            <tbody>
              {web.webshells.map((w) => (
                <tr key={w.path} data-testid="web-shell">
                  <td className="mono wrap">{displayValue(w.path)}</td>
                  <td>{w.first_seen}</td>
                  <td>{w.ips.join(', ')}</td>
                  <td>
                    <ul className="plain-list">
                      {w.commands.map((c, i) => (
                        <li key={i} className="mono wrap">
                          {displayValue(c)}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <EventLinks ids={w.event_ids ?? []} selectedId={selectedId} onSelect={onSelect} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
