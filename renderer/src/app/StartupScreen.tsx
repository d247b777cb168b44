import { useT } from '../i18n';
import './strings';
/** While the first call to the engine is under way (or if it failed). */
export function StartupScreen({ error }: { error: string | null }) {
  const t = useT();
  return (
    <main className="startup" data-testid="startup">
      <h1 className="brand">{t('app.brand')}</h1>
      {error ? (
        <p className="error-text" role="alert">
          {t('app.unreachable', { error })}
        </p>
      ) : (
        <p className="muted">{t('app.connecting')}</p>
      )}
    </main>
  );
}
