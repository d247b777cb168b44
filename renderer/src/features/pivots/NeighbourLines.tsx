import { useEngineCall } from '../../client/use-engine-call';
import { useT } from '../../i18n';
import { displayValue } from '../../lib/reveal-invisibles';
import { useEngineText } from '../engine-text/use-engine-text';
import './strings';

/** The records around an event in its evidence file, as written; the event's own marked. */
export function NeighbourLines({ eventId, onSelect }: { eventId: number; onSelect(id: number): void }) {
  const t = useT();
  const say = useEngineText();
  const { value, error } = useEngineCall('pivot.neighbours', { eventId, around: 5 });
  if (error) return <p className="error-text" role="alert">{error}</p>;
  if (!value || value.eventId !== eventId) return null;
  return (
    <section className="neighbour-lines" data-testid="neighbour-lines">
      <h3>{t('pivots.linesTitle', { id: eventId })}</h3>
      <p className="muted mono wrap-anywhere">{t('pivots.linesFile', { file: value.file })}</p>
      {value.problem && <p className="error-text">{say(value.problem_code, value.problem)}</p>}
      <ol className="neighbour-list">
        {value.lines.map((l) => (
          <li
            key={`${l.line}-${l.eventId ?? 'r'}`}
            className={l.current ? 'current' : l.rejected ? 'rejected' : undefined}
            data-testid="neighbour-line"
            data-line={l.line}
            data-current={l.current || undefined}
          >
            <span className="line-no mono">{l.line}</span>
            {l.eventId !== null && !l.current ? (
              <button type="button" className="link-button mono" onClick={() => onSelect(l.eventId!)} title={`#${l.eventId}`}>
                {displayValue(l.text, true)}
              </button>
            ) : (
              <span className="mono">{displayValue(l.text, true)}</span>
            )}
            {l.rejected && <span className="error-text"> {t('pivots.rejected', { reason: say(l.rejected_code, l.rejected) })}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
