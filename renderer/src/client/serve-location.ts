// Address arithmetic for serve mode; pure so it is unit-tested without a browser.

/** The engine socket beside the page: ws://host:port/rpc (wss under https). */
export function rpcUrl(location: { protocol: string; host: string }): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/rpc`;
}

/**
 * The address without its ?token=..., or null when there is none. The server has already
 * turned the token into an HttpOnly cookie; leaving it in the address bar would leak it into
 * history, screenshots and bug reports.
 */
export function addressWithoutToken(href: string): string | null {
  const url = new URL(href);
  if (!url.searchParams.has('token')) return null;
  url.searchParams.delete('token');
  return url.pathname + url.search + url.hash;
}

/** The relative upload URL serve mode accepts (PUT, body = the file's bytes). */
export function uploadUrl(file: { name: string; lastModified: number }): string {
  return `upload?name=${encodeURIComponent(file.name)}&mtime=${file.lastModified}`;
}
