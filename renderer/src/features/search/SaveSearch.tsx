import { useState } from 'react';
import { useClient } from '../../client/connection-context';
import { errorMessage } from '../../client/engine-error';
import { useT } from '../../i18n';

/** Saves the query in force under a name, in the case (a custody entry). */
export function SaveSearch({ query, onSaved }: { query: string; onSaved(): void }) {
  const t = useT();
  const client = useClient();
  const [name, setName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (name === null) {
    return (
      <button type="button" onClick={() => (query ? setName('') : setError(t('search.saved.nothing')))} data-testid="save-search">
        {t('search.saved.save')}
        {error && <span className="visually-hidden" role="alert">{error}</span>}
      </button>
    );
  }
  const save = () =>
    client.call('search.save', { name, query }).then(
      () => {
        setName(null);
        setError(null);
        onSaved();
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  return (
    <form
      className="save-search"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <input aria-label={t('search.saved.name')} placeholder={t('search.saved.name')} value={name} autoFocus onChange={(e) => setName(e.currentTarget.value)} data-testid="save-search-name" />
      <button type="submit" data-testid="save-search-confirm">
        {t('search.saved.confirm')}
      </button>
      <button type="button" onClick={() => setName(null)}>
        {t('search.saved.cancel')}
      </button>
      {error && <span className="error-text" role="alert">{error}</span>}
    </form>
  );
}
