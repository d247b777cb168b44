// Where the shipped rules and mappings are: `resources/` at the repository (or package) root,
// found by walking up from this module. That is ../../resources from the CLI bundle
// (dist/cli/tracelight.mjs) and from the engine host (dist/electron/), and five levels up from
// this source file when the tests run it directly.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null | undefined;

/** The `resources` directory, or null when neither the bundle nor the sources have one. */
function resourcesDir(): string | null {
  if (cached !== undefined) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, 'resources');
    if (existsSync(path.join(candidate, 'rules')) && statSync(candidate).isDirectory()) return (cached = candidate);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return (cached = null);
}

/** A file or folder under resources/, or an error naming what is missing. */
export function resourcePath(...parts: string[]): string {
  const root = resourcesDir();
  if (!root) throw new Error('the resources folder (rules and mappings) was not found beside the program');
  return path.join(root, ...parts);
}
