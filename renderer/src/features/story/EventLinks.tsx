import { useState } from 'react';
import { useT } from '../../i18n';
import './strings';

// The events behind a step or finding, each a button that opens it in the detail panel.
const SHOWN = 12;

interface Props {
  ids: number[];
  selectedId: number | null;
  onSelect(eventId: number): void;
}

export function EventLinks({ ids, selectedId, onSelect }: Props) {
  const t = useT();
  const [all, setAll] = useState(false);
  if (ids.length === 0) return null;
  const shown = all ? ids : ids.slice(0, SHOWN);
  return (
    <span className="event-links">
      {shown.map((id) => (
        <button
          key={id}
          type="button"
          className={id === selectedId ? 'link-button event-link selected' : 'link-button event-link'}
          onClick={() => onSelect(id)}
          data-testid="event-link"
          data-event-id={id}
          title={t('story.showEvent', { id })}
        >
          #{id}
        </button>
      ))}
      {ids.length > SHOWN && (
        <button type="button" className="link-button" onClick={() => setAll((a) => !a)}>
          {all ? t('story.fewer') : t('story.more', { count: ids.length - SHOWN })}
        </button>
      )}
    </span>
  );
}
