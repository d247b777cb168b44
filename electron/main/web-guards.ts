// Runtime enforcement of security-policy.ts: what a page may load, where it may go, what it may
// ask for. Applied to the session once and to every webContents as it is created, so a window
// or devtools view added later is covered without anyone remembering to call this.
import { app, type Session, type WebContents } from 'electron';
import { isAllowedRequestUrl, isAppUrl, isPermissionAllowed } from './security-policy';

/** Session-wide: no remote requests, no permissions but clipboard write for our own page. */
export function guardSession(session: Session): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) console.warn(`[security] blocked request to ${details.url}`);
    callback({ cancel: !allowed });
  });
  session.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl ?? contents.getURL())),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  // Chromium would otherwise fetch a spellcheck dictionary from Google's servers.
  session.setSpellCheckerEnabled(false);
}

/** Per-webContents: stay on app://tracelight, open nothing, embed nothing. */
export function guardWebContents(contents: WebContents): void {
  const stayHome = (event: { preventDefault(): void }, url: string): void => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    console.warn(`[security] blocked navigation to ${url}`);
  };
  contents.on('will-navigate', (event) => stayHome(event, event.url));
  contents.on('will-frame-navigate', (event) => stayHome(event, event.url));
  contents.on('will-redirect', (event) => stayHome(event, event.url));
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`[security] blocked window.open(${url})`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
