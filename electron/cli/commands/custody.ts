// `tracelight custody CASE [--json]`: the custody log with its chain verified.
// Opens the case for inspection only: nothing is recorded, no lock is taken.
import { warn, write } from '../output';
import { openCase } from './open-case';

export async function custodyCommand(args: { casePath: string; json: boolean }): Promise<number> {
  const session = await openCase(args.casePath, { readOnly: true });
  try {
    const status = session.chain;
    const entries = session.entries();
    if (args.json) {
      const out = {
        case: session.path,
        caseId: session.meta().caseId,
        chain: status,
        entries: entries.map((e) => ({ ...e, details: JSON.parse(e.details) as unknown })),
      };
      await write(`${JSON.stringify(out, null, 2)}\n`);
    } else {
      for (const e of entries) {
        await write(`${e.id}\t${e.time}\t${e.examiner}\t${e.workstation}\t${e.action}\t${e.details}\n`);
      }
      await write(status.ok ? `chain intact: ${status.count} entries, head ${status.head}\n` : '');
    }
    if (!status.ok) {
      warn(`${session.path}: custody chain broken at entry ${status.problem!.entryId}: ${status.problem!.reason}`);
      return 1;
    }
    return 0;
  } finally {
    session.close();
  }
}
