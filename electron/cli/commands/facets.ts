// `tracelight facets CASE --field F [--limit N] [--json | --csv]`: events per value of one
// field over the whole case ("requests per client"), read from the rollups kept at ingest
// (store/rollups/, the same counts the workspace's facets show), not from a GROUP BY over every
// event. Where some file had too many distinct values of the field to roll up (rollup_gap), the
// answer comes from a scan instead, and the output says so (`source`), because the two differ
// in cost by orders of magnitude, never in the counts.
import { existsSync } from 'node:fs';
import { CaseSession } from '../../engine/custody/session';
import { facetCounts, facetSource, ROLLUP_FIELDS } from '../../engine/store/rollups';
import { isRollupField } from '../../engine/store/rollups/fields';
import '../../engine/rpc/replay-effects';
import { parseCommandArgs } from '../args';
import { UsageError } from '../errors';
import { csvCell, write } from '../output';

export interface FacetsArgs {
  casePath: string;
  field: string;
  /** Most frequent values kept; undefined: every value. */
  limit?: number;
  mode: 'json' | 'csv' | 'table';
}

export function parseFacetsArgs(argv: string[]): FacetsArgs {
  const { values, positionals } = parseCommandArgs(argv, {
    field: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean', default: false },
    csv: { type: 'boolean', default: false },
  });
  const [casePath, ...extra] = positionals;
  if (!casePath || extra.length) throw new UsageError('facets needs one CASE and --field FIELD');
  const field = values.field;
  if (field === undefined) throw new UsageError(`facets needs --field (one of ${ROLLUP_FIELDS.join(', ')})`);
  if (!isRollupField(field)) throw new UsageError(`no facet for field "${field}" (one of ${ROLLUP_FIELDS.join(', ')})`);
  if (values.json && values.csv) throw new UsageError('choose one of --json and --csv');
  let limit: number | undefined;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit wants a whole number above 0, not "${values.limit}"`);
  }
  return { casePath, field, limit, mode: values.json ? 'json' : values.csv ? 'csv' : 'table' };
}

export async function facetsCommand(args: FacetsArgs): Promise<number> {
  if (!existsSync(args.casePath)) throw new UsageError(`${args.casePath}: no such case file`);
  if (!isRollupField(args.field)) throw new UsageError(`no facet for field "${args.field}"`);
  const field = args.field;
  // Read-only, like `query`: the case file is never written.
  const session = await CaseSession.open(args.casePath, { readOnly: true });
  try {
    const store = session.store;
    const source = facetSource(store, field);
    // Every value unless asked: facetCounts takes a LIMIT, and 2^31-1 binds as an integer.
    const rows = facetCounts(store, field, args.limit ?? 0x7fffffff);
    if (args.mode === 'json') {
      await write(`${JSON.stringify({ field, source, values: rows })}\n`);
    } else if (args.mode === 'csv') {
      await write(`${csvCell(field)},count\r\n${rows.map((r) => `${csvCell(r.value)},${r.count}\r\n`).join('')}`);
    } else {
      const text = rows.map((r) => `${String(r.value).replace(/[\t\n\r]/g, ' ')}\t${r.count}\n`).join('');
      await write(`${field}\tcount\n${text}`);
    }
    if (source === 'scan' && args.mode !== 'json') {
      process.stderr.write(`tracelight: ${field} has too many distinct values in some file to be rolled up: counted by a scan of the events\n`);
    }
  } finally {
    session.close();
  }
  return 0;
}

/** The command as main.ts dispatches it (it parses its own options). */
export function facetsMain(argv: string[]): Promise<number> {
  return facetsCommand(parseFacetsArgs(argv));
}
