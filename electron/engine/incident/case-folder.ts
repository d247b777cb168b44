// The cases of a folder (or one case): every *.tlcase directly in it, in name order. Hidden
// files (working copies, partial saves) are not cases.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export class FolderError extends Error {
  override name = 'UnreadableInputError';
}

export function casesIn(target: string): string[] {
  let st;
  try {
    st = statSync(target);
  } catch (err) {
    throw new FolderError(`${target}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (st.isFile()) return [path.resolve(target)];
  return readdirSync(target)
    .filter((f) => f.toLowerCase().endsWith('.tlcase') && !f.startsWith('.'))
    .sort()
    .map((f) => path.resolve(target, f))
    .filter((f) => statSync(f).isFile());
}
