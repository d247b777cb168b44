// The desktop app's security policy as plain data and pure predicates. No 'electron' import,
// so a unit test can check exactly what the main process enforces.

/** The renderer is served only from this privileged scheme and host (see app-protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tracelight';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Sent on every app:// response. Everything comes from the app's own origin; no inline script
 * or style, no eval, no plugins, no <base>, no form posts, no framing. The renderer talks to the
 * engine over a MessagePort, so connect-src needs no socket or remote origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Extra headers on every app:// response. */
export const RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  // Serve each file as the type we say, never as whatever the bytes look like.
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

/**
 * Schemes a request may use. Everything else (http, https, ws, wss, ftp, file, ...) is cancelled:
 * Tracelight never sends anything over a network. devtools: keeps DevTools working in
 * development; data: is allowed by the CSP for images only.
 */
export const ALLOWED_REQUEST_SCHEMES: readonly string[] = [`${APP_SCHEME}:`, 'devtools:', 'data:'];

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function isAllowedRequestUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && ALLOWED_REQUEST_SCHEMES.includes(parsed.protocol);
}

/** True for a URL of our own page: app://tracelight/... (the only place the window may be). */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/** IPC from anything but our own page (a stray frame, a page navigated elsewhere) is refused. */
export function isTrustedSender(frameUrl: string | undefined | null): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

/**
 * A save dialog's suggested name comes from the page: keep only its last path component, drop
 * control and Windows-reserved characters, so a suggestion can name a file but never point the
 * dialog at another folder.
 */
export function safeFileName(value: unknown): string {
  const raw = typeof value === 'string' ? value : '';
  const last = raw.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const cleaned = last.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').trim().slice(0, 200);
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : 'tracelight-export';
}

/**
 * The one permission the workbench needs: writing plain text to the clipboard (the copy
 * buttons beside hashes). Everything else (camera, notifications, reading the clipboard...)
 * stays denied, and only our own page gets even this.
 */
export const ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return ALLOWED_PERMISSIONS.includes(permission) && isAppUrl(requestingUrl);
}
