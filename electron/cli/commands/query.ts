import { existsSync } from 'node:fs';
import { CaseSession } from '../../engine/custody/session';
import '../../engine/rpc/replay-effects';
import { UsageError } from '../errors';
import { csvCell, write } from '../output';

export interface QueryArgs {
  casePath: string;
  sql: string;
  mode: 'json' | 'csv' | 'table';
}

/**
 * Runs SQL against an in-memory copy of the case; the case file is never written, so a
 * query cannot alter evidence records. The copy includes the journal's tail, so a query sees
 * every tag and note a running workbench has reported as saved.
 */
export async function queryCommand(args: QueryArgs): Promise<number> {
  if (!existsSync(args.casePath)) throw new UsageError(`${args.casePath}: no such case file`);
  const session = await CaseSession.open(args.casePath, { readOnly: true });
  const store = session.store;
  try {
    let stmt;
    try {
      stmt = store.db.prepare(args.sql);
    } catch (err) {
      throw new UsageError(`SQL error: ${(err as Error).message}`);
    }
    // Rows are written 64 KiB at a time: one write per row (one system call each) took longer
    // than the query itself for a million-row GROUP BY.
    let pending = '';
    const out = async (text: string): Promise<void> => {
      pending += text;
      if (pending.length >= 1 << 16) {
        await write(pending);
        pending = '';
      }
    };
    try {
      const columns = stmt.getColumnNames();
      let first = true;
      if (args.mode === 'json') await out('[');
      if (args.mode === 'csv') await out(`${columns.map(csvCell).join(',')}\r\n`);
      if (args.mode === 'table') await out(`${columns.join('\t')}\n`);
      for (;;) {
        let more: boolean;
        try {
          more = stmt.step();
        } catch (err) {
          throw new UsageError(`SQL error: ${(err as Error).message}`);
        }
        if (!more) break;
        const values = stmt.get();
        if (args.mode === 'json') {
          const row: Record<string, unknown> = {};
          columns.forEach((c, i) => (row[c] = values[i] instanceof Uint8Array ? Buffer.from(values[i]).toString('base64') : values[i]));
          await out(`${first ? '\n' : ',\n'}${JSON.stringify(row)}`);
        } else if (args.mode === 'csv') {
          await out(`${values.map(csvCell).join(',')}\r\n`);
        } else {
          await out(`${values.map((v) => (v === null ? '' : String(v).replace(/[\t\n\r]/g, ' '))).join('\t')}\n`);
        }
        first = false;
      }
      if (args.mode === 'json') await out(first ? ']\n' : '\n]\n');
    } finally {
      stmt.free();
      if (pending) await write(pending);
    }
  } finally {
    session.close();
  }
  return 0;
}
