// Who may talk to `tracelight serve`: only a browser on this machine that presented the
// per-run token. The token arrives once in the URL, is swapped for an HttpOnly cookie,
// and every request (page, asset, upload, WebSocket) must carry one or the other.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'tracelight_session';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function cookieToken(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === SESSION_COOKIE) return v.join('=');
  }
  return undefined;
}

export type AuthVerdict = 'ok' | 'missing' | 'wrong';

/** Checks the token from the cookie, an Authorization bearer header, or ?token=. */
export function checkToken(req: IncomingMessage, url: URL, token: string): AuthVerdict {
  const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const presented = url.searchParams.get('token') ?? bearer ?? cookieToken(req);
  if (presented === undefined || presented === null) return 'missing';
  return sameSecret(presented, token) ? 'ok' : 'wrong';
}

/**
 * Defeats DNS rebinding: a page on evil.example that resolves to 127.0.0.1 still sends
 * Host: evil.example. Only loopback names on our port are accepted.
 */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = (req.headers.host ?? '').toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Cross-site WebSocket hijacking: the handshake must come from our own page. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}
