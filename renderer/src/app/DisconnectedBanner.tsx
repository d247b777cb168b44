import { useT } from '../i18n';
import './strings';
/** Shown once the engine connection is gone; every pending call has already failed. */
export function DisconnectedBanner({ reason }: { reason: string }) {
  const t = useT();
  return (
    <div className="banner banner-error" role="alert" data-testid="disconnected-banner">
      <strong>{t('app.disconnected')}</strong> <span className="muted-on-error">{reason}</span>
      <button type="button" className="small" onClick={() => location.reload()}>
        {t('app.reload')}
      </button>
    </div>
  );
}
