// CASE.tlcase.lock: one writer per case. Created with 'wx' so two Tracelights racing for it
// cannot both win; a lock left by a process that died on this machine is taken over.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import type { CodedText } from '../../common/coded-text';
import { processAlive } from '../process-alive';

export interface LockOwner {
  pid: number;
  host: string;
  examiner: string;
  since: string;
}

/** Not acquired: `reason` in English (the CLI, the case's read-only reason) and as a code for the UI. */
export type LockResult = { acquired: true; release(): void } | { acquired: false; owner: LockOwner | null; reason: string; coded: CodedText };

function lockPath(casePath: string): string {
  return `${casePath}.lock`;
}

function readOwner(file: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

export function acquireLock(casePath: string, examiner: string): LockResult {
  const file = lockPath(casePath);
  const me: LockOwner = { pid: process.pid, host: os.hostname(), examiner, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(me), { flag: 'wx', mode: 0o600 });
      return {
        acquired: true,
        release: () => {
          if (readOwner(file)?.pid === process.pid) unlinkSync(file);
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        const code = String((err as NodeJS.ErrnoException).code);
        return { acquired: false, owner: null, reason: `cannot create lock file (${code})`, coded: { code: 'lock.cannotCreate', params: { why: code } } };
      }
    }
    const owner = readOwner(file);
    // Only a lock from this host can be judged stale: another host's pids mean nothing here.
    const stale = owner !== null && owner.host === me.host && owner.pid !== process.pid && !processAlive(owner.pid);
    if (!stale) {
      if (!owner) return { acquired: false, owner, reason: 'opened by another Tracelight', coded: { code: 'lock.openedElsewhere' } };
      const params = { examiner: String(owner.examiner), host: String(owner.host), pid: String(owner.pid), since: String(owner.since) };
      return { acquired: false, owner, reason: `opened by ${owner.examiner} on ${owner.host} (pid ${owner.pid}) since ${owner.since}`, coded: { code: 'lock.openedBy', params } };
    }
    unlinkSync(file);
  }
  return { acquired: false, owner: null, reason: 'lock file keeps reappearing', coded: { code: 'lock.reappearing' } };
}
