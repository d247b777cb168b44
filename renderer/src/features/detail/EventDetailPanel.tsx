import { useEngineCall } from '../../client/use-engine-call';
import { prettyJson } from '../../lib/pretty-json';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { StarButton } from '../annotations/StarButton';
import { PivotButton } from '../pivots/PivotButton';
import { EventBookmarks } from '../bookmarks/EventBookmarks';
import { EventFieldList } from './EventFieldList';
import { EventOriginal } from './EventOriginal';
import { EventProvenance } from './EventProvenance';
import { useT } from '../../i18n';
import './strings';

// Holding an arrow key walks the timeline at ~30 rows/s; fetch only where it comes to rest.
const DETAIL_DEBOUNCE_MS = 60;

interface Props {
  eventId: number | null;
  readOnly: boolean;
  onChanged(): void;
}

export function EventDetailPanel({ eventId, readOnly, onChanged }: Props) {
  const t = useT();
  const requestedId = useDebouncedValue(eventId, DETAIL_DEBOUNCE_MS);
  const { value: last, error, loading } = useEngineCall(
    'events.detail',
    requestedId === null ? null : { id: requestedId },
  );

  if (eventId === null) {
    return (
      <aside className="detail-panel" data-testid="event-detail" aria-label={t('detail.title')}>
        <p className="muted">{t('detail.empty')}</p>
      </aside>
    );
  }
  // While the next event loads, the previous one stays visible but dimmed; if loading it
  // failed, only the error shows.
  const busy = loading || requestedId !== eventId;
  const current = last !== undefined && Number(last.event.id) === eventId;
  const detail = current || busy ? last : undefined;
  const stale = detail !== undefined && !current;
  const extra = detail ? prettyJson(detail.event.extra) : null;
  return (
    <aside
      className={stale ? 'detail-panel stale' : 'detail-panel'}
      data-testid="event-detail"
      data-event-id={detail ? String(detail.event.id) : undefined}
      aria-label={t('detail.title')}
      aria-busy={busy}
    >
      <div className="detail-head">
        <h2>{t('detail.event', { id: eventId })}</h2>
        <StarButton eventId={eventId} readOnly={readOnly} onChanged={onChanged} />
        <PivotButton eventId={eventId} />
      </div>
      {error && !busy && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {detail && current && <EventBookmarks key={eventId} eventId={eventId} readOnly={readOnly} onChanged={onChanged} />}
      {detail && (
        <>
          <EventFieldList event={detail.event} />
          {extra !== null && (
            <section>
              <h3>{t('detail.extra')}</h3>
              <pre className="raw">{extra}</pre>
            </section>
          )}
          <section>
            <h3>{t('detail.original')}</h3>
            <EventOriginal original={detail.original} unavailableReason={detail.originalUnavailableReason} unavailableReasonCode={detail.originalUnavailableReason_code} />
          </section>
          <section>
            <h3>{t('detail.provenance')}</h3>
            <EventProvenance provenance={detail.provenance} />
          </section>
        </>
      )}
    </aside>
  );
}
