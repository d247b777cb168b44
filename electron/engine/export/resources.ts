// Files the exports ship with (resources/ at the repository root, beside dist/ when built).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** resources/<rel>, found from the sources (tests), the built CLI (dist/cli) or the packaged app. */
export function resourcePath(rel: string): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, 'resources', rel);
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`resources/${rel} is missing from this Tracelight installation`);
}
