/** Shown once the engine connection is gone; every pending call has already failed. */
export function DisconnectedBanner({ reason }: { reason: string }) {
  return (
    <div className="banner banner-error" role="alert" data-testid="disconnected-banner">
      <strong>Disconnected from engine.</strong> <span className="muted-on-error">{reason}</span>
      <button type="button" className="small" onClick={() => location.reload()}>
        Reload
      </button>
    </div>
  );
}
