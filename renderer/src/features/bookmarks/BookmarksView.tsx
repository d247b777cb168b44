import { useState } from 'react';
import { useEngineCall } from '../../client/use-engine-call';
import { displayValue } from '../../lib/reveal-invisibles';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useT } from '../../i18n';
import './strings';

/** Every tagged or annotated event with its labels and notes; the search covers notes and labels. */
export function BookmarksView({ version, onSelect }: { version: number; onSelect(eventId: number): void }) {
  const t = useT();
  const [text, setText] = useState('');
  const query = useDebouncedValue(text, 200);
  const { value, error } = useEngineCall('bookmarks.list', query.trim() ? { text: query } : {}, version);
  const marks = value ?? [];
  return (
    <section className="view-panel" data-testid="bookmarks" aria-label={t('bookmarks.title')}>
      <input
        type="search"
        className="filter-text"
        placeholder={t('bookmarks.search')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        data-testid="bookmarks-search"
      />
      {error && <p className="error-text" role="alert">{error}</p>}
      {marks.length === 0 && <p className="muted">{query.trim() ? t('bookmarks.noMatch') : t('bookmarks.empty')}</p>}
      <ul className="bookmark-list">
        {marks.map((b) => (
          <li key={b.event.id} data-testid="bookmark-row" data-event-id={b.event.id}>
            <button type="button" className="link-button" onClick={() => onSelect(b.event.id)} data-testid="bookmark-open">
              {t('bookmarks.event', { id: b.event.id })}
            </button>{' '}
            <span className="mono">{b.event.time}</span> {displayValue(b.event.host)} {displayValue(b.event.category)}{' '}
            {displayValue(b.event.action)} <span className="muted">{displayValue(b.event.message)}</span>
            <div>
              {b.tags.map((t) => (
                <span key={t.id} className="tag-chip" data-testid="bookmark-tag" title={`${t.examiner}, ${t.created_at}`}>
                  {displayValue(t.label)}
                </span>
              ))}
            </div>
            {b.notes.map((n) => (
              <blockquote key={n.id} className="note-text" data-testid="bookmark-note">
                {n.text}
                <footer className="muted">
                  {displayValue(n.edited_by)}, {n.edited_at}
                  {n.revisions > 1 ? t('bookmarks.edited', { count: n.revisions }) : ''}
                </footer>
              </blockquote>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
