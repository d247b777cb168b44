// Serve mode: a package chosen in the page is uploaded to its own endpoint (PUT
// /review-upload) before the engine opens the copy it received.
import { putUpload } from '../../client/put-upload';

/** The relative upload URL for a package to review. */
export function reviewUploadUrl(file: { name: string; lastModified: number }): string {
  return `review-upload?name=${encodeURIComponent(file.name)}&mtime=${file.lastModified}`;
}

/** Uploads a package to review; resolves to where the engine can open it. */
export function uploadPackage(file: File): Promise<string> {
  return putUpload(reviewUploadUrl(file), file);
}
