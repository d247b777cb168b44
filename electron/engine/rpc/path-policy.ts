// Which paths a caller may name. The desktop app and the CLI act for the user at the keyboard
// and may name any file; in serve mode a browser holding the token could otherwise make the
// engine read any file on the machine, so there it names only files uploaded to the open case,
// packages uploaded for review, and cases in the workspace. One sandbox for every handler.
import path from 'node:path';
import { ActionError } from '../custody/actions';
import type { EngineMode } from './context';

/** Is `file` inside `dir` (after resolving both)? */
export function isInside(file: string, dir: string): boolean {
  return path.resolve(file).startsWith(path.resolve(dir) + path.sep);
}

/** The refusals callers pass to checkUpload, as codes (common/coded-text.ts) for a UI in another language. */
const REFUSAL_CODES: Record<string, string> = {
  'serve mode ingests only files uploaded to this case': 'path.uploadOnlyIngest',
  'serve mode reads only IOC files uploaded to this case': 'path.uploadOnlyIoc',
};

export interface PathPolicyOptions {
  mode: EngineMode;
  workspaceDir: string;
  casePath?: string;
}

export class PathPolicy {
  constructor(private readonly options: PathPolicyOptions) {}

  /** The browser may name only files it uploaded (into `uploadDir`); `refusal` says what it asked. */
  checkUpload(p: string, uploadDir: () => string, refusal: string): void {
    if (this.options.mode !== 'serve') return;
    if (!isInside(p, uploadDir())) {
      const code = REFUSAL_CODES[refusal];
      throw new ActionError(refusal, code ? { code } : { code: 'text', params: { text: refusal } });
    }
  }

  checkCasePath(p: string): string {
    const resolved = path.resolve(p);
    if (this.options.mode === 'desktop') return resolved;
    const inWorkspace = path.dirname(resolved) === path.resolve(this.options.workspaceDir);
    if (!inWorkspace && resolved !== (this.options.casePath && path.resolve(this.options.casePath))) {
      throw new ActionError('only cases in the workspace can be opened from the browser', { code: 'path.workspaceOnly' });
    }
    return resolved;
  }
}
