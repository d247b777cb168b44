// Serves the built renderer from app://tracelight/ instead of file://. A file:// page could read
// any file the user can; an app:// page sees only dist/renderer, gets a real origin (so the
// CSP's 'self' and postMessage target origins mean something) and a CSP header we control.
import { protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { resolveAppUrl, mimeTypeFor } from './app-path';
import { APP_HOST, APP_SCHEME, RESPONSE_HEADERS } from './security-policy';

/** Must run before app 'ready': Chromium fixes the scheme's privileges at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: a tuple origin (app://tracelight) and relative URLs resolve like http.
      // secure: a secure context, as the page would have on https.
      // supportFetchAPI: the page may fetch() its own assets.
      // Not bypassCSP, not corsEnabled, no service workers.
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
}

/** After 'ready': answer app:// requests from rendererRoot only. */
export function serveAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'Method not allowed');
    let host: string;
    try {
      host = new URL(request.url).host;
    } catch {
      return respond(400, 'Bad request');
    }
    if (host !== APP_HOST) return respond(404, 'Not found');

    const file = resolveAppUrl(rendererRoot, request.url);
    if (!file) return respond(403, 'Forbidden');
    try {
      if (!(await stat(file)).isFile()) return respond(404, 'Not found');
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: { ...RESPONSE_HEADERS, 'Content-Type': mimeTypeFor(file), 'Cache-Control': 'no-store' },
      });
    } catch {
      return respond(404, 'Not found');
    }
  });
}

function respond(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...RESPONSE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
