import { useEffect, useState } from 'react';
import { useClient } from '../../client/connection-context';
import { errorMessage } from '../../client/engine-error';
import { useEngineCall } from '../../client/use-engine-call';
import { useT } from '../../i18n';
import { ANNOTATIONS_CHANGED_EVENT, toggleStar } from './annotation-commands';
import './strings';

/** ☆/★ for the selected event: one click (or `t`) records a tag.added / tag.removed entry. */
export function StarButton({ eventId, readOnly, onChanged }: { eventId: number; readOnly: boolean; onChanged(): void }) {
  const t = useT();
  const client = useClient();
  const [refresh, setRefresh] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const { value } = useEngineCall('annotations.forEvent', { eventId }, refresh);
  useEffect(() => {
    const changed = () => setRefresh((r) => r + 1);
    window.addEventListener(ANNOTATIONS_CHANGED_EVENT, changed);
    return () => window.removeEventListener(ANNOTATIONS_CHANGED_EVENT, changed);
  }, []);
  const starred = value?.eventId === eventId && value.starred;
  const click = () => {
    setError(null);
    toggleStar(client, eventId).then(onChanged, (e: unknown) => setError(errorMessage(e)));
  };
  return (
    <>
      <button
        type="button"
        className={starred ? 'star-button on' : 'star-button'}
        aria-pressed={starred}
        aria-label={starred ? t('annotations.unstar') : t('annotations.star')}
        title={starred ? t('annotations.unstar') : t('annotations.star')}
        disabled={readOnly}
        onClick={click}
        data-testid="star-button"
      >
        {starred ? '★' : '☆'}
      </button>
      {error && <span className="error-text" role="alert">{error}</span>}
    </>
  );
}
