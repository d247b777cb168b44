// Opening a case from the command line: a missing or foreign file is a one-line error
// (exit 2), and a command that must write refuses a case another Tracelight holds.
import { existsSync } from 'node:fs';
import { CaseSession, type OpenOptions } from '../../engine/custody/session';
import '../../engine/rpc/replay-effects';
import { UsageError } from '../errors';

export async function openCase(casePath: string, opts: OpenOptions & { mustWrite?: boolean }): Promise<CaseSession> {
  if (!opts.create && !existsSync(casePath)) throw new UsageError(`${casePath}: no such case file`);
  const session = await CaseSession.open(casePath, opts);
  if (opts.mustWrite && session.readOnly) {
    session.close();
    throw new UsageError(`${casePath}: case is read-only: ${session.readOnlyReason}`);
  }
  return session;
}
