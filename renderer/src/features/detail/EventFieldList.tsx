import { EVENT_COLUMNS, type EventColumn, type EventRow } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';

// Shown in their own sections below.
const SHOWN_ELSEWHERE = new Set<EventColumn>(['extra']);

/** Every non-null normalized column, under its SQL name (what `tracelight query` uses). */
export function EventFieldList({ event }: { event: EventRow }) {
  const fields = EVENT_COLUMNS.filter(
    (column) =>
      !SHOWN_ELSEWHERE.has(column) &&
      event[column] !== null &&
      event[column] !== '' &&
      // time_original differs from time only once a clock skew correction is applied.
      !(column === 'time_original' && event.time_original === event.time),
  );
  return (
    <dl className="field-list" data-testid="event-fields">
      {fields.map((column) => (
        <div key={column} className="field">
          <dt>{column}</dt>
          <dd>{displayValue(event[column], true)}</dd>
        </div>
      ))}
    </dl>
  );
}
