// The desktop shell cannot run here (no Electron binary), so its policy is pure data and pure
// functions, checked here: what the window may do, what the page may load, which files
// app:// serves.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveAppPathname, resolveAppUrl } from '../../../electron/main/app-path';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  RESPONSE_HEADERS,
  isAllowedRequestUrl,
  isAppUrl,
  isTrustedSender,
  safeFileName,
} from '../../../electron/main/security-policy';

describe('Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('has exactly the agreed directives', () => {
    expect(Object.fromEntries(directives)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
  });

  it('allows no inline code, no eval and no remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*|blob:/);
  });

  it('is sent with every app:// response', () => {
    expect(RESPONSE_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(RESPONSE_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('request and navigation policy', () => {
  it('lets only app:, devtools: and data: requests through', () => {
    expect(isAllowedRequestUrl('app://tracelight/assets/index.js')).toBe(true);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html')).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true);
    for (const url of [
      'http://127.0.0.1:8080/',
      'https://example.com/x.js',
      'ws://127.0.0.1:9000/rpc',
      'wss://example.com/',
      'file:///etc/passwd',
      'ftp://example.com/',
      'not a url',
    ]) {
      expect(isAllowedRequestUrl(url), url).toBe(false);
    }
  });

  it('keeps the window on app://tracelight', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://tracelight/index.html#/timeline')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://tracelight/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
  });

  it('accepts dialog IPC only from our own page', () => {
    expect(isTrustedSender('app://tracelight/index.html')).toBe(true);
    expect(isTrustedSender('https://example.com/')).toBe(false);
    expect(isTrustedSender('')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('lets the page suggest a file name but never a folder', () => {
    expect(safeFileName('report.pdf')).toBe('report.pdf');
    expect(safeFileName('事件報告.xlsx')).toBe('事件報告.xlsx');
    expect(safeFileName('../../.ssh/authorized_keys')).toBe('authorized_keys');
    expect(safeFileName('C:\\Windows\\System32\\evil.dll')).toBe('evil.dll');
    expect(safeFileName('a\u0000b\nc.csv')).toBe('abc.csv');
    expect(safeFileName('..')).toBe('tracelight-export');
    expect(safeFileName(42)).toBe('tracelight-export');
  });
});

describe('app:// path resolver', () => {
  const root = path.resolve('/srv/tracelight/dist/renderer');

  it('serves files inside the renderer build', () => {
    expect(resolveAppUrl(root, 'app://tracelight/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl(root, 'app://tracelight/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl(root, 'app://tracelight')).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl(root, 'app://tracelight/assets/index-abc.js?v=1#x')).toBe(
      path.join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAppUrl(root, 'app://tracelight/assets/a%20b.css')).toBe(path.join(root, 'assets', 'a b.css'));
  });

  it.each([
    'app://x/../../etc/passwd',
    'app://tracelight/../../etc/passwd',
    'app://tracelight/assets/../../../etc/passwd',
    'app://tracelight/%2e%2e/%2e%2e/etc/passwd',
    'app://tracelight/%2E%2E/secret',
    'app://tracelight/.%2e/secret',
    'app://tracelight/..%2f..%2fetc%2fpasswd',
    'app://tracelight/..%5c..%5cwindows%5cwin.ini',
    'app://tracelight/..\\..\\windows\\win.ini',
    'app://tracelight/assets\\..\\..\\secret',
    'app://tracelight/%252e%252e/secret',
    'app://tracelight/C:%5cWindows%5cwin.ini',
    'app://tracelight/index.html%00.png',
    'app://tracelight/%E0%A4%A',
    'not-a-url',
  ])('refuses %s', (url) => {
    expect(resolveAppUrl(root, url)).toBeNull();
  });

  it('refuses traversal in a bare pathname too', () => {
    expect(resolveAppPathname(root, '/../x')).toBeNull();
    expect(resolveAppPathname(root, '/.')).toBeNull();
    expect(resolveAppPathname(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it('names the MIME types a module page needs', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('assets/index.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('a.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});

describe('permissions', () => {
  it('grants only clipboard writes, and only to our own page', async () => {
    const { isPermissionAllowed } = await import('../../../electron/main/security-policy');
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://tracelight/index.html')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    for (const p of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'fullscreen']) {
      expect(isPermissionAllowed(p, 'app://tracelight/index.html')).toBe(false);
    }
  });
});
