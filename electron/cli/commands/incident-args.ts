// Option parsing shared by the incident commands (incident, iocs, hunt, report): each parses its
// own options, so their names (--format, --out, --pdf) never collide with other commands'.
import type { ParseArgsConfig } from 'node:util';
import { parseCommandArgs } from '../args';

export { langOf } from '../args';

export interface Parsed {
  positionals: string[];
  str(name: string): string | undefined;
  list(name: string): string[];
  flag(name: string): boolean;
}

export function parseCommand(argv: string[], options: NonNullable<ParseArgsConfig['options']>): Parsed {
  const parsed = parseCommandArgs(argv, { json: { type: 'boolean', default: false }, ...options });
  const values = parsed.values as Record<string, string | boolean | (string | boolean)[] | undefined>;
  return {
    positionals: parsed.positionals,
    str: (n) => (typeof values[n] === 'string' ? (values[n] as string) : undefined),
    list: (n) => (Array.isArray(values[n]) ? (values[n] as string[]) : typeof values[n] === 'string' ? [values[n] as string] : []),
    flag: (n) => values[n] === true,
  };
}
