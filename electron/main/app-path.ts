// Maps an app:// URL to a file under the renderer's build folder, and names its MIME type.
// Pure (no 'electron'), so the traversal checks are unit-tested.
import path from 'node:path';

/**
 * The file an app:// URL names inside root, or null when the URL tries to leave root or is
 * malformed. Checked twice on purpose: the raw and decoded path may hold no '..' segment (in
 * any encoding or slash style), and the resolved path must still lie inside root. A request
 * that tries to climb is refused, not silently normalized into something else.
 */
export function resolveAppUrl(root: string, url: string): string | null {
  // Parsed by hand rather than with URL(): the WHATWG parser would quietly drop '..' segments
  // and we want to see (and refuse) what was asked for.
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\\]*([^?#]*)/i.exec(url);
  if (!match) return null;
  return resolveAppPathname(root, match[1] || '/');
}

/** The same check for a URL's (still percent-encoded) pathname. */
export function resolveAppPathname(root: string, pathname: string): string | null {
  if (hasDotDotSegment(pathname)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  // NUL ends a path in C; ':' would let 'C:\x' or an NTFS stream name escape on Windows.
  if (decoded.includes('\0') || decoded.includes(':') || hasDotDotSegment(decoded)) return null;

  const relative = decoded.replace(/^[/\\]+/, '') || 'index.html';
  const base = path.resolve(root);
  const full = path.resolve(base, relative);
  const rel = path.relative(base, full);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return full;
}

function hasDotDotSegment(p: string): boolean {
  // Split on both slash styles: Chromium treats '\' as '/' in standard-scheme URLs and Windows
  // paths use it as a separator.
  return p.split(/[/\\]/).some((segment) => segment === '..' || /^(\.|%2e){2}$/i.test(segment));
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Module scripts are refused unless served as JavaScript, so the type must be exact. */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
