// Serve mode: the browser cannot name paths on the engine's machine, so a chosen or dropped
// file is PUT to the server first (same token cookie as everything) and the engine works on
// the copy it received.

/** Uploads `file` to `url` (relative to the page); resolves to the path the server stored it at. */
export async function putUpload(url: string, file: File): Promise<string> {
  const response = await fetch(url, { method: 'PUT', body: file });
  if (!response.ok) {
    const detail = (await response.text().catch(() => '')).slice(0, 200);
    throw new Error(`upload failed: ${response.status} ${detail || response.statusText}`.trim());
  }
  const body: unknown = await response.json();
  const path = (body as { path?: unknown } | null)?.path;
  if (typeof path !== 'string' || !path) throw new Error('upload failed: no path in the reply');
  return path;
}
