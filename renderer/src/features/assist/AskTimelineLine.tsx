import type { AskAnswer } from '../../contracts';
import { useLocaleFormat, useT } from '../../i18n';

// The answer in the timeline: its query (what the query bar will hold as chips) and how many
// events it selects, checked by the engine to be the events the answer counted; or why this
// answer cannot be a query (detection results, edited SQL, a field the language lacks).
export function AskTimelineLine({ answer, onOpen }: { answer: AskAnswer; onOpen(query: string): void }) {
  const t = useT();
  const fmt = useLocaleFormat();
  const { query, events, reason, reason_code: code } = answer.timeline;
  if (query === null) {
    return (
      <p className="muted assist-timeline" data-testid="assist-timeline-reason">
        {t('assist.noTimeline', { reason: code ? t(`assist.noTimeline.${code}`) : (reason ?? '') })}
      </p>
    );
  }
  return (
    <div className="assist-timeline">
      <button type="button" onClick={() => onOpen(query)} title={t('assist.toTimelineHint')} data-testid="assist-to-timeline" data-events={events ?? ''}>
        {t('assist.toTimeline')}
      </button>
      <code data-testid="assist-timeline-query">{query || t('assist.allEvents')}</code>
      {events !== null && <span className="muted">{t('assist.timelineEvents', { n: fmt.number(events) })}</span>}
    </div>
  );
}
