// `tracelight evidence CASE [--json] [--remove ID]`: the evidence registry; --remove drops
// an evidence file whose ingest never completed (a complete one is part of the record).
import { ActionError, removeEvidence } from '../../engine/custody/actions';
import { listEvidence } from '../../engine/store/evidence-registry';
import { UsageError } from '../errors';
import { write } from '../output';
import { openCase } from './open-case';

export async function evidenceCommand(args: { casePath: string; remove?: string; examiner?: string; json: boolean }): Promise<number> {
  const removing = args.remove !== undefined;
  const id = Number(args.remove);
  if (removing && (!Number.isInteger(id) || id <= 0)) throw new UsageError(`invalid evidence id "${args.remove}"`);
  const session = await openCase(args.casePath, removing ? { examiner: args.examiner, mustWrite: true } : { readOnly: true });
  try {
    if (removing) {
      try {
        removeEvidence(session, id);
      } catch (err) {
        if (err instanceof ActionError) throw new UsageError(`${args.casePath}: ${err.message}`);
        throw err;
      }
      session.checkpoint();
    }
    const evidence = listEvidence(session.store);
    if (args.json) await write(`${JSON.stringify({ case: session.path, evidence }, null, 2)}\n`);
    else {
      for (const e of evidence) {
        await write(`${e.id}\t${e.exhibit ?? ''}\t${e.status}\t${e.name}\t${e.sha256 ?? ''}\t${e.path}\n`);
      }
    }
    return 0;
  } finally {
    session.close();
  }
}
