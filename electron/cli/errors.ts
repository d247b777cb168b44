// User-facing failures of the command line. Contract 1: exit 2 with one clear line on
// stderr naming the file and the reason, never a stack trace.

export class UsageError extends Error {
  override name = 'UsageError';
}

export const EXIT = { ok: 0, altered: 1, usage: 2 } as const;
