// Receives a dropped file from the browser (PUT /upload?name=&mtime=) into the case's
// evidence folder, so the engine can hash and parse it like a local file.
import { createWriteStream, utimesSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { safeFileName } from '../../engine/rpc/service';

export async function receiveUpload(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  uploadDir: string,
  headers: Record<string, string>,
): Promise<void> {
  const original = url.searchParams.get('name') ?? '';
  const name = safeFileName(path.basename(original.replace(/\\/g, '/')));
  const mtime = Number(url.searchParams.get('mtime'));
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(uploadDir, `${stamp}_${name}`);
  // 'wx': never overwrite evidence already received.
  await pipeline(req, createWriteStream(target, { flags: 'wx', mode: 0o600 }));
  if (Number.isFinite(mtime) && mtime > 0) utimesSync(target, new Date(), new Date(mtime));
  res.writeHead(201, { ...headers, 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ path: target, name: original }));
}
