// Where exports may be written. Checked before anything is written, for the CLI and the app
// alike: an output never replaces evidence or the case itself (not even with --force), two
// outputs never share a path, the folder must exist, and an existing file is kept unless the
// caller asked to overwrite it.
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CaseSession } from '../custody/session';
import type { ExportKind } from './types';

export class ExportTargetError extends Error {
  override name = 'ExportTargetError';
}

export interface ExportTarget {
  kind: ExportKind | 'package';
  path: string;
}

function canonical(p: string): string {
  const abs = path.resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    // Not there yet: resolve the folder (it may be a symlink) and keep the name.
    try {
      return path.join(realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

/** Files an export must never overwrite: the case, its journal and lock, and every evidence file. */
function protectedPaths(session: CaseSession): Set<string> {
  const c = session.path;
  const paths = [c, `${c}.journal`, `${c}.lock`, ...session.store.all<{ path: string }>('SELECT path FROM evidence').map((e) => e.path)];
  return new Set(paths.map(canonical));
}

export function checkTargets(session: CaseSession, targets: ExportTarget[], force: boolean): void {
  if (!targets.length) throw new ExportTargetError('nothing to export: choose at least one output');
  const guarded = protectedPaths(session);
  const seen = new Map<string, string>();
  for (const t of targets) {
    const where = canonical(t.path);
    if (guarded.has(where)) throw new ExportTargetError(`${t.path}: refusing to write the ${t.kind} export over the case or an evidence file`);
    const other = seen.get(where);
    if (other) throw new ExportTargetError(`${t.path}: the ${other} and ${t.kind} exports would write the same file`);
    seen.set(where, t.kind);
    const dir = path.dirname(path.resolve(t.path));
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ExportTargetError(`${t.path}: folder ${dir} does not exist`);
    if (existsSync(t.path)) {
      if (statSync(t.path).isDirectory()) throw new ExportTargetError(`${t.path}: is a folder`);
      if (!force) throw new ExportTargetError(`${t.path}: file exists (use --force to replace it)`);
    }
  }
}
