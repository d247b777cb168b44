import { useClient } from '../../client/connection-context';
import { useEngineCall } from '../../client/use-engine-call';
import { useT } from '../../i18n';
import { revealInvisibles } from '../../lib/reveal-invisibles';

interface Props {
  version: number;
  readOnly: boolean;
  onRun(query: string): void;
  onChanged(): void;
}

/** The case's saved searches (left pane): click to run, × to delete. */
export function SavedSearches({ version, readOnly, onRun, onChanged }: Props) {
  const t = useT();
  const client = useClient();
  const { value: saved } = useEngineCall('search.saved', {}, version);
  return (
    <section className="saved-searches" aria-label={t('search.saved.title')} data-testid="saved-searches">
      <h3 className="pane-title">{t('search.saved.title')}</h3>
      {saved && saved.length === 0 && <p className="muted small">{t('search.saved.none')}</p>}
      <ul>
        {saved?.map((s) => (
          <li key={s.id} data-testid="saved-search">
            <button type="button" className="saved-search-run" title={`${s.query}\n${s.examiner} ${s.createdAt}`} aria-label={t('search.saved.apply', { name: s.name })} onClick={() => onRun(s.query)}>
              {revealInvisibles(s.name)}
            </button>
            {!readOnly && (
              <button
                type="button"
                className="query-chip-btn"
                aria-label={t('search.saved.delete', { name: s.name })}
                title={t('search.saved.delete', { name: s.name })}
                onClick={() => void client.call('search.deleteSaved', { id: s.id }).then(onChanged)}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
