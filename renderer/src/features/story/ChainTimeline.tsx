import type { InfectedHost } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';
import { byTime, STAGE_LABEL } from './chain-layout';
import { EventLinks } from './EventLinks';

interface Props {
  host: InfectedHost;
  selectedId: number | null;
  onSelect(eventId: number): void;
}

/** One infected host's chain as a timeline: its steps in time order, each with its events. */
export function ChainTimeline({ host, selectedId, onSelect }: Props) {
  const steps = [...host.steps].sort(byTime);
  return (
    <section className="chain-timeline" data-testid="chain-timeline" data-host={host.host} aria-label={`Chain on ${host.host}`}>
      <h3>
        {displayValue(host.host)}
        {host.user && <span className="muted"> · {displayValue(host.user)}</span>}
        <span className="muted"> · first malicious activity {host.first_malicious}</span>
      </h3>
      {host.reasons.length > 0 && (
        <p className="muted" data-testid="infected-reasons">
          Infected because: {host.reasons.map((r) => displayValue(r)).join('; ')}
        </p>
      )}
      <ol className="step-list">
        {steps.map((s, i) => (
          <li key={`${s.time}-${i}`} className={`step stage-${s.stage}`} data-testid="chain-step" data-stage={s.stage}>
            <span className="mono step-time">{s.time}</span>
            <span className={`stage-badge stage-${s.stage}`}>{STAGE_LABEL[s.stage]}</span>
            <span className="step-summary">{displayValue(s.summary)}</span>
            {s.user && s.user !== host.user && <span className="muted"> ({displayValue(s.user)})</span>}
            <EventLinks ids={s.event_ids} selectedId={selectedId} onSelect={onSelect} />
          </li>
        ))}
      </ol>
    </section>
  );
}
