// How every CLI command reads its arguments: Node's parseArgs, strict, positionals allowed,
// and a malformed command line as a usage error (exit 2, one line on stderr). Commands whose
// options differ in meaning from the global table (export's `--csv FILE`, the incident
// commands' `--format`) call it with their own options; main.ts with the global table.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** --lang of the commands that write for a reader: en (the default) or ja. */
export function langOf(v: string | undefined): 'en' | 'ja' {
  if (v === undefined) return 'en';
  if (v !== 'en' && v !== 'ja') throw new UsageError(`invalid --lang "${v}" (en or ja)`);
  return v;
}
