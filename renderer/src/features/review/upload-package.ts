// Serve mode: the browser cannot name paths on the engine's machine, so a package chosen in
// the page is uploaded first (PUT /review-upload, same token cookie as everything) and the
// engine opens the copy it received.

/** The relative upload URL for a package to review. */
export function reviewUploadUrl(file: { name: string; lastModified: number }): string {
  return `review-upload?name=${encodeURIComponent(file.name)}&mtime=${file.lastModified}`;
}

export async function uploadPackage(file: File): Promise<string> {
  const response = await fetch(reviewUploadUrl(file), { method: 'PUT', body: file });
  if (!response.ok) {
    const detail = (await response.text().catch(() => '')).slice(0, 200);
    throw new Error(`upload failed: ${response.status} ${detail || response.statusText}`.trim());
  }
  const body: unknown = await response.json();
  const path = (body as { path?: unknown } | null)?.path;
  if (typeof path !== 'string' || !path) throw new Error('upload failed: no path in the reply');
  return path;
}
