// A reader thread's way of letting a save go first. The reads (read-methods.ts) step through
// rows with sql.js statements; facets of 400k events hold the read lock for seconds, and a save
// (an examiner's tag, an index chunk) would wait that long on the engine thread. So in a reader
// thread every statement step first looks whether a writer waits (store/read-lock.ts); if one
// does, the step throws WriterWaiting, the read is dropped, the lock left, and the read starts
// again on the save the writer makes (reader-thread.ts). Correct answers before fast ones: a
// restarted read returns what one whole save holds.
import type { Database } from 'sql.js';
import type { ReadLock } from '../../store/read-lock';

/** Thrown out of a step when a save waits; the read is restarted, never answered from it. */
export class WriterWaiting extends Error {
  override name = 'WriterWaiting';
}

type Step = (this: unknown, ...args: unknown[]) => boolean;

let armed: ReadLock | null = null;

/**
 * Wraps the step of sql.js's statements (the prototype every statement of this thread shares,
 * reached through one throwaway statement of `db`). Idempotent. The check is one atomic load.
 */
export function installStepGuard(db: Database): void {
  const probe = db.prepare('SELECT 1');
  const proto = Object.getPrototypeOf(probe) as { step: Step; __tracelightGuard?: true };
  probe.free();
  if (proto.__tracelightGuard) return;
  const step = proto.step;
  proto.step = function guardedStep(this: unknown, ...args: unknown[]): boolean {
    if (armed?.writerWaiting()) throw new WriterWaiting('a save is waiting');
    return step.apply(this, args);
  };
  proto.__tracelightGuard = true;
}

/**
 * Runs `fn` with the guard armed on `lock`: its statements throw WriterWaiting while a writer
 * waits. Unarmed outside (opening the case, a last attempt that must finish).
 */
export function withStepGuard<T>(lock: ReadLock | null, fn: () => T): T {
  const before = armed;
  armed = lock;
  try {
    return fn();
  } finally {
    armed = before;
  }
}
