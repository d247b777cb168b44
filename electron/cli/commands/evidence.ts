// `tracelight evidence CASE [--json] [--remove ID] [--skew ID=±HH:MM:SS [--reason TEXT]]`: the
// evidence registry; --remove drops an evidence file whose ingest never completed (a complete
// one is part of the record); --skew corrects the clock of one evidence file's events.
import { parseSkew } from '../../common/ingest-options';
import { ActionError, removeEvidence } from '../../engine/custody/actions';
import { skewEvidence } from '../../engine/custody/skew';
import { listEvidence } from '../../engine/store/evidence-registry';
import { UsageError } from '../errors';
import { write } from '../output';
import { openCase } from './open-case';

export interface EvidenceArgs {
  casePath: string;
  remove?: string;
  skew?: string;
  reason?: string;
  examiner?: string;
  json: boolean;
}

function parseSkewArg(arg: string): { id: number; skewMs: number } {
  const m = /^(\d+)=(.+)$/.exec(arg.trim());
  const skewMs = m ? parseSkew(m[2]!) : null;
  if (!m || skewMs === null) throw new UsageError(`invalid --skew "${arg}" (ID=±HH:MM:SS, e.g. 3=+00:05:00 when the device clock ran 5 minutes slow)`);
  return { id: Number(m[1]), skewMs };
}

export async function evidenceCommand(args: EvidenceArgs): Promise<number> {
  const removing = args.remove !== undefined;
  const id = Number(args.remove);
  if (removing && (!Number.isInteger(id) || id <= 0)) throw new UsageError(`invalid evidence id "${args.remove}"`);
  if (removing && args.skew !== undefined) throw new UsageError('choose one of --remove and --skew');
  if (args.reason !== undefined && args.skew === undefined) throw new UsageError('--reason goes with --skew');
  const skew = args.skew === undefined ? null : parseSkewArg(args.skew);
  const writing = removing || skew !== null;
  const session = await openCase(args.casePath, writing ? { examiner: args.examiner, mustWrite: true } : { readOnly: true });
  try {
    try {
      if (removing) removeEvidence(session, id);
      if (skew) skewEvidence(session, skew.id, skew.skewMs, args.reason);
    } catch (err) {
      if (err instanceof ActionError) throw new UsageError(`${args.casePath}: ${err.message}`);
      throw err;
    }
    if (writing) session.checkpoint();
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
