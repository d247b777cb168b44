import type { InfectedHost } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';
import { useEngineText } from '../engine-text/use-engine-text';
import { byTime } from './chain-layout';
import { EventLinks } from './EventLinks';
import { ResolvedNote } from './ResolvedNote';
import { useT } from '../../i18n';
import './strings';

interface Props {
  host: InfectedHost;
  selectedId: number | null;
  onSelect(eventId: number): void;
}

/** One infected host's chain as a timeline: its steps in time order, each with its events. */
export function ChainTimeline({ host, selectedId, onSelect }: Props) {
  const t = useT();
  const say = useEngineText();
  const steps = [...host.steps].sort(byTime);
  return (
    <section className="chain-timeline" data-testid="chain-timeline" data-host={host.host} aria-label={t('story.chainOn', { host: host.host })}>
      <h3>
        {displayValue(host.host)}
        {host.user && <span className="muted"> · {displayValue(host.user)}</span>}
        <span className="muted">{t('story.firstMalicious', { time: host.first_malicious })}</span>
      </h3>
      {host.resolved && <ResolvedNote resolved={host.resolved} />}
      {host.reasons.length > 0 && (
        <p className="muted" data-testid="infected-reasons">
          {t('story.infectedBecause', { reasons: host.reasons.map((r, i) => displayValue(say(host.reason_codes?.[i], r))).join('; ') })}
        </p>
      )}
      <ol className="step-list">
        {steps.map((s, i) => (
          <li key={`${s.time}-${i}`} className={`step stage-${s.stage}`} data-testid="chain-step" data-stage={s.stage}>
            <span className="mono step-time">{s.time}</span>
            <span className={`stage-badge stage-${s.stage}`}>{t(`story.stage.${s.stage}`)}</span>
            <span className="step-summary">{displayValue(say(s.summary_code, s.summary))}</span>
            {s.user && s.user !== host.user && <span className="muted"> ({displayValue(s.user)})</span>}
            <EventLinks ids={s.event_ids} selectedId={selectedId} onSelect={onSelect} />
          </li>
        ))}
      </ol>
    </section>
  );
}
