// GET /exports/<name>: a report or export the engine wrote for the open case, downloaded by the
// page (same token/cookie as everything else). Only plain file names directly inside the open
// case's exports folder are served: no folders, no traversal, no symlinks leading out of it.
import { createReadStream, existsSync, lstatSync, realpathSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { exportsDirFor, isSafeExportName } from '../../engine/export/exports-dir';

const TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8',
  '.jsonl': 'application/x-ndjson; charset=utf-8',
  '.zip': 'application/zip',
};

export const EXPORTS_ROUTE = '/exports/';

/** The file to send for a URL path, or null (404) when it is not a plain file of the exports folder. */
export function resolveExport(casePath: string | undefined, urlPath: string): string | null {
  if (!casePath || !urlPath.startsWith(EXPORTS_ROUTE)) return null;
  let name: string;
  try {
    name = decodeURIComponent(urlPath.slice(EXPORTS_ROUTE.length));
  } catch {
    return null;
  }
  if (!isSafeExportName(name)) return null;
  const dir = exportsDirFor(casePath);
  const file = path.join(dir, name);
  if (!existsSync(file)) return null;
  const st = lstatSync(file);
  if (!st.isFile() || st.isSymbolicLink()) return null;
  if (path.dirname(realpathSync(file)) !== realpathSync(dir)) return null;
  return file;
}

export function sendExport(res: ServerResponse, file: string, headers: Record<string, string>): void {
  const name = path.basename(file);
  // RFC 6266: an ASCII fallback plus the UTF-8 name (Japanese case names survive the download).
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  res.writeHead(200, {
    ...headers,
    'Content-Type': TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream',
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'Content-Length': String(lstatSync(file).size),
  });
  createReadStream(file).pipe(res);
}
