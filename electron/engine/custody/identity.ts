// Who is acting and where: recorded with every custody entry.
import os from 'node:os';

export interface Examiner {
  name: string;
  /** How the name was obtained, so a log read later shows a defaulted identity as such. */
  source: 'given' | 'env' | 'os-user';
}

export function resolveExaminer(given?: string): Examiner {
  const trimmed = given?.trim();
  if (trimmed) return { name: trimmed, source: 'given' };
  const env = process.env.TRACELIGHT_EXAMINER?.trim();
  if (env) return { name: env, source: 'env' };
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    /* no passwd entry (containers): keep "unknown" */
  }
  return { name: user, source: 'os-user' };
}

export function workstation(): string {
  return os.hostname();
}
