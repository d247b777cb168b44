// Where serve mode writes exports: a folder beside the case (CASE.exports/), the only place
// its download route reads from.
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export function exportsDirFor(casePath: string): string {
  return casePath.replace(/\.tlcase$/i, '') + '.exports';
}

export function ensureExportsDir(casePath: string): string {
  const dir = exportsDirFor(casePath);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A download name is one plain file name: no folders, no traversal, no hidden files. */
export function isSafeExportName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && !/[/\\\0]/.test(name) && !name.startsWith('.') && path.basename(name) === name;
}
